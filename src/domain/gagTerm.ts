import { dayNumber } from './date.ts';
import type { DemandRequest } from './request.ts';

/**
 * Days a gag order served with the request had run on the day of receipt: a 2705(b) order runs
 * "for such period as the court deems appropriate" from the date it bears (DOMAIN §1 row 7; the
 * start is our reading, [L]). 0 when it bears no date, so the gag never ends before the real one.
 *
 * @example
 * gagOrderAge({ receivedOn: '2026-03-31', secrecyOrder: { days: 365, issuedOn: '2026-03-01' } }); // 30
 */
export function gagOrderAge(r: Pick<DemandRequest, 'receivedOn' | 'secrecyOrder'>): number {
  const issued = r.secrecyOrder?.issuedOn;
  return issued ? dayNumber(r.receivedOn) - dayNumber(issued) : 0;
}

/**
 * Days of a gag served with the request still to run on the day of receipt; null for an
 * open-ended gag or none.
 *
 * @example
 * gagDaysLeft({ receivedOn: '2026-03-31', secrecyOrder: { days: 365, issuedOn: '2026-03-01' } }); // 335
 */
export function gagDaysLeft(r: Pick<DemandRequest, 'receivedOn' | 'secrecyOrder'>): number | null {
  const days = r.secrecyOrder?.days;
  return days === undefined ? null : days - gagOrderAge(r);
}
