import type { DataCategory } from '../../src/domain/categories.ts';

// DOMAIN §1 rows 1 and 11: name, address, length of service and toll billing records are basic
// subscriber information; an NSL reaches those and not the rest of it (IPs, payment).
const WHOLE: Partial<Record<DataCategory, DataCategory>> = {
  subscriberIdentity: 'basicSubscriberInfo',
  tollBillingRecords: 'basicSubscriberInfo',
};

/**
 * Whether `list` reaches `category`: it names the category or the category it is part of.
 *
 * @example
 * reaches(['basicSubscriberInfo'], 'tollBillingRecords') // true
 */
export function reaches(list: readonly DataCategory[], category: DataCategory): boolean {
  const whole = WHOLE[category];
  return list.includes(category) || (whole !== undefined && list.includes(whole));
}

/**
 * The categories of either list the other reaches: empty when the two share no data.
 *
 * @example
 * overlap(['basicSubscriberInfo'], ['subscriberIdentity', 'content']) // ['subscriberIdentity']
 */
export function overlap(a: readonly DataCategory[], b: readonly DataCategory[]): DataCategory[] {
  return [...a.filter((c) => reaches(b, c)), ...b.filter((c) => reaches(a, c))];
}

/**
 * The requested categories still held, a part standing in for its whole when only the part is.
 *
 * @example
 * stillHeld(['basicSubscriberInfo'], (c) => c !== 'basicSubscriberInfo') // ['subscriberIdentity', 'tollBillingRecords']
 */
export function stillHeld(requested: readonly DataCategory[], held: (category: DataCategory) => boolean): DataCategory[] {
  const parts = (c: DataCategory) => (Object.keys(WHOLE) as DataCategory[]).filter((p) => WHOLE[p] === c);
  const keep = (c: DataCategory): DataCategory[] => (held(c) ? [c] : parts(c).flatMap(keep));
  return requested.flatMap(keep);
}

/** The category whose retention a category follows: its whole, unless a record set names it. */
export function retainedAs(category: DataCategory, named: (category: DataCategory) => boolean): DataCategory {
  const whole = WHOLE[category];
  return named(category) || whole === undefined ? category : whole;
}
