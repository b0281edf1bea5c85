// The calling part of the call platform (docs/calls.md): the caller's worklist and next person, recording a
// call, the coordinator's view of a day, break-the-glass grants.
import { newIdempotencyKey } from './api';
import { api } from './session';
import type { Address, Id } from './register';

export const OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'voicemail',
  'wrong_number',
  'refused',
  'in_hospital',
  'away',
  'deceased',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface WorklistItem {
  id: Id;
  day: string;
  caller_id: Id;
  person_id: Id;
  campaign_id: Id;
  position: number;
  reason: 'missed' | 'due' | 'retry';
  window_start: number;
  window_end: number;
  not_before: number;
  attempts: number;
  state: 'pending' | 'done' | 'failed' | 'moved';
  last_outcome: Outcome | null;
  last_call_at: number | null;
  flagged: boolean;
  person_name?: string;
}

export interface CallPhone {
  e164: string;
  display: string;
  label?: string;
}

export interface PersonCard {
  id: Id;
  name: string;
  phones: CallPhone[];
  address: Address;
  languages: string[];
  hearing: string;
}

export interface CallSummary {
  id: Id;
  outcome: Outcome;
  started_at: number;
  duration_seconds: number;
  caller_name: string;
  notes: string;
  worrying: boolean;
}

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: { e164: string; display: string } | null;
  notes: string;
}

export interface ScriptQuestion {
  position: number;
  prompt: string;
  answer_kind: 'yes_no' | 'choice' | 'scale' | 'text' | string;
  choices: string;
  raises_need: string;
}

export interface CallScreen {
  day: string;
  now: number;
  pending: number;
  next_at: number | null;
  item: WorklistItem | null;
  person?: PersonCard;
  last_calls?: CallSummary[];
  emergency_contacts?: EmergencyContact[];
  script?: { campaign_id: Id; name: string; kind: string; questions: ScriptQuestion[] } | null;
}

export interface WorklistDay {
  day: string;
  now: number;
  items: WorklistItem[];
  callers?: { id: Id; name: string }[];
  /** Coordinators: the calls the day's last plan could place on nobody's list, stored with the plan. */
  overflow?: StoredUnplannedCall[];
}

export interface RecordedCall {
  call: { id: Id; outcome: Outcome };
  item: WorklistItem | null;
  retry_at: number | null;
  enrolment_state: string | null;
  inform_coordinator: boolean;
  proposed_needs: { kind: string; question_position: number; prompt: string }[];
}

export interface NewCall {
  worklist_item_id: Id;
  outcome: Outcome;
  duration_seconds?: number;
  notes?: string;
  worrying?: boolean;
  answers?: { position: number; value: string }[];
}

export interface BreakGlassGrant {
  id: Id;
  user_login: string;
  user_name: string;
  person_id: Id;
  person_name?: string;
  reason: string;
  granted_at: number;
  expires_at: number;
}

/** A call the plan could place on nobody's list, and why (docs/calls.md, "Planning a day"). */
export interface UnplannedCall {
  person_id: Id;
  campaign_id: Id;
  usual_caller_id: Id;
  window_start: number;
  window_end: number;
  not_before: number;
  /** Why the call was due: a regular call, a retry, or missed yesterday. */
  call_reason?: 'due' | 'retry' | 'missed';
  reason: 'no_room' | 'outside_every_shift';
}

/** An unplanned call as the day's worklists return it: with the enrolment and the person's name. */
export interface StoredUnplannedCall extends UnplannedCall {
  enrolment_id: Id;
  person_name: string | null;
}

export interface PlanSummary {
  pending: number;
  kept: number;
  removed: number;
  /** Calls left out because the person has another call that day (one call a day per person). */
  merged: number;
  overflow: UnplannedCall[];
}

export const callsApi = {
  next: () => api.request<CallScreen>('GET', '/worklists/mine/next'),
  mine: (day?: string) => api.request<WorklistDay>('GET', '/worklists/mine', { query: { day } }),
  worklists: (day?: string, caller?: Id) =>
    api.request<WorklistDay>('GET', '/worklists', { query: { day, caller: caller === undefined ? undefined : String(caller) } }),
  plan: (day?: string) =>
    api.request<PlanSummary>('POST', '/worklists/plan', {
      body: day ? { day } : {},
    }),
  /** One key per call: a retry after a lost reply does not record the call twice. */
  record: (call: NewCall, key: string = newIdempotencyKey()) =>
    api.request<RecordedCall>('POST', '/calls', { body: call, idempotencyKey: key }),
  breakGlass: (personId: Id, reason: string) =>
    api.request<BreakGlassGrant>('POST', '/break-glass', { body: { person_id: Number(personId), reason } }),
  grants: () => api.request<{ items: BreakGlassGrant[] }>('GET', '/break-glass'),
  review: (id: Id) => api.request<BreakGlassGrant>('POST', `/break-glass/${encodeURIComponent(String(id))}/review`),
  personCard: (id: Id) =>
    api.request<{ person: PersonCard; last_calls: CallSummary[]; emergency_contacts: EmergencyContact[] }>(
      'GET',
      `/calls/persons/${encodeURIComponent(String(id))}`,
    ),
};

/** Hour and minute in Paris, where every agreed window is set. */
export function parisTime(epochMs: number): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(epochMs),
  );
}
