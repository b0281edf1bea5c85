// What each role will find on its home page. A module without `route` is not
// built yet and shows as "coming soon".
import type { Role } from './api';

export type ModuleId =
  | 'accounts'
  | 'settings'
  | 'partners'
  | 'campaigns'
  | 'worklists'
  | 'escalations'
  | 'dashboard'
  | 'persons'
  | 'situations'
  | 'referrals'
  | 'my_worklist'
  | 'inbound'
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
  partners: { id: 'partners' },
  campaigns: { id: 'campaigns' },
  worklists: { id: 'worklists' },
  escalations: { id: 'escalations' },
  dashboard: { id: 'dashboard' },
  persons: { id: 'persons' },
  situations: { id: 'situations' },
  referrals: { id: 'referrals' },
  my_worklist: { id: 'my_worklist' },
  inbound: { id: 'inbound' },
  stock: { id: 'stock' },
  parcels: { id: 'parcels' },
  rounds: { id: 'rounds' },
  vouchers: { id: 'vouchers' },
  my_round: { id: 'my_round' },
  referrals_received: { id: 'referrals_received' },
  audit: { id: 'audit', route: 'audit', permission: 'audit.read' },
  rights: { id: 'rights' },
  retention: { id: 'retention' },
};

export const ROLE_MODULES: Record<Role, ModuleId[]> = {
  admin: ['accounts', 'settings', 'partners'],
  coordinator: ['campaigns', 'worklists', 'escalations', 'dashboard'],
  social_worker: ['persons', 'situations', 'referrals'],
  caller: ['my_worklist'],
  intake: ['inbound', 'persons'],
  logistics: ['stock', 'parcels', 'rounds', 'vouchers'],
  driver: ['my_round'],
  partner: ['referrals_received'],
  dpo: ['audit', 'rights', 'retention'],
};

export function modulesFor(role: Role): ModuleDef[] {
  return (ROLE_MODULES[role] ?? []).map((id) => MODULES[id]);
}
