import { z } from 'zod';

/** One model day in milliseconds: XState delays are numbers, model time is whole days. */
export const DAY_MS = 86_400_000;

/**
 * The longest span, in days, a day count or a duration may give: 100 years. No case runs longer,
 * and within it every date a case reaches can be written (dates run to `LATEST_DATE`).
 */
export const MAX_DAYS = 36_500;

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * Whole days in an ISO-8601 duration (`P14D`, `P1M`, `P3Y`). Months and years count at their
 * shortest (28-day month, 365-day year), so a modelled deadline never falls later than the real
 * one: "one month" from 31 January ends on 28 February at the earliest (DOMAIN §2 cautions). A
 * period anchored to a known date counts by the calendar instead (`monthsInDays`).
 *
 * @example
 * durationDays('P14D') // 14
 * durationDays('P1M')  // 28
 */
export function durationDays(iso: string): number {
  const match = ISO.exec(iso);
  if (!match || iso === 'P') {
    throw new RangeError(`"${iso}" is not an ISO-8601 duration of whole days; write it like P14D, P2M or P1Y`);
  }
  const [, y, m, w, d] = match.map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return y * 365 + monthsDays(m) + w * 7 + d;
}

/**
 * The most days a period of `months` calendar months counted from some day can span (31 for one,
 * 92 for three): the limit on a deadline that runs by the calendar from a case's date (`addMonths`).
 *
 * @example
 * monthsDaysAtMost(3); // 92
 */
export function monthsDaysAtMost(months: number): number {
  return monthsDays(months, Math.max, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
}

/** Shortest (or, with `Math.max`, longest) length of `n` consecutive calendar months, starting in any month of any year. */
function monthsDays(n: number, pick = Math.min, lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]): number {
  // Any twelve months in a row make a whole year, whichever month they start in.
  const years = Math.floor(n / 12) * lengths.reduce((a, b) => a + b, 0);
  if (n % 12 === 0) return years;
  let best = pick === Math.min ? Infinity : -Infinity;
  for (let start = 0; start < 12; start++) {
    let sum = 0;
    for (let i = 0; i < n % 12; i++) sum += lengths[(start + i) % 12] ?? 0;
    best = pick(best, sum);
  }
  return years + best;
}

export const IsoDuration = z
  .string()
  .refine((s) => ISO.test(s) && s !== 'P', { message: 'is not an ISO-8601 duration of whole days', params: { fix: 'write it like P10D (days), P2M (months) or P1Y (years)' } })
  .refine((s) => !ISO.test(s) || s === 'P' || durationDays(s) <= MAX_DAYS, {
    message: `is longer than ${MAX_DAYS} days (100 years), the longest span a case is modelled over`,
    params: { fix: `give at most P${MAX_DAYS}D, P1200M or P100Y` },
  });
