import { describe, expect, it } from 'vitest';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { DATA_CATEGORIES, canonicalCategorySets } from '../../src/domain/categories.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';

describe('eventVariants: declared values and the schema', () => {
  it('enumerates a field from the schema when nothing is declared for it: every non-empty subset of categories', () => {
    const disclosures = eventVariants(['data.disclosed'], {});

    expect(disclosures).toHaveLength(2 ** DATA_CATEGORIES.length - 1);
    expect(disclosures[0]).toEqual({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] });
    expect(disclosures.at(-1)).toEqual({ type: 'data.disclosed', categories: [...DATA_CATEGORIES] });
  });

  it('takes declared values in place of the schema’s for that field, even one the schema could enumerate', () => {
    expect(eventVariants(['data.disclosed'], { 'data.disclosed': { categories: [['content'], ['subscriberIdentity', 'tollBillingRecords']] } })).toEqual([
      { type: 'data.disclosed', categories: ['content'] },
      { type: 'data.disclosed', categories: ['subscriberIdentity', 'tollBillingRecords'] },
    ]);
    expect(eventVariants(['review.completed'], { 'review.completed': { finding: ['overbroad'] } })).toEqual([{ type: 'review.completed', finding: 'overbroad' }]);
  });

  it('still enumerates the fields of the same event that nothing is declared for', () => {
    const decided = eventVariants(['challenge.decided'], { 'challenge.decided': { route: ['motionToQuash'] } });

    expect(decided.map((e) => (e as { outcome?: string }).outcome)).toEqual(['won', 'lost', 'modified']);
  });

  it('gives a catalogue kind its 39 distinct disclosures, not the 63 subsets', () => {
    const disclosures = eventVariants(['data.disclosed'], subpoenaEntry.alphabet);

    expect(disclosures.map((e) => (e as { categories?: unknown }).categories)).toEqual(canonicalCategorySets());
  });

  it('still names the field and the fix when neither the schema nor a declaration gives values', () => {
    expect(() => eventVariants(['request.refused'], {})).toThrow(InputError);
    expect(() => eventVariants(['request.refused'], {})).toThrow('meta.alphabet["request.refused"].ground');
  });
});
