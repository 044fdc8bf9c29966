import { z } from 'zod';

import { DAY_MS } from './duration.ts';

/** The form of an ISO date; `fromZod` gives its fix when a value does not match. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: 'is not a date written YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is no day of the calendar',
    params: { fix: 'give a day that exists: months have 28 to 31 days, February 29 only in leap years' },
  })
  // Day numbers, like reporting periods, count from 1970; an earlier year is a typo.
  .refine((s) => s >= '1970-01-01', { message: 'is before 1970', params: { fix: 'give a date from 1970-01-01 on' } });

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
