import { describe, expect, it } from 'vitest';
import { challengeLongSecrecy } from '../../src/rules/challengeLongSecrecy.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { build, target, version } from '../support/handMachines.ts';

/**
 * An open-ended gag (Cloudflare challenges those within 30 days) challenged by the machine itself 14 days in; the court
 * renews the order (`secrecy.imposed`) while the challenge is before it, and later decides.
 * `afterDecision`: what the machine does with a renewal once the challenge was upheld.
 */
const renewed = (afterDecision: 'challengeAgain' | 'keepQuiet') =>
  build({
    id: 'renewed',
    initial: 'received',
    states: {
      received: { on: { 'secrecy.imposed': 'gagged' } },
      gagged: { tags: ['secrecy'], after: { P14D: 'challenged' } },
      challenged: { tags: ['secrecy', 'secrecyChallenged'], on: { 'secrecy.imposed': 'challenged', 'challenge.decided': 'upheld' } },
      upheld: { tags: ['secrecy'], on: { 'secrecy.imposed': afterDecision === 'challengeAgain' ? 'gagged' : 'upheld' } },
    },
  });

const verdict = (afterDecision: 'challengeAgain' | 'keepQuiet') => {
  const t = target(renewed(afterDecision));
  const declared = { ...t.declared, 'challenge.filed': { route: ['gagChallenge'] }, 'challenge.decided': { route: ['gagChallenge'], outcome: ['lost'] } };
  return checkMachine({ ...t, declared }, version, [challengeLongSecrecy])[0];
};

describe('challenge-long-secrecy: a gag renewed by a new order', () => {
  it('owes no second challenge while the first is before the court: it is heard with the new order', () => {
    expect(version.challenges).toMatchObject({ openEndedSecrecy: true, within: 'P30D' });
    expect(verdict('challengeAgain')?.status).toBe('proved');
  });

  it('owes a challenge to a renewal after the court upheld the old order: a machine that keeps quiet breaks the rule', () => {
    const result = verdict('keepQuiet');
    expect(result?.status).toBe('violated');
    const steps = (result?.counterexample ?? []).map((s) => s.what);
    expect(steps).toEqual(expect.arrayContaining(['challenge.decided { route: "gagChallenge", outcome: "lost" }']));
    expect(steps.filter((what) => what.startsWith('secrecy.imposed'))).toHaveLength(2);
  });
});
