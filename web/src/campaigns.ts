// The campaigns part of the call platform (docs/calls.md): campaigns and their scripts, enrolments, the callers'
// roster and a person's follow-up profile. Weekdays are ISO numbers (Monday = 1), times 'HH:MM', days 'YYYY-MM-DD'.
import { api } from './session';
import type { Id } from './register';

export const CAMPAIGN_KINDS = ['heatwave', 'cold', 'lockdown', 'wellbeing'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const ANSWER_KINDS = ['yes_no', 'choice', 'scale', 'text'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const NEED_KINDS = [
  'groceries', 'meals', 'medicines', 'hygiene', 'isolation', 'psychological_distress', 'money', 'paperwork',
  'health', 'housing',
] as const;
export const REGISTER_GROUNDS = [
  'age_65', 'age_60_unfit', 'disabled_aah', 'disabled_pch_actp', 'disabled_card', 'disabled_rqth', 'disabled_pension',
] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface CampaignTarget {
  register: boolean;
  grounds: string[];
  age_min: number | null;
  age_max: number | null;
  lives_alone: boolean;
  area: { postcodes: string[]; towns: string[]; streets: string[] };
  persons: number[];
}

export interface Question {
  prompt: string;
  answer_kind: AnswerKind;
  choices: string[];
  raises_need: string | null;
  raises_on: string | null;
}

export interface Campaign {
  id: number;
  name: string;
  kind: CampaignKind;
  status: 'draft' | 'active' | 'closed';
  starts_on: string;
  ends_on: string | null;
  target: CampaignTarget;
  frequency_days: number;
  weekdays: number[];
  window_start: string;
  window_end: string;
  retry_delay_minutes: number;
  max_attempts_per_day: number;
  escalation_hours: number;
  escalation_min_attempts: number;
  activated_by_alert: string | null;
  alert_id: number | null;
  questions?: Question[];
  enrolled?: number;
  questions_count?: number;
  enrolled_now?: number;
  version: number;
}

export interface EnrolmentPerson {
  id: number;
  last_name: string;
  first_names: string;
  birth_date: string | null;
  town: string;
  status: string;
}

export interface Enrolment {
  id: number;
  campaign_id: number;
  person_id: number;
  person: EnrolmentPerson | null;
  state: 'active' | 'removed' | 'ended';
  source: string;
  caller_id: number | null;
  weekdays: number[];
  window_start: string | null;
  window_end: string | null;
  frequency_days: number;
  priority: number;
  last_call_worrying: boolean;
  last_reached_at: number | null;
  version: number;
}

export interface Absence {
  id: number;
  user_id: number;
  from_day: string;
  until_day: string;
  reason: string;
}

export interface Caller {
  user_id: number;
  login: string;
  display_name: string;
  role: string;
  disabled: boolean;
  weekdays: number[];
  shift_start: string;
  shift_end: string;
  calls_per_shift: number;
  active: boolean;
  can_call: boolean;
  absences: Absence[];
  version: number;
}

export interface CallerCandidate {
  user_id: number;
  login: string;
  display_name: string;
  role: string;
}

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
  notes: string;
}

export interface FollowUpProfile {
  person_id?: number;
  lives_alone: boolean;
  no_family: boolean;
  preferred_weekdays: number[];
  preferred_window_start: string | null;
  preferred_window_end: string | null;
  health_notes: string;
  emergency_contacts: EmergencyContact[];
  version?: number;
}

const campaignPath = (id: Id) => `/campaigns/${encodeURIComponent(String(id))}`;

export const campaignsApi = {
  list: (status?: string) => api.request<{ items: Campaign[] }>('GET', '/campaigns', { query: { status } }),
  get: (id: Id) => api.request<Campaign>('GET', campaignPath(id)),
  create: (body: Record<string, unknown>) => api.request<Campaign>('POST', '/campaigns', { body }),
  update: (id: Id, version: number, body: Record<string, unknown>) =>
    api.request<Campaign>('PATCH', campaignPath(id), { body, ifMatch: version }),
  saveScript: (id: Id, version: number, questions: Question[]) =>
    api.request<Campaign>('PUT', `${campaignPath(id)}/questions`, { body: { questions }, ifMatch: version }),
  activate: (id: Id, version: number) =>
    api.request<Campaign>('POST', `${campaignPath(id)}/activate`, { ifMatch: version }),
  refresh: (id: Id) => api.request<Campaign>('POST', `${campaignPath(id)}/refresh`),
  close: (id: Id, version: number) => api.request<Campaign>('POST', `${campaignPath(id)}/close`, { ifMatch: version }),
  enrolments: (id: Id, query: { limit?: number; offset?: number; include_ended?: string }) =>
    api.request<{ items: Enrolment[]; total: number; limit: number; offset: number }>(
      'GET',
      `${campaignPath(id)}/enrolments`,
      { query },
    ),
  enrol: (id: Id, body: Record<string, unknown>) =>
    api.request<Enrolment>('POST', `${campaignPath(id)}/enrolments`, { body }),
  updateEnrolment: (id: Id, enrolment: Enrolment, body: Record<string, unknown>) =>
    api.request<Enrolment>('PATCH', `${campaignPath(id)}/enrolments/${enrolment.id}`, {
      body,
      ifMatch: enrolment.version,
    }),
  removeEnrolment: (id: Id, enrolment: Enrolment) =>
    api.request<Enrolment>('DELETE', `${campaignPath(id)}/enrolments/${enrolment.id}`, { ifMatch: enrolment.version }),

  callers: () => api.request<{ items: Caller[] }>('GET', '/callers'),
  callerCandidates: () => api.request<{ items: CallerCandidate[] }>('GET', '/callers/candidates'),
  saveCaller: (userId: Id, version: number | undefined, body: Record<string, unknown>) =>
    api.request<Caller>('PUT', `/callers/${encodeURIComponent(String(userId))}`, { body, ifMatch: version }),
  addAbsence: (userId: Id, body: { from_day: string; until_day: string; reason: string }) =>
    api.request<Absence>('POST', `/callers/${encodeURIComponent(String(userId))}/absences`, { body }),
  deleteAbsence: (userId: Id, absenceId: Id) =>
    api.request<void>('DELETE', `/callers/${encodeURIComponent(String(userId))}/absences/${encodeURIComponent(String(absenceId))}`),

  followUp: (personId: Id) =>
    api.request<FollowUpProfile>('GET', `/persons/${encodeURIComponent(String(personId))}/follow-up`),
  saveFollowUp: (personId: Id, version: number | undefined, body: FollowUpProfile) =>
    api.request<FollowUpProfile>('PUT', `/persons/${encodeURIComponent(String(personId))}/follow-up`, {
      body,
      ifMatch: version ? version : undefined,
    }),
};
