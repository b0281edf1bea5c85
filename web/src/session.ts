// Application state shared by the views: the session, the API client, notices.
import { ref } from 'vue';
import { ApiError, createApi, type SessionInfo } from './api';
import { lang, t, type MessageKey } from './i18n';

export const session = ref<SessionInfo | null>(null);
export const sessionChecked = ref(false);

export interface Notice {
  text: string;
  kind: 'info' | 'error';
}
/** The notice shown at the top of the page (in a polite live region). */
export const notice = ref<Notice | null>(null);
/** A notice to show after the next navigation. */
export const pendingNotice = ref<Notice | null>(null);

export function showNotice(text: string, kind: Notice['kind'] = 'info'): void {
  notice.value = { text, kind };
}
export function noticeAfterNavigation(key: MessageKey, kind: Notice['kind'] = 'info'): void {
  pendingNotice.value = { text: t(key), kind };
}

const hooks = {
  unauthenticated: () => {},
  totpSetupRequired: () => {},
};

/** Set by main.ts once the router exists (keeps this module router-free). */
export function setNavigationHooks(h: { unauthenticated: () => void; totpSetupRequired: () => void }) {
  hooks.unauthenticated = h.unauthenticated;
  hooks.totpSetupRequired = h.totpSetupRequired;
}

export const api = createApi({
  language: () => lang.value,
  onUnauthenticated: () => {
    if (!session.value) return; // already logged out: the router guard handles it
    session.value = null;
    hooks.unauthenticated();
  },
  onTotpSetupRequired: () => hooks.totpSetupRequired(),
  fallbackMessage: (kind) => t(kind === 'network' ? 'app.error_network' : 'app.error_server'),
});

export function hasPermission(permission: string | undefined): boolean {
  if (!permission) return true;
  return !!session.value?.permissions.includes(permission);
}

/** Loads the session once (at start-up); a 401 or a network failure means logged out. */
export async function ensureSessionChecked(): Promise<void> {
  if (sessionChecked.value) return;
  try {
    session.value = await api.session();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    session.value = null;
  }
  sessionChecked.value = true;
}
