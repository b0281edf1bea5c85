import { describe, expect, it } from 'vitest';
import { formatShare, labelEvery, niceCeiling, parisToday, shortDay, ticks } from '../src/figuresFormat';

describe('figures chart scale', () => {
  it('rounds the top of the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(10)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(143)).toBe(200);
    expect(niceCeiling(480)).toBe(500);
    expect(niceCeiling(501)).toBe(1000);
  });
  it('spreads ticks from zero to the top', () => {
    expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('thins the day labels of long periods', () => {
    expect(labelEvery(7)).toBe(1);
    expect(labelEvery(31)).toBe(4);
    expect(labelEvery(365, 12)).toBe(31);
  });
});

describe('figures formats', () => {
  it('writes the share reached as a percentage, none without calls', () => {
    expect(formatShare(null, 'fr')).toBeNull();
    expect(formatShare(0.625, 'en')).toBe('62.5%');
    expect(formatShare(0.625, 'fr')?.replace(/\s/g, ' ')).toBe('62,5 %');
  });
  it('writes calendar days short without shifting them', () => {
    expect(shortDay('2025-07-15', 'fr')).toBe('15/07');
    expect(shortDay('2025-07-15', 'en')).toBe('15 Jul');
  });
  it('takes today in Paris', () => {
    expect(parisToday(new Date(Date.UTC(2025, 6, 14, 22, 0)))).toBe('2025-07-15');
    expect(parisToday(new Date(Date.UTC(2025, 6, 14, 21, 59)))).toBe('2025-07-14');
  });
});
