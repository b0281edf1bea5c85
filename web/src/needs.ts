// Needs, referrals, partners, situations followed and the inbound line (docs/calls.md).
import { ref } from 'vue';
import { api, hasPermission } from './session';
import type { Id } from './register';

export const NEED_KINDS = [
  'groceries', 'meals', 'medicines', 'hygiene', 'isolation', 'psychological_distress', 'money', 'paperwork',
  'health', 'housing',
] as const;
export const URGENCIES = ['none', 'low', 'high', 'immediate'] as const;
export const SERVICES = ['home_help', 'meal_delivery', 'psychologists', 'emergency_aid', 'social_worker', 'charity'] as const;
export const QUEUES = ['social_workers', 'food', 'remote_agents'] as const;
export const RELATIONS = ['self', 'relative', 'neighbour', 'professional', 'other'] as const;
export const ANSWERS = ['yes', 'no', 'unknown'] as const;

/** The moves the platform may make from each referral state (the server's rules: referral_rules.hpp). */
export const REFERRAL_NEXT: Record<string, string[]> = {
  proposed: ['sent', 'cancelled'],
  sent: ['accepted', 'refused', 'cancelled'],
  accepted: ['done', 'cancelled'],
};
/** The moves a partner may make. */
export const PARTNER_NEXT: Record<string, string[]> = { sent: ['accepted', 'refused'], accepted: ['done'] };
/** The moves of an inbound request (inbound_rules.hpp). */
export const INBOUND_NEXT: Record<string, string[]> = {
  new: ['in_progress', 'callback', 'closed'],
  assigned: ['new', 'in_progress', 'callback', 'closed'],
  in_progress: ['callback', 'closed'],
  callback: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export interface PersonName {
  id: Id;
  civility?: string;
  last_name: string;
  first_names: string;
}

export interface Referral {
  id: Id;
  need_id: Id | null;
  person_id: Id;
  service: string;
  partner_id: Id | null;
  partner_name: string | null;
  state: string;
  due_on: string | null;
  notes: string;
  partner_notes: string;
  created_at: number;
  sent_at: number | null;
  version: number;
  person?: PersonName | null;
}

export interface Need {
  id: Id;
  person_id: Id;
  source: string;
  kind: string;
  urgency: string;
  notes?: string;
  state: string;
  created_at: number;
  closed_at: number | null;
  version: number;
  referrals?: Referral[];
  person?: PersonName | null;
}

export interface Partner {
  id: Id;
  name: string;
  service: string;
  email: string;
  phone: string;
  phone_display: string;
  active: boolean;
  version: number;
  members?: { user_id: Id; login: string; display_name: string }[];
}

export interface PartnerReferral {
  id: Id;
  service: string;
  state: string;
  due_on: string | null;
  partner_notes: string;
  sent_at: number | null;
  version: number;
  person: PersonName & {
    address?: Record<string, string>;
    phones?: { number: string; display: string }[];
  };
}

export interface Situation {
  person_id: Id;
  open_needs: number;
  live_referrals: number;
  most_urgent: string;
  since: number;
  person: PersonName | null;
}

export interface InboundRequest {
  id: Id;
  received_at: number;
  person_id: Id | null;
  person: PersonName | null;
  contact_name: string;
  contact_phone: string;
  contact_phone_display: string;
  contact_relation: string;
  topic: string;
  urgency: string;
  urgency_answers: { question: string; answer: string }[];
  queue: string;
  assignee_id: Id | null;
  state: string;
  callback_at: number | null;
  notes: string;
  version: number;
}

export interface Agent {
  id: Id;
  login: string;
  display_name: string;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const needsApi = {
  personNeeds: (personId: Id) => api.request<{ items: Need[] }>('GET', `/persons/${enc(personId)}/needs`),
  createNeed: (personId: Id, body: { kind: string; urgency: string; notes: string }, idempotencyKey?: string) =>
    api.request<Need>('POST', `/persons/${enc(personId)}/needs`, { body, idempotencyKey }),
  updateNeed: (id: Id, version: number, body: { state?: string; urgency?: string; notes?: string }) =>
    api.request<Need>('PATCH', `/needs/${enc(id)}`, { body, ifMatch: version }),
  openNeeds: () => api.request<{ items: Need[]; total: number }>('GET', '/needs'),
  refer: (
    needId: Id,
    body: { service: string; partner_id?: Id | null; due_on?: string; notes?: string; send?: boolean },
    idempotencyKey?: string,
  ) => api.request<Referral>('POST', `/needs/${enc(needId)}/referrals`, { body, idempotencyKey }),
  updateReferral: (id: Id, version: number, body: { state?: string; due_on?: string | null; notes?: string }) =>
    api.request<Referral>('PATCH', `/referrals/${enc(id)}`, { body, ifMatch: version }),
  referrals: (query: { overdue?: string; state?: string }) =>
    api.request<{ items: Referral[]; overdue_count: number; today: string }>('GET', '/referrals', { query }),
  overdueCount: () => api.request<{ count: number }>('GET', '/referrals/overdue-count'),
  situations: () => api.request<{ items: Situation[]; total: number }>('GET', '/situations'),
  partners: (all = false) =>
    api.request<{ items: Partner[] }>('GET', '/partners', { query: { all: all ? 'true' : undefined } }),
  partner: (id: Id) => api.request<Partner>('GET', `/partners/${enc(id)}`),
  createPartner: (body: Partial<Partner>) => api.request<Partner>('POST', '/partners', { body }),
  updatePartner: (id: Id, version: number, body: Partial<Partner>) =>
    api.request<Partner>('PATCH', `/partners/${enc(id)}`, { body, ifMatch: version }),
  addMember: (id: Id, login: string) => api.request<unknown>('POST', `/partners/${enc(id)}/members`, { body: { login } }),
  removeMember: (id: Id, userId: Id) => api.request<void>('DELETE', `/partners/${enc(id)}/members/${enc(userId)}`),
  partnerReferrals: () =>
    api.request<{ partner: { id: Id; name: string }; items: PartnerReferral[] }>('GET', '/partner/referrals'),
  answerReferral: (id: Id, version: number, body: { state?: string; partner_notes?: string }) =>
    api.request<PartnerReferral>('PATCH', `/partner/referrals/${enc(id)}`, { body, ifMatch: version }),
  inboundQuestions: () =>
    api.request<{ questions: { id: string; text: string }[] }>('GET', '/inbound/questions'),
  createInbound: (body: Record<string, unknown>, idempotencyKey?: string) =>
    api.request<InboundRequest>('POST', '/inbound', { body, idempotencyKey }),
  inbound: (query: { queue?: string; state?: string; mine?: string }) =>
    api.request<{ items: InboundRequest[]; open_per_queue: Record<string, number> }>('GET', '/inbound', { query }),
  getInbound: (id: Id) => api.request<InboundRequest>('GET', `/inbound/${enc(id)}`),
  updateInbound: (id: Id, version: number, body: Record<string, unknown>) =>
    api.request<InboundRequest>('PATCH', `/inbound/${enc(id)}`, { body, ifMatch: version }),
  inboundNeed: (id: Id, body: { kind: string; urgency?: string; notes?: string }, idempotencyKey?: string) =>
    api.request<Need>('POST', `/inbound/${enc(id)}/needs`, { body, idempotencyKey }),
  inboundAgents: () => api.request<{ items: Agent[] }>('GET', '/inbound/agents'),
};

export function nameOf(p: PersonName | null | undefined): string {
  if (!p) return '';
  return [p.first_names, p.last_name].filter(Boolean).join(' ');
}

/** Overdue referrals, shown as a badge on the coordinator's "referrals" navigation entry (calls.supervise only). */
export const overdueReferrals = ref(0);
let overdueLoadedAt = 0;

export async function refreshOverdueReferralsBadge(force = false): Promise<void> {
  if (!hasPermission('calls.supervise')) {
    overdueReferrals.value = 0;
    return;
  }
  if (!force && Date.now() - overdueLoadedAt < 60_000) return;
  overdueLoadedAt = Date.now();
  try {
    overdueReferrals.value = (await needsApi.overdueCount()).count;
  } catch {
    // No badge when the count cannot be read: the referrals screen itself lists what is overdue.
    overdueReferrals.value = 0;
  }
}

export function forgetOverdueReferralsBadge(): void {
  overdueReferrals.value = 0;
  overdueLoadedAt = 0;
}
