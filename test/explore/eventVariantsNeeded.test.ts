import { describe, expect, it } from 'vitest';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

describe('a payload field the schema cannot enumerate', () => {
  it('asks for its values, and says how to try it left out when it is optional', () => {
    const error = inputErrorOf(() => eventVariants(['secrecy.imposed'], {}));
    expect(error.field).toBe('meta.alphabet["secrecy.imposed"].days');
    expect(error.fix).toContain('list undefined among them to try the event without it');
    expect(eventVariants(['secrecy.imposed'], { 'secrecy.imposed': { days: [undefined, 30] } })).toEqual([{ type: 'secrecy.imposed' }, { type: 'secrecy.imposed', days: 30 }]);
  });

  it('does not offer undefined for a field the event needs', () => {
    const error = inputErrorOf(() => eventVariants(['challenge.filed'], {}));
    expect(error.field).toBe('meta.alphabet["challenge.filed"].route');
    expect(error.fix).not.toContain('undefined');
  });
});
