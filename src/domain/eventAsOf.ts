import { dayNumber, isoDate } from './date.ts';
import { gagDaysLeft } from './gagTerm.ts';
import { InputError } from './InputError.ts';

/**
 * The event as a machine takes it on `on`: a gag order imposed during a case with the date it
 * bears (`secrecy.imposed { days, issuedOn }`) becomes the days of it left that day, counted from
 * that date as a served order's are (DOMAIN §1 row 7: the order runs for the period the court
 * set; counting it from its date is our reading, [L]). Every other event comes back as it is.
 * An order's last day is the date it bears plus its days, as a served order's: one that comes on
 * its last day is taken with 0 days left, binding for the rest of that day. An order dated after
 * `on`, or one past its last day on `on`, is an InputError naming `<field>.issuedOn`.
 *
 * @example
 * eventAsOf({ type: 'secrecy.imposed', days: 90, issuedOn: '2026-03-01' }, '2026-03-11'); // { type: 'secrecy.imposed', days: 80 }
 */
export function eventAsOf<E extends { type: string }>(event: E, on: string, field = 'event'): E {
  const { issuedOn, days } = event as { issuedOn?: unknown; days?: unknown };
  if (event.type !== 'secrecy.imposed' || typeof issuedOn !== 'string' || typeof days !== 'number') return event;
  if (issuedOn > on) throw new InputError('invalid', `${field}.issuedOn`, issuedOn, `is after ${on}, the day the order is sent: an order is imposed on or after the date it bears`, `give the date the order bears, on or before ${on}, or send the event on the day it was served`);
  const left = gagDaysLeft({ receivedOn: on, secrecyOrder: { days, issuedOn } }) as number;
  if (left < 0) {
    const last = isoDate(dayNumber(issuedOn) + days);
    throw new InputError('invalid', `${field}.issuedOn`, issuedOn, `puts the last of the order's ${days} days on ${last}, before ${on}: it no longer binds`, 'check the date and the days; send no secrecy.imposed for an order past its last day');
  }
  const { issuedOn: _dated, ...rest } = event as E & { issuedOn?: string };
  return { ...rest, days: left } as unknown as E;
}
