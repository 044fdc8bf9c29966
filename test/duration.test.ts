import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, IsoDate, isoDate, monthsInDays } from '../src/domain/date.ts';
import { durationDays, IsoDuration, monthsDaysAtMost } from '../src/domain/duration.ts';

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

  it('takes durations up to 100 years (36500 days) and refuses longer ones, however many months they give', () => {
    expect(['P36500D', 'P100Y', 'P1200M'].map((d) => [durationDays(d), IsoDuration.safeParse(d).success])).toEqual([[36_500, true], [36_500, true], [36_500, true]]);
    for (const long of ['P36501D', 'P101Y', 'P1201M', 'P99999999999M']) {
      const parsed = IsoDuration.safeParse(long);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('is longer than 36500 days (100 years), the longest span a case is modelled over');
    }
    // 8333333333 years and 3 months, counted a year at a time, not month by month.
    expect(durationDays('P99999999999M')).toBe(8_333_333_333 * 365 + 89);
  });
});

describe('calendar months (Reg. 1182/71)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15', 31],
    ['2026-01-31', 1, '2026-02-28', 28],
    ['2028-01-31', 1, '2028-02-29', 29],
    ['2026-03-31', 1, '2026-04-30', 30],
    ['2026-11-30', 3, '2027-02-28', 90],
    ['2026-12-31', 3, '2027-03-31', 90],
    ['2026-05-31', 3, '2026-08-31', 92],
  ])('%s + %i month(s) ends on %s, %i days on', (from, months, end, days) => {
    expect(addMonths(from, months)).toBe(end);
    expect(monthsInDays(from, months)).toBe(days);
  });

  it('bounds every calendar period from above: 31 days for one month, 92 for three', () => {
    expect([monthsDaysAtMost(1), monthsDaysAtMost(3), monthsDaysAtMost(0)]).toEqual([31, 92, 0]);
    const starts = Array.from({ length: 4 * 366 }, (_, i) => isoDate(dayNumber('2026-01-01') + i));
    expect(Math.max(...starts.map((d) => monthsInDays(d, 1)))).toBe(monthsDaysAtMost(1));
    expect(Math.max(...starts.map((d) => monthsInDays(d, 3)))).toBe(monthsDaysAtMost(3));
    expect(Math.min(...starts.map((d) => monthsInDays(d, 3)))).toBe(durationDays('P3M'));
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
