import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../machines/catalogue.ts';
import {
  DATA_CATEGORIES,
  type DataCategory,
  PART_OF,
  canonicalCategorySets,
  covers,
  partsOf,
  sharedCategories,
  wholesOf,
  withinCategories,
} from '../src/domain/categories.ts';
import { Source } from '../src/domain/source.ts';
import { eventVariants } from '../src/explore/eventVariants.ts';
import { COMPELLABLE } from '../src/rules/compellableByKind.ts';

const holdsPartWithWhole = (set: readonly DataCategory[]) => set.some((c) => wholesOf(c).some((w) => set.includes(w)));

describe('data categories: a category can be part of another', () => {
  it('makes subscriber identity and toll billing records parts of basic subscriber information, each with its sources', () => {
    expect(partsOf('basicSubscriberInfo')).toEqual(['subscriberIdentity', 'tollBillingRecords']);
    expect(Object.keys(PART_OF).sort()).toEqual(['subscriberIdentity', 'tollBillingRecords']);
    for (const { sources } of Object.values(PART_OF)) {
      expect(sources.some((s) => s.domain === '§1 row 1')).toBe(true);
      expect(sources.some((s) => s.domain === '§1 row 11')).toBe(true);
      for (const s of sources) expect(Source.safeParse(s).success).toBe(true);
    }
    for (const c of DATA_CATEGORIES) expect(wholesOf(c)).not.toContain(c);
  });

  it('lists each part right after its whole, so disclosed categories read whole first', () => {
    for (const c of DATA_CATEGORIES) for (const w of wholesOf(c)) expect(DATA_CATEGORIES.indexOf(w)).toBeLessThan(DATA_CATEGORIES.indexOf(c));
  });

  it('covers a part by its whole, never a whole by its parts', () => {
    expect(covers(['basicSubscriberInfo'], 'subscriberIdentity')).toBe(true);
    expect(covers(['basicSubscriberInfo'], 'tollBillingRecords')).toBe(true);
    expect(covers(['subscriberIdentity', 'tollBillingRecords'], 'basicSubscriberInfo')).toBe(false);
    expect(covers(['content'], 'nonContentRecords')).toBe(false);
    expect(withinCategories(['subscriberIdentity', 'tollBillingRecords'], ['basicSubscriberInfo'])).toBe(true);
    expect(withinCategories(['basicSubscriberInfo'], ['subscriberIdentity', 'tollBillingRecords'])).toBe(false);
  });

  it('shares between two lists the largest categories both cover', () => {
    expect(sharedCategories(['basicSubscriberInfo', 'content'], ['subscriberIdentity', 'tollBillingRecords'])).toEqual(['subscriberIdentity', 'tollBillingRecords']);
    expect(sharedCategories(['basicSubscriberInfo', 'subscriberIdentity'], ['basicSubscriberInfo'])).toEqual(['basicSubscriberInfo']);
    expect(sharedCategories(['nonContentRecords', 'content'], ['subscriberIdentity', 'tollBillingRecords'])).toEqual([]);
  });
});

describe('the distinct disclosures (canonicalCategorySets)', () => {
  const sets = canonicalCategorySets();
  const enumerated = eventVariants(['data.disclosed'], {}).map((e) => (e as { categories?: DataCategory[] }).categories ?? []);

  it('are the 39 non-empty sets that never hold a category with one of its parts', () => {
    expect(sets).toHaveLength(39);
    expect(sets.filter(holdsPartWithWhole)).toEqual([]);
    expect(new Set(sets.map((s) => s.join())).size).toBe(39);
  });

  it('are the schema enumeration of 63 subsets less the redundant ones, in the same order (by size first)', () => {
    expect(enumerated).toHaveLength(63);
    expect(sets).toEqual(enumerated.filter((s) => !holdsPartWithWhole(s)));
    expect(sets.map((s) => s.length)).toEqual([...sets.map((s) => s.length)].sort((a, b) => a - b));
  });

  it('leave nothing out: each redundant set covers what one of them covers, no more and no less', () => {
    for (const s of enumerated.filter(holdsPartWithWhole)) {
      const same = sets.find((c) => withinCategories(s, c) && withinCategories(c, s));
      expect(same, s.join()).toEqual(s.filter((c) => !wholesOf(c).some((w) => s.includes(w))));
    }
  });

  it('are what every catalogue kind tries for data.disclosed', () => {
    for (const entry of CATALOGUE) expect(entry.alphabet['data.disclosed']?.categories, entry.kind).toEqual(sets);
  });
});

describe('what processes compel, as category lists', () => {
  it('never name a part beside its whole', () => {
    for (const entry of CATALOGUE) expect(holdsPartWithWhole(entry.compels), entry.kind).toBe(false);
    for (const [kind, row] of Object.entries(COMPELLABLE)) {
      for (const usProcess of [undefined, 'subpoena', 'courtOrder', 'searchWarrant']) expect(holdsPartWithWhole(row.categories(usProcess ? { usProcess } : {})), kind).toBe(false);
    }
  });

  it('let a subpoena reach everything an NSL reaches, and an NSL no IP addresses or payment data', () => {
    const nsl = COMPELLABLE.nationalSecurityLetter?.categories({}) ?? [];
    const subpoena = COMPELLABLE.subpoena?.categories({}) ?? [];

    expect(withinCategories(nsl, subpoena)).toBe(true);
    expect(covers(nsl, 'basicSubscriberInfo')).toBe(false);
  });
});
