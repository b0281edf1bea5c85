// The register module's API (docs/register.md): persons, households, the register of vulnerable persons,
// alerts, imports and rights requests. A response carries only the fields the reader's role may read, so
// every field of a person is optional here and the pages render what is present.
import { api } from './session';

export type Id = number | string;

export interface Address {
  number?: string;
  street?: string;
  complement?: string;
  building?: string;
  floor?: string;
  door_code?: string;
  postcode?: string;
  town?: string;
  access_notes?: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface Phone {
  number?: string;
  e164?: string;
  display?: string;
  label?: string;
}

export interface Person {
  id: Id;
  version?: number | string;
  civility?: string;
  last_name?: string;
  birth_name?: string;
  first_names?: string;
  birth_date?: string | null;
  age?: number | null;
  address?: Address;
  phones?: Phone[];
  email?: string;
  languages?: string[];
  hearing?: string;
  status?: string;
  status_until?: string | null;
  merged_from?: Id;
  created_at?: number;
  updated_at?: number;
  registered?: boolean;
}

export interface Duplicate {
  person: Person;
  score: number;
  reasons: string[];
}

export interface PersonPage {
  items: Person[];
  offset: number;
  limit: number;
  has_more: boolean;
  total?: number;
}

export interface PersonQuery {
  q?: string;
  phone?: string;
  street?: string;
  town?: string;
  postcode?: string;
  status?: string;
  age_min?: string;
  age_max?: string;
  ground?: string;
  registered?: string;
  limit?: number;
  offset?: number;
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface HistoryItem {
  version?: number | string;
  at: number;
  actor_login?: string;
  action?: string;
  changes?: Changes;
}

export interface HouseholdMember {
  relationship: string;
  first_name?: string;
  birth_year?: number | null;
}

export interface Household {
  version?: number | string;
  members: HouseholdMember[];
  dietary?: string[] | string;
  dietary_notes?: string;
  delivery_notes?: string;
  adults?: number;
  children?: number;
  babies?: number;
  counts?: { adults?: number; children?: number; babies?: number };
  last_delivery_at?: number | null;
}

export interface RegisterEntry {
  version?: number | string;
  person_id?: Id;
  state: string;
  ground?: string;
  home_care_service?: string;
  emergency_contact_name?: string;
  emergency_contact_phone?: string;
  emergency_contact_relation?: string;
  requested_by?: string;
  requester_name?: string;
  requester_relation?: string;
  request_evidence?: string;
  requested_on?: string;
  source?: string;
  import_source?: string;
  acknowledgement_due?: string | null;
  acknowledged_at?: number | null;
}

export interface DueAcknowledgement {
  person_id: Id;
  person?: Person;
  last_name?: string;
  first_names?: string;
  requested_on?: string;
  acknowledgement_due?: string;
  ground?: string;
  overdue?: boolean;
  version?: number | string;
}

export interface RegisterMe {
  designated: boolean;
  secrecy_acknowledged_at?: number | null;
  secrecy_acknowledged?: boolean;
}

export interface RegisterAgent {
  user_id: Id;
  login?: string;
  display_name?: string;
  role?: string;
  designated_at?: number;
  secrecy_acknowledged_at?: number | null;
}

export interface Alert {
  id: Id;
  kind: string;
  area?: string;
  prefect_reference?: string;
  declared_at: number;
  ended_at?: number | null;
  version?: number | string;
}

export interface ImportRejection {
  line: number;
  column?: string;
  code?: string;
  reason: string;
}

export interface ImportFlag {
  line: number;
  score: number;
  reasons: string[];
  person_id?: Id;
  other_line?: number;
}

export interface ImportReport {
  dry_run?: boolean;
  imported?: boolean;
  rejected_rows?: number;
  flags?: ImportFlag[];
  flags_total?: number;
  rows_read?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  flagged?: number;
  rejected?: ImportRejection[];
  /** Column heading → person field ("" when ignored). */
  mapping?: Record<string, string>;
  columns?: string[];
  fields?: string[];
  separator?: string;
  encoding?: string;
}

/** What is past its retention time, by purpose: person ids (no names: the DPO reviews counts). */
export interface RetentionIds {
  count: number;
  person_ids: number[];
}
export interface RetentionDue {
  policy: { follow_up_days: number; delivery_days: number };
  register_entries: RetentionIds;
  households: RetentionIds;
  persons: RetentionIds;
}
/** The person ids the DPO reviewed, by purpose: the purge erases only these. */
export interface RetentionPlan {
  register_entries: number[];
  households: number[];
  persons: number[];
}
export interface RetentionPurged {
  register_entries: number;
  households: number;
  persons: number;
}

/** Grounds for registration (CASF R.121-2), as the server spells them. */
export const GROUNDS = [
  'age_65',
  'age_60_unfit',
  'disabled_aah',
  'disabled_pch_actp',
  'disabled_card',
  'disabled_rqth',
  'disabled_pension',
] as const;
/** Who asked for a registration, and a third party's relation to the person. */
export const REQUESTERS = ['self', 'legal_representative', 'third_party'] as const;
export const REQUESTER_RELATIONS = ['relative', 'neighbour', 'doctor', 'home_help', 'other'] as const;
/** The fields of a register entry a user types, in the order the forms show them. */
export const ENTRY_FIELDS = [
  'ground',
  'requested_by',
  'requester_name',
  'requester_relation',
  'request_evidence',
  'requested_on',
  'home_care_service',
  'emergency_contact_name',
  'emergency_contact_phone',
  'emergency_contact_relation',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export type EntryDraft = Record<EntryField, string>;

/** The draft of a stored entry, to correct it. */
export function entryDraftOf(entry: RegisterEntry): EntryDraft {
  const record = entry as unknown as Record<string, unknown>;
  return Object.fromEntries(ENTRY_FIELDS.map((f) => [f, String(record[f] ?? '')])) as EntryDraft;
}

/** The fields of `draft` that differ from `original`, trimmed, as a PATCH body. */
export function entryPatch(original: EntryDraft, draft: EntryDraft): Partial<EntryDraft> {
  const patch: Partial<EntryDraft> = {};
  for (const f of ENTRY_FIELDS) if (draft[f].trim() !== original[f].trim()) patch[f] = draft[f].trim();
  return patch;
}

/** The 412 of a register entry correction: the entry now and what changed since the version sent. */
export function entryConflictOf(body: unknown): { current: RegisterEntry | null; changes: HistoryItem[] } {
  const b = (body ?? {}) as { current?: RegisterEntry; changes?: unknown };
  return { current: b.current ?? null, changes: Array.isArray(b.changes) ? (b.changes as HistoryItem[]) : [] };
}

const enc = (id: Id) => encodeURIComponent(String(id));
const personPath = (id: Id) => `/persons/${enc(id)}`;

/** The 412 of a person edit: the person now and what changed since the version sent. */
export function conflictOf(body: unknown): { current: Person | null; changes: HistoryItem[] } {
  const b = (body ?? {}) as { current?: Person; changes?: unknown };
  const raw = b.changes;
  let changes: HistoryItem[] = [];
  if (Array.isArray(raw)) changes = raw as HistoryItem[];
  else if (raw && typeof raw === 'object') {
    // {field: {from, to, at?, actor_login?}}: one item a field.
    changes = Object.entries(raw as Record<string, { from: unknown; to: unknown; at?: number; actor_login?: string }>).map(
      ([field, c]) => ({ at: c.at ?? 0, actor_login: c.actor_login, changes: { [field]: { from: c.from, to: c.to } } }),
    );
  }
  return { current: b.current ?? null, changes };
}

export function duplicatesOf(body: unknown): Duplicate[] {
  const d = (body as { duplicates?: Duplicate[] } | null)?.duplicates;
  return Array.isArray(d) ? d : [];
}

export const registerApi = {
  searchPersons: (q: PersonQuery) => api.request<PersonPage>('GET', '/persons', { query: { ...q } }),
  checkPerson: (person: Record<string, unknown>) =>
    api.request<{ duplicates: Duplicate[] }>('POST', '/persons/check', { body: person }),
  createPerson: (person: Record<string, unknown>, ignoreDuplicates: boolean) =>
    api.request<{ person: Person; duplicates?: Duplicate[] }>('POST', '/persons', {
      body: ignoreDuplicates ? { ...person, ignore_duplicates: true } : person,
    }),
  getPerson: (id: Id) => api.request<Person>('GET', personPath(id)),
  updatePerson: (id: Id, version: Person['version'], patch: Record<string, unknown>) =>
    api.request<Person>('PATCH', personPath(id), { body: patch, ifMatch: version ?? '' }),
  history: (id: Id) => api.request<{ items: HistoryItem[] }>('GET', `${personPath(id)}/history`),
  duplicatesOf: (id: Id) => api.request<{ duplicates: Duplicate[] }>('GET', `${personPath(id)}/duplicates`),
  merge: (id: Id, version: Person['version'], otherId: Id) =>
    api.request<Person>('POST', `${personPath(id)}/merge`, { body: { other_id: otherId }, ifMatch: version ?? '' }),

  household: (id: Id) => api.request<Household>('GET', `${personPath(id)}/household`),
  saveHousehold: (id: Id, version: Household['version'] | undefined, household: Record<string, unknown>) =>
    api.request<Household>('PUT', `${personPath(id)}/household`, {
      body: household,
      ifMatch: version === undefined ? undefined : version,
    }),
  deleteHousehold: (id: Id) => api.request<void>('DELETE', `${personPath(id)}/household`),

  registerEntry: (id: Id) => api.request<RegisterEntry>('GET', `${personPath(id)}/register-entry`),
  createRegisterEntry: (id: Id, entry: Record<string, unknown>) =>
    api.request<RegisterEntry>('POST', `${personPath(id)}/register-entry`, { body: entry }),
  updateRegisterEntry: (id: Id, version: RegisterEntry['version'], patch: Record<string, unknown>) =>
    api.request<RegisterEntry>('PATCH', `${personPath(id)}/register-entry`, { body: patch, ifMatch: version ?? '' }),
  opposeRegisterEntry: (id: Id, version: RegisterEntry['version']) =>
    api.request<RegisterEntry>('POST', `${personPath(id)}/register-entry/oppose`, { body: {}, ifMatch: version ?? '' }),
  removeRegisterEntry: (id: Id, version: RegisterEntry['version'], reason: string) =>
    api.request<RegisterEntry>('POST', `${personPath(id)}/register-entry/remove`, {
      body: reason ? { reason } : {},
      ifMatch: version ?? '',
    }),
  acknowledged: (id: Id, version: RegisterEntry['version']) =>
    api.request<RegisterEntry>('POST', `${personPath(id)}/register-entry/acknowledged`, {
      body: {},
      ifMatch: version ?? '',
    }),
  acknowledgementPdfUrl: (id: Id) => `/api/v1${personPath(id)}/register-entry/acknowledgement.pdf`,
  visitSheetUrl: (id: Id) => `/api/v1${personPath(id)}/visit-sheet.pdf`,
  dueAcknowledgements: () => api.request<{ items: DueAcknowledgement[] }>('GET', '/register/acknowledgements'),
  registerMe: () => api.request<RegisterMe>('GET', '/register/me'),
  acknowledgeSecrecy: () => api.request<RegisterMe>('POST', '/register/me/secrecy', { body: {} }),
  agents: () => api.request<{ items: RegisterAgent[] }>('GET', '/register/agents'),
  designate: (userId: Id) => api.request<RegisterAgent>('PUT', `/register/agents/${enc(userId)}`, { body: {} }),
  revoke: (userId: Id) => api.request<void>('DELETE', `/register/agents/${enc(userId)}`),

  alerts: () => api.request<{ open?: Alert[]; items: Alert[] }>('GET', '/alerts'),
  declareAlert: (alert: { kind: string; area: string; prefect_reference: string }) =>
    api.request<Alert>('POST', '/alerts', { body: alert }),
  endAlert: (id: Id, version: Alert['version']) =>
    api.request<Alert>('POST', `/alerts/${enc(id)}/end`, { body: {}, ifMatch: version }),
  prefectExport: (body: {
    alert_id: Id;
    recipient: string;
    purpose: string;
    format: string;
    password: string;
    totp_code?: string;
  }) => api.download('POST', '/register/prefect-export', { body }),

  importRegister: (body: {
    file_name: string;
    content_base64: string;
    mapping?: Record<string, string>;
    separator?: string;
    dry_run: boolean;
    existing_register?: boolean;
  }) => api.request<ImportReport>('POST', '/imports/register', { body }),
  exportUrl: (format: 'xlsx' | 'csv', query: string) => `/api/v1/persons/export.${format}${query}`,

  rightsSearch: (q: string) => api.request<{ items: Person[] }>('GET', '/rights/persons', { query: { q } }),
  rightsAccess: (id: Id) => api.download('GET', `/rights/persons/${enc(id)}/access`),
  rightsAccessPdf: (id: Id) => api.download('GET', `/rights/persons/${enc(id)}/access.pdf`),
  retentionDue: () => api.request<RetentionDue>('GET', '/retention/due'),
  retentionPurge: (expected: RetentionPlan) =>
    api.request<RetentionPurged>('POST', '/retention/purge', { body: { expected } }),
  rightsErase: (id: Id, confirmLastName: string) =>
    api.request<unknown>('POST', `/rights/persons/${enc(id)}/erase`, { body: { confirm_last_name: confirmLastName } }),
};

/** Saves a downloaded file through a temporary link. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Marie-Thérèse DUPONT" style display name of a person (or what the reader may see of it). */
export function personName(p: Person): string {
  return [p.first_names, p.last_name].filter(Boolean).join(' ') || `#${p.id}`;
}

/** A phone as the server shows it (national notation when it gives one). */
export function phoneText(p: Phone): string {
  return p.display || p.number || p.e164 || '';
}

/** Age in whole years on `today` from a YYYY-MM-DD birth date. */
export function ageOf(birthDate: string | null | undefined, today = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--;
  return age;
}

/** One line of an address: "12 bis rue Victor Hugo, 62400 Béthune". */
export function addressText(a: Address | undefined): string {
  if (!a) return '';
  const street = [a.number, a.street].filter(Boolean).join(' ');
  const town = [a.postcode, a.town].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ');
}
