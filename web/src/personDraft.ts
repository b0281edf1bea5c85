// A person as the form edits it (flat strings), to and from the API's JSON. Only the groups the person
// carries are edited: a field the reader may not read is absent from the person, hence from the draft and
// from what is sent back (the server refuses a field outside the writer's groups).
import type { Address, Person } from './register';

export const ADDRESS_FIELDS = [
  'number',
  'street',
  'complement',
  'building',
  'floor',
  'door_code',
  'postcode',
  'town',
  'access_notes',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const CIVILITIES = ['', 'mme', 'm'] as const;
export const HEARING = ['unknown', 'none', 'hard_of_hearing', 'deaf'] as const;
export const STATUSES = ['active', 'away', 'in_hospital', 'moved', 'deceased'] as const;
export const MAX_PHONES = 6;

export interface PhoneDraft {
  number: string;
  label: string;
}

export interface PersonDraft {
  groups: { identity: boolean; contact: boolean; situation: boolean };
  civility: string;
  last_name: string;
  birth_name: string;
  first_names: string;
  birth_date: string;
  address: Record<AddressField, string>;
  phones: PhoneDraft[];
  email: string;
  languages: string;
  hearing: string;
  status: string;
  status_until: string;
}

export function emptyDraft(situation: boolean): PersonDraft {
  const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, ''])) as Record<AddressField, string>;
  return {
    groups: { identity: true, contact: true, situation },
    civility: '',
    last_name: '',
    birth_name: '',
    first_names: '',
    birth_date: '',
    address,
    phones: [{ number: '', label: '' }],
    email: '',
    languages: '',
    hearing: 'unknown',
    status: 'active',
    status_until: '',
  };
}

export function draftFromPerson(p: Person): PersonDraft {
  const d = emptyDraft('status' in p);
  d.groups.identity = 'last_name' in p;
  d.groups.contact = 'address' in p || 'phones' in p;
  d.civility = p.civility ?? '';
  d.last_name = p.last_name ?? '';
  d.birth_name = p.birth_name ?? '';
  d.first_names = p.first_names ?? '';
  d.birth_date = p.birth_date ?? '';
  for (const f of ADDRESS_FIELDS) d.address[f] = String(p.address?.[f] ?? '');
  d.phones = (p.phones ?? []).map((ph) => ({ number: ph.display || ph.number || ph.e164 || '', label: ph.label ?? '' }));
  if (d.phones.length === 0) d.phones.push({ number: '', label: '' });
  d.email = p.email ?? '';
  d.languages = (p.languages ?? []).join(', ');
  d.hearing = p.hearing || 'unknown';
  d.status = p.status || 'active';
  d.status_until = p.status_until ?? '';
  return d;
}

function addressJson(d: PersonDraft): Address {
  const a: Record<string, string> = {};
  for (const f of ADDRESS_FIELDS) a[f] = d.address[f].trim();
  return a;
}

/** The JSON body of a person, the groups the draft carries only. */
export function personJson(d: PersonDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (d.groups.identity) {
    body.civility = d.civility;
    body.last_name = d.last_name.trim();
    body.birth_name = d.birth_name.trim();
    body.first_names = d.first_names.trim();
    body.birth_date = d.birth_date || null;
  }
  if (d.groups.contact) {
    body.address = addressJson(d);
    body.phones = d.phones
      .filter((p) => p.number.trim() !== '')
      .map((p) => ({ number: p.number.trim(), label: p.label.trim() }));
    body.email = d.email.trim();
    body.languages = d.languages
      .split(/[,;\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    body.hearing = d.hearing;
  }
  if (d.groups.situation) {
    body.status = d.status;
    body.status_until = d.status === 'away' || d.status === 'in_hospital' ? d.status_until || null : null;
  }
  return body;
}

/** Only the top-level fields that differ (an address or the phone list is sent whole). */
export function personPatch(before: PersonDraft, after: PersonDraft): Record<string, unknown> {
  const a = personJson(before);
  const b = personJson(after);
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (JSON.stringify(v) !== JSON.stringify(a[k])) patch[k] = v;
  }
  return patch;
}

/** "phones[1].number", "phones.1" → "phones.1"; "address.town" → "town"; others unchanged. */
export function normalizePersonField(field: string): string {
  const phone = /^phones?(?:\[(\d+)\]|\.(\d+))/.exec(field);
  if (phone) return `phones.${phone[1] ?? phone[2]}`;
  if (field === 'phones' || field === 'phone') return 'phones.0';
  return field.replace(/^address\./, '');
}

/** Form field ids by normalized field name, for useForm. */
export function personFieldIds(prefix: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const f of ['civility', 'last_name', 'birth_name', 'first_names', 'birth_date', 'email', 'languages', 'hearing', 'status', 'status_until'])
    ids[f] = `${prefix}-${f}`;
  for (const f of ADDRESS_FIELDS) ids[f] = `${prefix}-${f}`;
  for (let i = 0; i < MAX_PHONES; i++) ids[`phones.${i}`] = `${prefix}-phone-${i}`;
  return ids;
}

/** Copies the fields named by `keys` (top-level JSON names, as in a patch) from one draft into another. */
export function reapply(target: PersonDraft, source: PersonDraft, keys: string[]): void {
  for (const key of keys) {
    if (key === 'address') target.address = { ...source.address };
    else if (key === 'phones') target.phones = source.phones.map((p) => ({ ...p }));
    else if (key in target && key !== 'groups') {
      (target as unknown as Record<string, string>)[key] = (source as unknown as Record<string, string>)[key]!;
    }
  }
}
