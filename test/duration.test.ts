import { describe, expect, it } from 'vitest';
import { dayNumber, IsoDate, isoDate } from '../src/domain/date.ts';
import { durationDays, IsoDuration } from '../src/domain/duration.ts';

describe('durationDays', () => {
  it.each([
    ['P14D', 14],
    ['P2W', 14],
    ['P90D', 90],
    ['P1M', 28],
    ['P2M', 59],
    ['P3M', 89],
    ['P1Y', 365],
    ['P1Y1M1D', 365 + 28 + 1],
  ])('%s is %i days, counting months and years at their shortest', (iso, days) => {
    expect(durationDays(iso)).toBe(days);
  });

  it.each(['14D', 'P', 'PT5H', 'P1.5D', ''])('rejects %j with a message that shows the form', (bad) => {
    expect(() => durationDays(bad)).toThrow(/ISO-8601 duration .* like P14D/);
    expect(IsoDuration.safeParse(bad).success).toBe(false);
  });
});

describe('dates', () => {
  it('round-trips day numbers and rejects impossible dates', () => {
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dayNumber('2026-01-15') - dayNumber('2026-01-01')).toBe(14);
    expect(IsoDate.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2025-13-01').success).toBe(false);
    expect(IsoDate.safeParse('1 March 2025').success).toBe(false);
  });
});
