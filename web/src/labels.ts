// Codes of the register module (statuses, grounds, duplicate reasons…) in words. An unknown code is
// shown as it is rather than hidden.
import { isMessageKey, t } from './i18n';
import { formatDay } from './dates';

export function codeText(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const reasonText = (code: string) => codeText('duplicates.reason', code);

/** A value of a change ("before → after") as words. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (Array.isArray(value)) return value.map(valueText).join(', ') || '∅';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('number' in o || 'e164' in o) return [o.display ?? o.number ?? o.e164, o.label].filter(Boolean).join(' ');
    return Object.entries(o)
      .filter(([, v]) => v !== '' && v !== null && v !== undefined)
      .map(([k, v]) => `${fieldText(k)} : ${valueText(v)}`)
      .join(', ');
  }
  return String(value);
}

// Fields of a change whose values are codes, and the message prefix that puts them in words.
const CODED_FIELDS: Record<string, string> = {
  'register.state': 'register.state',
  'register.ground': 'register.ground',
  'register.requested_by': 'register.requested_by',
  'register.requester_relation': 'register.relation',
};

/** A value of a change of `field` as words: codes of the register as their labels, the rest as valueText. */
export function changeValueText(field: string, value: unknown): string {
  const prefix = CODED_FIELDS[field];
  if (prefix && typeof value === 'string' && value !== '') return codeText(prefix, value);
  return valueText(value);
}

/** A person's field name ("last_name", "address.town") in words. */
export function fieldText(field: string): string {
  // "household.dietary", "register.ground": the other purposes' fields, named as their panels name them.
  if (isMessageKey(field)) return t(field);
  const direct = `person.${field}`;
  if (isMessageKey(direct)) return t(direct);
  const address = `person.address.${field}`;
  if (isMessageKey(address)) return t(address);
  const phones = /^phones?\b/.test(field) ? 'person.phones' : '';
  return isMessageKey(phones) ? t(phones) : field;
}
