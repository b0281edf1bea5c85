import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { MessageKey } from './i18n';
import { ensureSessionChecked, hasPermission, noticeAfterNavigation, notice, pendingNotice, session } from './session';
import LoginView from './views/LoginView.vue';
import HomeView from './views/HomeView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    title: MessageKey;
    public?: boolean;
    /** Reachable while two-factor set-up is still required. */
    duringTotpSetup?: boolean;
    permission?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { title: 'title.login', public: true } },
    { path: '/', name: 'home', component: HomeView, meta: { title: 'title.home' } },
    {
      path: '/account/two-factor',
      name: 'totp',
      component: () => import('./views/TotpView.vue'),
      meta: { title: 'title.totp', duringTotpSetup: true },
    },
    {
      path: '/account/password',
      name: 'password',
      component: () => import('./views/PasswordView.vue'),
      meta: { title: 'title.password', duringTotpSetup: true },
    },
    {
      path: '/admin/accounts',
      name: 'users',
      component: () => import('./views/UsersView.vue'),
      meta: { title: 'title.users', permission: 'users.manage' },
    },
    {
      path: '/admin/accounts/:id',
      name: 'user',
      component: () => import('./views/UserView.vue'),
      meta: { title: 'title.user', permission: 'users.manage' },
    },
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./views/AuditView.vue'),
      meta: { title: 'title.audit', permission: 'audit.read' },
    },
    {
      path: '/persons',
      name: 'persons',
      component: () => import('./views/PersonsView.vue'),
      meta: { title: 'title.persons', permission: 'persons.read' },
    },
    {
      path: '/persons/new',
      name: 'person-new',
      component: () => import('./views/PersonNewView.vue'),
      meta: { title: 'title.person_new', permission: 'persons.write' },
    },
    {
      path: '/persons/import',
      name: 'import',
      component: () => import('./views/ImportView.vue'),
      meta: { title: 'title.import', permission: 'persons.import' },
    },
    {
      path: '/persons/:id',
      name: 'person',
      component: () => import('./views/PersonView.vue'),
      meta: { title: 'title.person', permission: 'persons.read' },
    },
    {
      path: '/register/acknowledgements',
      name: 'register-acknowledgements',
      component: () => import('./views/AcknowledgementsView.vue'),
      meta: { title: 'title.acknowledgements', permission: 'register' },
    },
    {
      path: '/register/secrecy',
      name: 'register-secrecy',
      component: () => import('./views/SecrecyView.vue'),
      meta: { title: 'title.secrecy', permission: 'register' },
    },
    {
      path: '/register/prefect-export',
      name: 'prefect-export',
      component: () => import('./views/PrefectExportView.vue'),
      meta: { title: 'title.prefect_export', permission: 'register.prefect_export' },
    },
    {
      path: '/admin/register-agents',
      name: 'register-agents',
      component: () => import('./views/AgentsView.vue'),
      meta: { title: 'title.register_agents', permission: 'register.agents' },
    },
    {
      path: '/alerts',
      name: 'alerts',
      component: () => import('./views/AlertsView.vue'),
      meta: { title: 'title.alerts', permission: 'alerts.manage' },
    },
    {
      path: '/rights',
      name: 'rights',
      component: () => import('./views/RightsView.vue'),
      meta: { title: 'title.rights', permission: 'rights' },
    },
    {
      path: '/retention',
      name: 'retention',
      component: () => import('./views/RetentionView.vue'),
      meta: { title: 'title.retention', permission: 'retention' },
    },
    {
      path: '/calls/figures',
      name: 'figures',
      component: () => import('./views/FiguresView.vue'),
      meta: { title: 'title.figures', permission: 'calls.supervise' },
    },
    {
      path: '/situations',
      name: 'situations',
      component: () => import('./views/SituationsView.vue'),
      meta: { title: 'title.situations', permission: 'follow_up' },
    },
    {
      path: '/referrals/overdue',
      name: 'referrals-overdue',
      component: () => import('./views/OverdueReferralsView.vue'),
      meta: { title: 'title.referrals_overdue', permission: 'calls.supervise' },
    },
    {
      path: '/partners',
      name: 'partners',
      component: () => import('./views/PartnersView.vue'),
      meta: { title: 'title.partners', permission: 'campaigns.manage' },
    },
    {
      path: '/partner/referrals',
      name: 'partner-referrals',
      component: () => import('./views/PartnerReferralsView.vue'),
      meta: { title: 'title.partner_referrals', permission: 'referrals.partner' },
    },
    {
      path: '/inbound/new',
      name: 'inbound',
      component: () => import('./views/InboundView.vue'),
      meta: { title: 'title.inbound', permission: 'inbound' },
    },
    {
      path: '/inbound',
      name: 'inbound-queues',
      component: () => import('./views/InboundQueuesView.vue'),
      meta: { title: 'title.inbound_queues', permission: 'inbound' },
    },
    {
      path: '/campaigns',
      name: 'campaigns',
      component: () => import('./views/CampaignsView.vue'),
      meta: { title: 'title.campaigns', permission: 'campaigns.manage' },
    },
    {
      path: '/campaigns/:id',
      name: 'campaign',
      component: () => import('./views/CampaignView.vue'),
      meta: { title: 'title.campaign', permission: 'campaigns.manage' },
    },
    {
      path: '/callers',
      name: 'callers',
      component: () => import('./views/CallersView.vue'),
      meta: { title: 'title.callers', permission: 'campaigns.manage' },
    },
    {
      path: '/calls',
      name: 'my-worklist',
      component: () => import('./views/CallScreenView.vue'),
      meta: { title: 'title.my_worklist', permission: 'calls.work' },
    },
    {
      path: '/worklists',
      name: 'worklists',
      component: () => import('./views/WorklistsView.vue'),
      meta: { title: 'title.worklists', permission: 'calls.supervise' },
    },
    {
      path: '/escalations',
      name: 'escalations',
      component: () => import('./views/EscalationsView.vue'),
      meta: { title: 'title.escalations', permission: 'calls.supervise' },
    },
    {
      path: '/visits',
      name: 'my-visits',
      component: () => import('./views/VisitsView.vue'),
      meta: { title: 'title.my_visits', permission: 'visits' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./views/NotFoundView.vue'),
      meta: { title: 'title.not_found', public: true },
    },
  ],
});

function loginTarget(to: RouteLocationNormalized) {
  return to.fullPath === '/' || to.name === 'login'
    ? { name: 'login' }
    : { name: 'login', query: { redirect: to.fullPath } };
}

router.beforeEach(async (to) => {
  await ensureSessionChecked();
  if (to.name === 'login' && session.value) return { name: 'home' };
  if (to.meta.public) return true;
  if (!session.value) return loginTarget(to);
  if (session.value.totp_setup_required && !to.meta.duringTotpSetup) {
    return { name: 'totp' };
  }
  if (!hasPermission(to.meta.permission)) {
    noticeAfterNavigation('app.forbidden', 'error');
    return { name: 'home' };
  }
  return true;
});

router.afterEach((_to, from, failure) => {
  if (failure) return;
  notice.value = pendingNotice.value;
  pendingNotice.value = null;
  // Move the focus to the new page's heading so that keyboard and screen
  // reader users start reading the new page (not on the very first load).
  if (from.matched.length === 0) return;
  void nextTick(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus();
  });
});

export function goToLogin(expired: boolean): void {
  const current = router.currentRoute.value;
  if (expired) noticeAfterNavigation('app.session_expired', 'error');
  void router.push(loginTarget(current));
}
