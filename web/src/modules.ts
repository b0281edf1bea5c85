// What each role will find on its home page. A module without `route` is not
// built yet and shows as "coming soon".
import type { Role } from './api';

export type ModuleId =
  | 'accounts'
  | 'settings'
  | 'partners'
  | 'campaigns'
  | 'callers'
  | 'worklists'
  | 'escalations'
  | 'my_visits'
  | 'dashboard'
  | 'persons'
  | 'register'
  | 'register_agents'
  | 'alerts'
  | 'prefect_export'
  | 'import'
  | 'situations'
  | 'referrals'
  | 'my_worklist'
  | 'inbound'
  | 'inbound_queues'
  | 'stock'
  | 'parcels'
  | 'rounds'
  | 'vouchers'
  | 'my_round'
  | 'referrals_received'
  | 'audit'
  | 'rights'
  | 'retention';

export interface ModuleDef {
  id: ModuleId;
  /** Route name when the module exists. */
  route?: string;
  /** Permission the route needs (from SessionInfo.permissions). */
  permission?: string;
}

export const MODULES: Record<ModuleId, ModuleDef> = {
  accounts: { id: 'accounts', route: 'users', permission: 'users.manage' },
  settings: { id: 'settings' },
  partners: { id: 'partners', route: 'partners', permission: 'campaigns.manage' },
  campaigns: { id: 'campaigns', route: 'campaigns', permission: 'campaigns.manage' },
  callers: { id: 'callers', route: 'callers', permission: 'campaigns.manage' },
  worklists: { id: 'worklists', route: 'worklists', permission: 'calls.supervise' },
  escalations: { id: 'escalations', route: 'escalations', permission: 'calls.supervise' },
  my_visits: { id: 'my_visits', route: 'my-visits', permission: 'visits' },
  dashboard: { id: 'dashboard', route: 'figures', permission: 'calls.supervise' },
  persons: { id: 'persons', route: 'persons', permission: 'persons.read' },
  register: { id: 'register', route: 'register-acknowledgements', permission: 'register' },
  register_agents: { id: 'register_agents', route: 'register-agents', permission: 'register.agents' },
  alerts: { id: 'alerts', route: 'alerts', permission: 'alerts.manage' },
  prefect_export: { id: 'prefect_export', route: 'prefect-export', permission: 'register.prefect_export' },
  import: { id: 'import', route: 'import', permission: 'persons.import' },
  situations: { id: 'situations', route: 'situations', permission: 'follow_up' },
  referrals: { id: 'referrals', route: 'referrals-overdue', permission: 'calls.supervise' },
  my_worklist: { id: 'my_worklist', route: 'my-worklist', permission: 'calls.work' },
  inbound: { id: 'inbound', route: 'inbound', permission: 'inbound' },
  inbound_queues: { id: 'inbound_queues', route: 'inbound-queues', permission: 'inbound' },
  stock: { id: 'stock' },
  parcels: { id: 'parcels' },
  rounds: { id: 'rounds' },
  vouchers: { id: 'vouchers' },
  my_round: { id: 'my_round' },
  referrals_received: { id: 'referrals_received', route: 'partner-referrals', permission: 'referrals.partner' },
  audit: { id: 'audit', route: 'audit', permission: 'audit.read' },
  rights: { id: 'rights', route: 'rights', permission: 'rights' },
  retention: { id: 'retention', route: 'retention', permission: 'retention' },
};

export const ROLE_MODULES: Record<Role, ModuleId[]> = {
  admin: ['accounts', 'register_agents', 'settings', 'partners'],
  coordinator: ['persons', 'register', 'alerts', 'prefect_export', 'import', 'campaigns', 'callers', 'worklists', 'escalations', 'my_visits', 'dashboard', 'situations', 'referrals', 'partners', 'inbound_queues'],
  social_worker: ['persons', 'register', 'import', 'situations', 'referrals', 'inbound_queues', 'my_visits'],
  caller: ['my_worklist'],
  intake: ['persons', 'register', 'inbound', 'inbound_queues'],
  logistics: ['stock', 'parcels', 'rounds', 'vouchers'],
  driver: ['my_round'],
  partner: ['referrals_received'],
  dpo: ['audit', 'rights', 'retention'],
};

export function modulesFor(role: Role): ModuleDef[] {
  return (ROLE_MODULES[role] ?? []).map((id) => MODULES[id]);
}
