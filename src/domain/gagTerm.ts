import { dayNumber } from './date.ts';
import { fromZod, InputError } from './InputError.ts';
import { IsoDate } from './date.ts';
import { DemandRequest } from './request.ts';

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

/** The fields of a request a served gag order's term is counted from. */
type Served = { receivedOn?: string | undefined; secrecyOrder?: { days?: number | undefined; issuedOn?: string | undefined } | undefined };

/** A check of a served gag order against the request's receipt: `path` names the field, `message` what is wrong, `fix` what to give instead. */
export interface ServedGagCheck {
  test: (r: Served) => boolean;
  path: string[];
  message: string;
  fix: string;
}

/**
 * What a served gag order's dates must satisfy for its term to be counted (DOMAIN §1 row 7): a
 * date on the order needs the day of receipt to count from, on or after that date, and some
 * of the term left then. Every intake checks them, the catalogue's and a user machine's inputs alike.
 *
 * @example
 * SERVED_GAG_CHECKS.filter((c) => !c.test({ secrecyOrder: { days: 30, issuedOn: '2026-01-01' } })).map((c) => c.path.join('.')); // ['receivedOn']
 */
export const SERVED_GAG_CHECKS: readonly ServedGagCheck[] = [
  {
    test: (r) => r.secrecyOrder?.issuedOn === undefined || r.receivedOn !== undefined,
    path: ['receivedOn'],
    message: 'is missing: the date a gag order bears (secrecyOrder.issuedOn) is counted to the day the request was received',
    fix: 'give receivedOn as YYYY-MM-DD, or leave secrecyOrder.issuedOn out to count the gag from receipt',
  },
  {
    test: (r) => r.secrecyOrder?.issuedOn === undefined || r.receivedOn === undefined || dayNumber(r.secrecyOrder.issuedOn) <= dayNumber(r.receivedOn),
    path: ['secrecyOrder', 'issuedOn'],
    message: 'is after receivedOn: a gag order served with the request bears a date on or before the day it is received',
    fix: 'give the date on the gag order, no later than receivedOn, or leave it out to count the gag from receipt',
  },
  {
    test: (r) => r.receivedOn === undefined || (gagDaysLeft(r as Pick<DemandRequest, 'receivedOn' | 'secrecyOrder'>) ?? 0) >= 0,
    path: ['secrecyOrder', 'days'],
    message: 'ended before the request was received: counted from the date the gag order bears, no day of it is left',
    fix: 'leave secrecyOrder out (no gag covers the request), or check its days and issuedOn',
  },
];

/**
 * Throws an InputError naming a malformed `receivedOn` or `secrecyOrder`, or else the first of
 * `SERVED_GAG_CHECKS` the request fails, under `where`; a request that is not an object is left
 * to other checks.
 *
 * @example
 * checkServedGag({ secrecyOrder: { days: 30, issuedOn: '2026-01-01' } }, 'meta.inputs[0].input'); // throws: meta.inputs[0].input.receivedOn: is missing …
 */
export function checkServedGag(request: unknown, where: string): void {
  if (typeof request !== 'object' || request === null) return;
  const served = request as Served;
  // The dates are compared only once each is a date: a malformed one is named as such.
  const fields = [
    ['receivedOn', IsoDate.optional()],
    ['secrecyOrder', DemandRequest.shape.secrecyOrder],
  ] as const;
  for (const [field, schema] of fields) {
    const value = (served as Record<string, unknown>)[field];
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw fromZod(parsed.error, value, `${where}.${field}`);
  }
  for (const check of SERVED_GAG_CHECKS) {
    if (check.test(served)) continue;
    const value = check.path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], served);
    throw new InputError('invalid', `${where}.${check.path.join('.')}`, value, check.message, check.fix);
  }
}
