import { z } from 'zod';
import { type Source, src } from './source.ts';

/**
 * What a demand can reach, on the Stored Communications Act ladder (DOMAIN §1 rows 1-4, 9, 11).
 * Each part is listed right after the category it is part of (`PART_OF`). Keep the order stable:
 * disclosed categories are listed in it in scenarios and case views, and disclosure sets are
 * enumerated by it.
 */
export const DATA_CATEGORIES = [
  'basicSubscriberInfo',
  'subscriberIdentity',
  'tollBillingRecords',
  'nonContentRecords',
  'content',
  'realTimeNonContent',
] as const;

export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

export const CATEGORY_TITLES: Record<DataCategory, string> = {
  basicSubscriberInfo: 'basic subscriber information, all of 2703(c)(2) (name, address, connection and toll records, session times, length of service, IPs, payment)',
  subscriberIdentity: 'subscriber identity (name, address, length of service): the basic subscriber information an NSL reaches',
  tollBillingRecords: 'local and long-distance toll billing records',
  nonContentRecords: 'non-content records (logs, correspondents, transactional data)',
  content: 'stored content',
  realTimeNonContent: 'real-time non-content (dialing, routing, addressing, signalling)',
};

/**
 * The categories that are part of another: a process that reaches the whole reaches each part,
 * one that reaches a part does not reach the whole. An NSL reaches name, address, length of
 * service and toll billing records, which are basic subscriber information, but not the rest of
 * it (IPs, session times, payment).
 */
export const PART_OF: Readonly<Partial<Record<DataCategory, { whole: DataCategory; sources: readonly Source[] }>>> = {
  subscriberIdentity: {
    whole: 'basicSubscriberInfo',
    sources: [
      src('§1 row 1', '2703(c)(2): name, address and length of service are basic subscriber information', 'S'),
      src('§1 row 11', '2709: an NSL reaches name, address, length of service; OLC 2008: only these and toll billing records', 'S'),
    ],
  },
  tollBillingRecords: {
    whole: 'basicSubscriberInfo',
    sources: [
      src('§1 row 1', '2703(c)(2): connection records or session times and durations are basic subscriber information', 'S'),
      src('§1 row 11', '2709: local and long-distance toll billing records', 'S'),
      src('§1 row 1', 'Derived: toll billing records are telephone connection records; no source says so in these words', '?'),
    ],
  },
};

/** Each category's wholes, nearest first; the walk stops at a repeat, so a cycle cannot hang it. */
const WHOLES = new Map<DataCategory, readonly DataCategory[]>(
  DATA_CATEGORIES.map((c) => {
    const chain: DataCategory[] = [];
    for (let w = PART_OF[c]?.whole; w !== undefined && w !== c && !chain.includes(w); w = PART_OF[w]?.whole) chain.push(w);
    return [c, chain];
  }),
);
const NONE: readonly DataCategory[] = [];
/**
 * The categories `category` is part of, nearest first; empty for a category that is part of none.
 *
 * @example
 * wholesOf('tollBillingRecords') // ['basicSubscriberInfo']
 */
export function wholesOf(category: DataCategory): readonly DataCategory[] {
  return WHOLES.get(category) ?? NONE;
}

/**
 * The categories directly part of `category`, in `DATA_CATEGORIES` order.
 *
 * @example
 * partsOf('basicSubscriberInfo') // ['subscriberIdentity', 'tollBillingRecords']
 */
export function partsOf(category: DataCategory): DataCategory[] {
  return DATA_CATEGORIES.filter((c) => PART_OF[c]?.whole === category);
}

/**
 * Whether `list` covers `category`: it holds the category or a category it is part of. Every
 * question "is this category among those compelled, held or disclosed" goes through here.
 *
 * @example
 * covers(['basicSubscriberInfo'], 'subscriberIdentity') // true
 * covers(['subscriberIdentity'], 'basicSubscriberInfo') // false: IPs and payment are not covered
 */
export function covers(list: readonly DataCategory[], category: DataCategory): boolean {
  if (list.includes(category)) return true;
  // Loops, not `some` and `every`: guards ask this on every disclosure the checker tries, and their callbacks were about 7% of a cold check's garbage.
  const wholes = wholesOf(category);
  for (let i = 0; i < wholes.length; i++) if (list.includes(wholes[i] as DataCategory)) return true;
  return false;
}

/**
 * Whether `allowed` covers every one of `categories`.
 *
 * @example
 * withinCategories(['subscriberIdentity', 'tollBillingRecords'], ['basicSubscriberInfo']) // true: a subpoena reaches an NSL's records
 */
export function withinCategories(categories: readonly DataCategory[], allowed: readonly DataCategory[]): boolean {
  for (let i = 0; i < categories.length; i++) if (!covers(allowed, categories[i] as DataCategory)) return false;
  return true;
}

/**
 * The data both lists name, as the largest categories both cover, in `DATA_CATEGORIES` order; empty
 * when they share nothing. A request for all basic subscriber information under an NSL shares
 * the NSL's parts of it.
 *
 * @example
 * sharedCategories(['basicSubscriberInfo', 'content'], ['subscriberIdentity', 'tollBillingRecords']) // ['subscriberIdentity', 'tollBillingRecords']
 */
export function sharedCategories(a: readonly DataCategory[], b: readonly DataCategory[]): DataCategory[] {
  const both: DataCategory[] = [];
  for (const c of DATA_CATEGORIES) if ((a.includes(c) || b.includes(c)) && covers(a, c) && covers(b, c)) both.push(c);
  const largest: DataCategory[] = [];
  for (const c of both) if (!wholesOf(c).some((w) => both.includes(w))) largest.push(c);
  return largest;
}

/** Non-empty subsets of `DATA_CATEGORIES` with no category beside one of its parts, in enumeration order. */
const CANONICAL_SETS: readonly (readonly DataCategory[])[] = (() => {
  const out: DataCategory[][] = [];
  for (let mask = 1; mask < 1 << DATA_CATEGORIES.length; mask++) {
    const set = DATA_CATEGORIES.filter((_, i) => mask & (1 << i));
    if (!set.some((c) => wholesOf(c).some((w) => set.includes(w)))) out.push(set);
  }
  return out.sort((x, y) => x.length - y.length);
})();

/**
 * Every distinct set of categories a disclosure can name: the non-empty subsets of
 * `DATA_CATEGORIES` that never hold a category together with one of its parts (that set is the
 * same disclosure without the part). Ordered by size, then as the schema enumeration of a
 * category array lists subsets, so they are exactly that enumeration less the redundant sets.
 * Catalogue kinds declare these as the `data.disclosed` values their checks try.
 *
 * @example
 * canonicalCategorySets().length // 39, of the 63 non-empty subsets
 * canonicalCategorySets()[0] // ['basicSubscriberInfo']
 */
export function canonicalCategorySets(): DataCategory[][] {
  return CANONICAL_SETS.map((s) => [...s]);
}
