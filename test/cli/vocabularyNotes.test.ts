import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { vocabularyNotes } from '../../src/cli/vocabularyNotes.ts';
import { CATALOGUE } from '../../machines/catalogue.ts';

describe('what a machine of your own says that no rule hears', () => {
  it('names an event type or tag a letter or two off the vocabulary', () => {
    const typo = setup({}).createMachine({ id: 't', initial: 'a', states: { a: { tags: ['secrecy'], on: { 'notice.send': 'b' } }, b: { tags: ['noticeSnet', 'closed', 'withdrawn'] } } });
    expect(vocabularyNotes(typo)).toEqual([
      'event "notice.send" is not in the vocabulary, so no rule reads it: did you mean "notice.sent"?',
      'tag "noticeSnet" is not in the vocabulary, so no rule reads it: did you mean "noticeSent"?',
    ]);
  });

  it('says when the machine speaks none of the gag, notice and disclosure vocabulary', () => {
    const mute = setup({}).createMachine({ id: 'n', initial: 'a', states: { a: { tags: ['gagged'], on: { GO: 'b' } }, b: { tags: ['closed', 'withdrawn'] } } });
    expect(vocabularyNotes(mute)).toEqual([expect.stringMatching(/^the machine has no state tagged secrecy, .* only the rules every machine gets \(termination, no-silent-deadline\) apply/)]);
  });

  it('says when an outcome is tagged disclosed but no data.disclosed event exists, which the rules would not see', () => {
    const silent = setup({ delays: { P1D: 86_400_000 } }).createMachine({ id: 's', initial: 'a', states: { a: { on: { 'notice.sent': 'b' }, after: { P1D: 'c' } }, b: { tags: ['noticeSent'] }, c: { type: 'final', tags: ['closed', 'disclosed'] } } });
    expect(vocabularyNotes(silent)).toEqual([expect.stringMatching(/^a state is tagged disclosed but the machine takes no data\.disclosed event/)]);
  });

  it('has nothing to say of any catalogue machine', () => {
    for (const entry of CATALOGUE) expect(vocabularyNotes(entry.machine), entry.kind).toEqual([]);
  });
});
