import { describe, expect, it } from 'vitest';
import { dataSubjectRequestEntry } from '../../machines/dataSubjectRequest.ts';
import { type CheckTarget, checkMachine } from '../../src/rules/checkMachine.ts';
import { erasureGround } from '../../src/rules/deadlineRules.ts';
import { build, version } from '../support/handMachines.ts';
import { send } from '../support/runHelpers.ts';
import { begin, inputOf, judge } from './support/checkRunFixtures.ts';

/** Answers or refuses at once, on whatever ground it is given: the rule alone decides. */
const refusesAnything = build({
  id: 'refusesAnything',
  initial: 'received',
  states: {
    received: { on: { 'request.fulfilled': 'done', 'request.refused': 'refused' } },
    done: { type: 'final', tags: ['closed', 'fulfilled'] },
    refused: { type: 'final', tags: ['closed', 'refused'] },
  },
});

/** The hand machine on a request for `right`, refused on `ground` only. */
const refusing = (right: string, ground: string): CheckTarget => ({
  name: 'hand-written',
  machine: refusesAnything,
  inputs: [{ name: right, input: { right } }],
  declared: { 'request.refused': { ground: [ground] } },
});

describe('erasure-ground', () => {
  it('accepts an erasure refused because none of the Art. 17(1) grounds applies', () => {
    const [result] = checkMachine(refusing('erasure', 'noErasureGroundApplies'), version, [erasureGround]);
    expect(result?.status, result?.message).toBe('proved');
  });

  it('accepts it on the catalogue machine too, a run refusing erasure on day 5 breaking no rule', () => {
    const input = inputOf(dataSubjectRequestEntry, 'erasure');
    const run = send(begin(dataSubjectRequestEntry.machine, input), 5, { type: 'request.refused', ground: 'noErasureGroundApplies' });
    expect(run.snapshot.hasTag('refused')).toBe(true);
    expect(judge(run, input, 'dataSubjectRequest', [erasureGround])).toEqual([]);
  });

  it.each(['rightsOfOthers', 'compellingLegitimateGrounds', 'tooExpensive'])('still rejects an erasure refused on %s, a ground that answers no erasure', (ground) => {
    const [result] = checkMachine(refusing('erasure', ground), version, [erasureGround]);
    expect(result?.status).toBe('violated');
    expect(result?.message).toBe('an erasure request was refused on a ground the law does not list');
    expect(result?.counterexample?.at(-1)?.what).toBe(`request.refused { ground: "${ground}" }`);
  });

  it('leaves refusals of other rights to the machine: an objection refused on compelling legitimate grounds is no erasure', () => {
    const [result] = checkMachine(refusing('objection', 'compellingLegitimateGrounds'), version, [erasureGround]);
    expect(result?.status).toBe('proved');
  });
});
