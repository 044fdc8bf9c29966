import { describe, expect, it } from 'vitest';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { foreignLawConflictChallenged } from '../../src/rules/dataRules.ts';
import { build, target, version } from '../support/handMachines.ts';

/** Challenges every demand before reviewing it, then discloses whatever the review found. */
const challengesFirst = build({
  id: 'challengesFirst',
  initial: 'received',
  states: {
    received: { on: { 'challenge.filed': 'filed' } },
    filed: { on: { 'review.completed': 'reviewed' } },
    reviewed: { on: { 'data.disclosed': 'done' } },
    done: { type: 'final', tags: ['closed', 'disclosed'] },
  },
});

describe('foreign-law-conflict-challenged', () => {
  it('holds where a challenge came before the conflict was found, and a challenge settles the rule whatever the review finds: no state is kept apart for it', () => {
    const base = target(challengesFirst);
    const [result] = checkMachine({ ...base, declared: { ...base.declared, 'challenge.filed': { route: ['motionToQuash'] } } }, version, [foreignLawConflictChallenged]);
    expect(result?.status).toBe('proved');
    // received, filed, reviewed, done: a review that found a conflict and one that did not lead to one walk state each.
    expect(result?.states).toBe(4);
  });
});
