// Pure helpers of the figures dashboard and its chart (no API, no Vue): tested in test/figures.test.ts.

/**
 * The top of a chart's scale: the smallest 1, 2 or 5 × 10^k at or above `max` (at least 1), so that the axis
 * has round ticks.
 */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Tick values from 0 to `top` included, `count` intervals (top is a niceCeiling, so they are round enough). */
export function ticks(top: number, count = 4): number[] {
  const step = top / count;
  const values: number[] = [];
  for (let i = 0; i <= count; i++) values.push(Math.round(step * i * 100) / 100);
  return values;
}

/** Every how many days to write a date under the chart so that at most `room` labels show. */
export function labelEvery(days: number, room = 10): number {
  return Math.max(1, Math.ceil(days / room));
}

/** The share reached as a percentage with one decimal in the reader's language, or null without calls. */
export function formatShare(share: number | null, lang: 'fr' | 'en'): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A calendar day 'YYYY-MM-DD' written short for the reader ('15/07' or '15 Jul'), without time zone shifts. */
export function shortDay(day: string, lang: 'fr' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: '2-digit',
    month: lang === 'fr' ? '2-digit' : 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** Today in Paris as 'YYYY-MM-DD' (the server's days are Paris days). */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
