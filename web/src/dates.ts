// `<input type="date">` values (YYYY-MM-DD, local time) to epoch ms bounds.

function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** First millisecond of that local day, or undefined for an empty or invalid value. */
export function dayStart(value: string): number | undefined {
  return parseDay(value)?.getTime();
}

/** Last millisecond of that local day (so that "to" is inclusive). */
export function dayEnd(value: string): number | undefined {
  const d = parseDay(value);
  if (!d) return undefined;
  d.setDate(d.getDate() + 1);
  return d.getTime() - 1;
}

/** A calendar day (YYYY-MM-DD, as the server sends it) shown as dd/mm/yyyy; anything else unchanged. */
export function formatDay(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (value ?? '');
}
