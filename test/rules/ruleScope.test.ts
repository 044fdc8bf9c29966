import { describe, expect, it } from 'vitest';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { emergencyFollowUp, foreignLawConflictChallenged } from '../../src/rules/dataRules.ts';
import { dataSubjectDeadline, preservationTerm } from '../../src/rules/deadlineRules.ts';
import { challengeLongSecrecy } from '../../src/rules/challengeLongSecrecy.ts';
import { build, target, version } from '../support/handMachines.ts';

/** Takes an open-ended gag and has no way to challenge it, nor to flag the challenge overdue. */
const cannotChallengeGag = build({
  id: 'cannotChallengeGag',
  initial: 'received',
  states: {
    received: { on: { 'secrecy.imposed': 'gagged', 'data.disclosed': 'done' } },
    gagged: { tags: ['secrecy'], on: { 'data.disclosed': 'gaggedDone' } },
    gaggedDone: { tags: ['secrecy', 'closed', 'disclosed'] },
    done: { type: 'final', tags: ['closed', 'disclosed'] },
  },
});

/** Reviews the demand and discloses whatever the review found; it has no challenge at all. */
const cannotChallengeConflict = build({
  id: 'cannotChallengeConflict',
  initial: 'received',
  states: {
    received: { on: { 'review.completed': 'reviewed' } },
    reviewed: { on: { 'data.disclosed': 'done' } },
    done: { type: 'final', tags: ['closed', 'disclosed'] },
  },
});

/** Discloses in an emergency and can never ask for the legal process afterwards. */
const noFollowUp = build({
  id: 'noFollowUp',
  initial: 'received',
  states: {
    received: { on: { 'emergency.assessed': 'assessed' } },
    assessed: { on: { 'data.disclosed': 'done' } },
    done: { type: 'final', tags: ['closed', 'disclosed'] },
  },
});

/** Preserves records and never lets them go, with no extension to ask for. */
const keepsForever = build({
  id: 'keepsForever',
  initial: 'preserving',
  states: { preserving: { tags: ['preserving'], on: { 'process.received': 'handed' } }, handed: { type: 'final', tags: ['closed', 'handedToProcess'] } },
});

/** Answers a data-subject request whenever it likes, with no extension to announce and no deadline of its own. */
const answersSomeday = build({
  id: 'answersSomeday',
  initial: 'received',
  states: { received: { on: { 'request.fulfilled': 'done' } }, done: { type: 'final', tags: ['closed', 'fulfilled'] } },
});

describe('a rule covers the machines that cannot do what it asks for, and holds them to it', () => {
  it('a machine with an open-ended gag and no challenge.filed breaks challenge-long-secrecy, not skips it', () => {
    const [result] = checkMachine(target(cannotChallengeGag), version, [challengeLongSecrecy]);
    expect(version.challenges.openEndedSecrecy).toBe(true);
    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => s.what).slice(0, 2)).toEqual(['request received', 'secrecy.imposed']);
  });

  it('a machine that discloses after a review finds a foreign-law conflict, with no challenge.filed, breaks foreign-law-conflict-challenged', () => {
    const [result] = checkMachine(target(cannotChallengeConflict), version, [foreignLawConflictChallenged]);
    expect(version.challenges.grounds).toContain('foreignLawConflict');
    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => s.what)).toContainEqual('review.completed { finding: "foreignLawConflict" }');
  });

  it('an emergency machine with no process.followUpRequested breaks emergency-follow-up', () => {
    const [result] = checkMachine(target(noFollowUp), version, [emergencyFollowUp]);
    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.at(-1)?.what).toBe('time passes, nothing happens');
  });

  it('a preserving machine with no preservation.extended that never releases breaks preservation-term', () => {
    const [result] = checkMachine(target(keepsForever), version, [preservationTerm]);
    expect(result?.status).toBe('violated');
    expect(result?.message).toBe('records were still held after the preservation period and any single extension');
  });

  it('a data-subject machine with no response.extended that may answer late breaks data-subject-deadline', () => {
    const [result] = checkMachine(target(answersSomeday), version, [dataSubjectDeadline]);
    expect(result?.status).toBe('violated');
    expect(result?.message).toBe('the request was neither answered nor flagged overdue in time');
  });
});
