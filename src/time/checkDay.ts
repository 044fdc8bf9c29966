import { InputError } from '../domain/InputError.ts';

/**
 * A day of model time as given, or an `InputError` naming `field` when it is not a whole
 * number of days from receipt (day 0): model time has no fractions and no days before it.
 *
 * @example
 * checkDay(3, 'day'); // 3
 * checkDay(2.5, 'day'); // throws: day: is not a whole number of days …
 */
export function checkDay(day: number, field: string): number {
  if (Number.isInteger(day) && day >= 0) return day;
  const problem = typeof day !== 'number' || Number.isNaN(day) ? 'is not a number' : day < 0 ? 'is before day 0, the day the request was received' : 'is not a whole number of days';
  throw new InputError('invalid', field, Number.isFinite(day) ? day : String(day), problem, 'give a whole number of days since receipt: 0, 1, 2, …');
}
