import { describe, expect, it } from 'vitest';
import { courtPeriodDays, legalHoliday, rollForward, weekdayOf } from '../src/domain/courtDays.ts';
import { dayNumber, isoDate } from '../src/domain/date.ts';

const rolled = (iso: string) => isoDate(rollForward(dayNumber(iso)));

describe('court days: FRCP 6(a) legal holidays and the roll-forward of a period’s last day', () => {
  it('knows the eleven federal holidays of 2026 on the days they are observed', () => {
    const holidays: string[] = [];
    for (let d = dayNumber('2026-01-01'); d <= dayNumber('2026-12-31'); d++) if (legalHoliday(isoDate(d))) holidays.push(isoDate(d));
    expect(holidays).toEqual(['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']);
    expect(legalHoliday('2026-07-04')).toBeNull();
    expect(legalHoliday('2026-07-03')).toBe('Independence Day');
  });

  it('observes a Saturday holiday on the Friday before, a year earlier for New Year’s Day, and a Sunday one on the Monday after', () => {
    expect(legalHoliday('2027-12-31')).toBe('New Year’s Day');
    expect(legalHoliday('2027-12-24')).toBe('Christmas Day');
    expect(legalHoliday('2027-07-05')).toBe('Independence Day');
    expect(legalHoliday('2020-06-19')).toBeNull();
  });

  it('rolls a last day on a weekend or holiday to the next day that is neither, and leaves a court day alone', () => {
    expect(rolled('2026-02-14')).toBe('2026-02-17');
    expect(rolled('2026-02-13')).toBe('2026-02-13');
    expect(rolled('2027-12-31')).toBe('2028-01-03');
    expect(weekdayOf(dayNumber('2026-11-25'))).toBe(3);
    expect(courtPeriodDays('2026-02-02', 14)).toBe(15);
    expect(courtPeriodDays('2026-03-02', 14)).toBe(14);
  });
});
