// Escalations of people not reached (docs/calls.md): the coordinator's open escalations, the home visits
// assigned to the signed-in agent, and the count shown as a badge in the navigation.
import { ref } from 'vue';
import { api, hasPermission } from './session';
import type { Address, Id, Phone } from './register';

export type EscalationState = 'open' | 'contacts_tried' | 'visit_assigned' | 'closed';
export const VISIT_OUTCOMES = ['found_well', 'needs_help', 'hospitalised', 'not_found', 'deceased'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const NEED_KINDS = [
  'groceries',
  'meals',
  'medicines',
  'hygiene',
  'isolation',
  'psychological_distress',
  'money',
  'paperwork',
  'health',
  'housing',
] as const;
export const NEED_URGENCIES = ['none', 'low', 'high', 'immediate'] as const;

/** The needs record a visit that found the person in need opens (outcome needs_help only). */
export interface NeedProposal {
  kind: string;
  urgency: string;
  notes: string;
}

export interface EscalationPerson {
  id: Id;
  civility?: string;
  last_name?: string;
  first_names?: string;
  phones?: Phone[];
  address?: Address;
  hearing?: string;
  status?: string;
}

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
  notes: string;
}

export interface CallSummary {
  started_at: number;
  outcome: string;
  caller_name: string;
  notes: string;
}

export interface Escalation {
  id: Id;
  enrolment_id: Id;
  campaign_id: Id;
  campaign_name: string;
  escalation_hours: number;
  person_id: Id;
  state: EscalationState;
  raised_at: number;
  reason: string;
  last_reached_at: number | null;
  contacts_tried_at: number | null;
  contacts_outcome: string;
  visit_assignee_id: Id | null;
  visit_assignee_name: string;
  visit_assigned_at: number | null;
  visit_outcome: VisitOutcome | null;
  visit_notes: string;
  closed_at: number | null;
  version: number | string;
  person?: EscalationPerson | null;
  emergency_contacts?: EmergencyContact[];
  last_calls?: CallSummary[];
}

export interface EscalationSummary {
  open: number;
  contacts_tried: number;
  visit_assigned: number;
  oldest_raised_at: number | null;
}

export interface VisitAssignee {
  id: Id;
  display_name: string;
  role: string;
}

const path = (id: Id) => `/escalations/${encodeURIComponent(String(id))}`;

export const escalationsApi = {
  list: (state: 'open' | 'closed' | 'all' = 'open') =>
    api.request<{ items: Escalation[]; has_more: boolean }>('GET', '/escalations', { query: { state } }),
  summary: () => api.request<EscalationSummary>('GET', '/escalations/summary'),
  get: (id: Id) => api.request<Escalation>('GET', path(id)),
  sweep: () => api.request<{ raised: Id[]; already_open: number; examined: number }>('POST', '/escalations/sweep'),
  contactsTried: (e: Escalation, outcome: string, reached: boolean) =>
    api.request<Escalation>('POST', `${path(e.id)}/contacts-tried`, { body: { outcome, reached }, ifMatch: e.version }),
  assignVisit: (e: Escalation, who: { assignee_id?: Id; assignee_name?: string }, notes: string) =>
    api.request<Escalation>('POST', `${path(e.id)}/visit`, { body: { ...who, notes }, ifMatch: e.version }),
  visitOutcome: (e: Escalation, outcome: VisitOutcome, notes: string, need?: NeedProposal) =>
    api.request<Escalation>('POST', `${path(e.id)}/visit-outcome`, {
      body: need ? { outcome, notes, need } : { outcome, notes },
      ifMatch: e.version,
    }),
  myVisits: () => api.request<{ items: Escalation[] }>('GET', '/visits/mine'),
  assignees: () => api.request<{ items: VisitAssignee[] }>('GET', '/visits/assignees'),
};

/** The number of open escalations, for the navigation badge; refreshed at most once a minute on navigation. */
export const openEscalations = ref(0);
let loadedAt = 0;

export async function refreshEscalationBadge(force = false): Promise<void> {
  if (!hasPermission('calls.supervise')) {
    openEscalations.value = 0;
    return;
  }
  if (!force && Date.now() - loadedAt < 60_000) return;
  loadedAt = Date.now();
  try {
    openEscalations.value = (await escalationsApi.summary()).open;
  } catch {
    // No badge when the count cannot be read: the screen itself says what is open.
    openEscalations.value = 0;
  }
}

export function forgetEscalationBadge(): void {
  openEscalations.value = 0;
  loadedAt = 0;
}
