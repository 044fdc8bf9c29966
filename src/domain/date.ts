import { z } from 'zod';

import { DAY_MS } from './duration.ts';

/** The form of an ISO date; `fromZod` gives its fix when a value does not match. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The latest date a date field takes. A case received on it, with events up to `MAX_DAYS` later
 * and a deadline up to `MAX_DAYS` after those, still has every date in a four-digit year.
 */
export const LATEST_DATE = '9799-12-31';

/** A calendar date `YYYY-MM-DD` that exists, from 1970-01-01 to `LATEST_DATE`. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: 'is not a date written YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is no day of the calendar',
    params: { fix: 'give a day that exists: months have 28 to 31 days, February 29 only in leap years' },
  })
  // Day numbers, like reporting periods, count from 1970; an earlier year is a typo.
  .refine((s) => s >= '1970-01-01', { message: 'is before 1970', params: { fix: 'give a date from 1970-01-01 on' } })
  .refine((s) => s <= LATEST_DATE, { message: `is after ${LATEST_DATE}, the latest date dueprocess counts to`, params: { fix: `give a date from 1970-01-01 to ${LATEST_DATE}` } });

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months after `iso`: the same date, or the month's last day when it has
 * none. A period of months counted from an event on `iso` ends with that day (EU Regulation
 * 1182/71 Art. 3(2)(c), DOMAIN §2 cautions; no roll-forward past a weekend or holiday).
 *
 * @example
 * addMonths('2026-03-01', 1); // '2026-04-01'
 * addMonths('2026-01-31', 1); // '2026-02-28'
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Days from `iso` to the end of a period of `months` calendar months counted from it (`addMonths`).
 *
 * @example
 * monthsInDays('2026-03-01', 1); // 31
 * monthsInDays('2026-02-01', 1); // 28
 */
export function monthsInDays(iso: string, months: number): number {
  return dayNumber(addMonths(iso, months)) - dayNumber(iso);
}
