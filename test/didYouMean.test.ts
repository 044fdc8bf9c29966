import { describe, expect, it } from 'vitest';
import { didYouMean } from '../src/domain/didYouMean.ts';

describe('didYouMean', () => {
  const META = ['kind', 'inputs', 'alphabet'];
  it.each([
    ['kidn', 'kind'],
    ['knd', 'kind'],
    ['input', 'inputs'],
    ['alphabt', 'alphabet'],
    ['Alphabet', 'alphabet'],
  ])('takes %s for %s (one or two edits, swaps and case included)', (word, meant) => {
    expect(didYouMean(word, META)).toBe(meant);
  });

  it.each(['description', 'title', 'id', 'kinds_of_things'])('leaves %s alone: too far from every option', (word) => {
    expect(didYouMean(word, META)).toBeUndefined();
  });

  it('allows a short word one edit only, and prefers the nearer, then the earlier, option', () => {
    expect(didYouMean('kn', ['kind'])).toBeUndefined();
    expect(didYouMean('dataAgeDay', ['dataAgeDays', 'dataAge'])).toBe('dataAgeDays');
    expect(didYouMean('cat', ['bat', 'car'])).toBe('bat');
  });
});
