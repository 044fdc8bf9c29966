import { describe, expect, it } from 'vitest';
import { didYouMean, withSuggestion } from '../src/domain/didYouMean.ts';

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

describe('withSuggestion', () => {
  it('appends the option a misspelt word most likely meant to the fix, and leaves the fix alone otherwise', () => {
    expect(withSuggestion('use one of subpoena, mlat', 'subpena', ['subpoena', 'mlat'])).toBe('use one of subpoena, mlat; did you mean subpoena?');
    expect(withSuggestion('use one of subpoena, mlat', 'warrant', ['subpoena', 'mlat'])).toBe('use one of subpoena, mlat');
    expect(withSuggestion('use one of subpoena, mlat', undefined, ['subpoena', 'mlat'])).toBe('use one of subpoena, mlat');
  });
});
