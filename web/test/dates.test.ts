import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart } from '../src/dates';

describe('date filters', () => {
  it('turns a day into inclusive local bounds', () => {
    const start = dayStart('2020-03-17')!;
    const end = dayEnd('2020-03-17')!;
    expect(new Date(start).getHours()).toBe(0);
    expect(end - start).toBeGreaterThan(22 * 3600_000);
    expect(new Date(end + 1).getDate()).toBe(18);
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('nope')).toBeUndefined();
  });
});
