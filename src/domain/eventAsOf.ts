import { dayNumber } from './date.ts';
import { InputError } from './InputError.ts';

/**
 * The event as a machine takes it on `on`: a gag order imposed during a case with the date it
 * bears (`secrecy.imposed { days, issuedOn }`) becomes the days of it left that day, counted from
 * that date as a served order's are (DOMAIN §1 row 7: the order runs for the period the court
 * set; counting it from its date is our reading, [L]). Every other event comes back as it is.
 * An order dated after `on`, or one whose days ran out before it, is an InputError naming
 * `<field>.issuedOn`: the first was not made yet, the second no longer binds.
 *
 * @example
 * eventAsOf({ type: 'secrecy.imposed', days: 90, issuedOn: '2026-03-01' }, '2026-03-11'); // { type: 'secrecy.imposed', days: 80 }
 */
export function eventAsOf<E extends { type: string }>(event: E, on: string, field = 'event'): E {
  const { issuedOn, days } = event as { issuedOn?: unknown; days?: unknown };
  if (event.type !== 'secrecy.imposed' || typeof issuedOn !== 'string' || typeof days !== 'number') return event;
  const age = dayNumber(on) - dayNumber(issuedOn);
  if (age < 0) throw new InputError('invalid', `${field}.issuedOn`, issuedOn, `is after ${on}, the day the order is sent: an order is imposed on or after the date it bears`, `give the date the order bears, on or before ${on}, or send the event on the day it was served`);
  if (age >= days) {
    throw new InputError('invalid', `${field}.issuedOn`, issuedOn, `puts the order's ${days} days before ${on}: it ran out ${age - days === 0 ? 'the day before' : `${age - days + 1} days before`}, so it no longer binds`, 'check the date and the days; send no secrecy.imposed for an order that has run out');
  }
  const { issuedOn: _dated, ...rest } = event as E & { issuedOn?: string };
  return { ...rest, days: days - age } as unknown as E;
}
