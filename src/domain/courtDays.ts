import { dayNumber } from './date.ts';
import { DAY_MS } from './duration.ts';

const byYear = new Map<number, Map<number, string>>();

/** Day number of the `n`th `weekday` (0 Sunday … 6 Saturday) of a month; `n` = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n < 0) {
    const last = Date.UTC(year, month + 1, 0) / DAY_MS;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = Date.UTC(year, month, 1) / DAY_MS;
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

/** 0 Sunday … 6 Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The federal legal holidays observed in a year, by day number: the days FRCP 6(a)(6)(A) lists,
 * each on the day set aside for observing it (5 U.S.C. 6103: a fixed date on a Saturday is
 * observed the Friday before, on a Sunday the Monday after), Monday holidays as the Uniform Monday
 * Holiday Act set them from 1971.
 */
function holidaysOf(year: number): Map<number, string> {
  let days = byYear.get(year);
  if (days) return days;
  days = new Map();
  const fixed = (month: number, date: number, name: string) => {
    const day = Date.UTC(year, month, date) / DAY_MS;
    const weekday = weekdayOf(day);
    days?.set(weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day, name);
  };
  fixed(0, 1, 'New Year’s Day');
  // New Year's Day of the next year, observed on this year's December 31 when it falls on a Saturday.
  if (weekdayOf(Date.UTC(year + 1, 0, 1) / DAY_MS) === 6) days.set(Date.UTC(year, 11, 31) / DAY_MS, 'New Year’s Day');
  if (year >= 1986) days.set(nthWeekday(year, 0, 1, 3), 'Martin Luther King Jr. Day');
  days.set(nthWeekday(year, 1, 1, 3), 'Washington’s Birthday');
  days.set(nthWeekday(year, 4, 1, -1), 'Memorial Day');
  if (year >= 2021) fixed(5, 19, 'Juneteenth National Independence Day');
  fixed(6, 4, 'Independence Day');
  days.set(nthWeekday(year, 8, 1, 1), 'Labor Day');
  days.set(nthWeekday(year, 9, 1, 2), 'Columbus Day');
  if (year >= 1978) fixed(10, 11, 'Veterans Day');
  else days.set(nthWeekday(year, 9, 1, 4), 'Veterans Day');
  days.set(nthWeekday(year, 10, 4, 4), 'Thanksgiving Day');
  fixed(11, 25, 'Christmas Day');
  byYear.set(year, days);
  return days;
}

/**
 * The federal legal holiday observed on an ISO date, or null: the days FRCP 6(a)(6)(A) names.
 * Days the President or Congress declare a holiday (6(a)(6)(B)) and state holidays (6(a)(6)(C))
 * are not known here.
 *
 * @example
 * legalHoliday('2026-02-16'); // 'Washington’s Birthday'
 * legalHoliday('2027-07-05'); // 'Independence Day' (July 4 is a Sunday)
 */
export function legalHoliday(iso: string): string | null {
  return holidaysOf(Number(iso.slice(0, 4))).get(dayNumber(iso)) ?? null;
}

/**
 * The day a period ends whose last day counted is `day` (a day number): that day, or when it is a
 * Saturday, a Sunday or a legal holiday, the next day that is none (FRCP 6(a)(1)(C)).
 *
 * @example
 * rollForward(dayNumber('2026-02-14')); // the day number of 2026-02-17: Saturday, Sunday, then Washington's Birthday
 */
export function rollForward(day: number): number {
  let at = day;
  for (;;) {
    const weekday = weekdayOf(at);
    const year = new Date(at * DAY_MS).getUTCFullYear();
    if (weekday !== 0 && weekday !== 6 && !holidaysOf(year).has(at)) return at;
    at++;
  }
}

/**
 * Days a period of `days` counted from the event on `iso` lasts as a court counts it: its last
 * day rolled past a weekend or legal holiday (`rollForward`).
 *
 * @example
 * courtPeriodDays('2026-02-02', 14); // 15: day 14 is Washington's Birthday
 */
export function courtPeriodDays(iso: string, days: number): number {
  const from = dayNumber(iso);
  return rollForward(from + days) - from;
}
