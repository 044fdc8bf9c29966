import { describe, expect, it } from 'vitest';
import { checkMachine, type RuleResult } from '../../src/rules/checkMachine.ts';
import { delayedNotice, noNoticeUnderSecrecy, noticeBeforeDisclosure, objectionWindow } from '../../src/rules/noticeRules.ts';
import { build, target, version } from '../support/handMachines.ts';

const NOTICE_RULES = [noNoticeUnderSecrecy, noticeBeforeDisclosure, objectionWindow, delayedNotice];
const byId = (results: readonly RuleResult[]) => new Map(results.map((r) => [r.rule.id, r]));

/** Discloses on receipt; it has no way to tell the user at all. */
const silent = build({
  id: 'silent',
  initial: 'received',
  states: { received: { on: { 'data.disclosed': 'done' } }, done: { type: 'final', tags: ['closed', 'disclosed'] } },
});

/** Tells the user by an event of its own (`letter.mailed`) into a state tagged `noticeSent`, even under a gag. */
const ownNotice = (gagFirst: boolean) =>
  build({
    id: 'ownNotice',
    initial: 'received',
    states: {
      received: { on: { 'secrecy.imposed': 'gagged', 'letter.mailed': 'told' } },
      gagged: { tags: ['secrecy'], on: gagFirst ? { 'letter.mailed': 'told' } : { 'secrecy.lifted': 'received' } },
      told: { tags: ['noticeSent'], after: { P14D: 'waited' } },
      waited: { tags: ['noticeSent'], on: { 'data.disclosed': 'done' } },
      done: { type: 'final', tags: ['closed', 'disclosed', 'noticeSent'] },
    },
  });

/**
 * A secret disclosure, then notice owed once the gag lifts: no `noticeDue` tag while it is owed,
 * only its own grace timer, whose flag is the notice's (`noticeDue` on the overdue state) unless
 * `plainFlag`, when nothing ties it to the notice.
 */
const owing = (grace: 'P5D' | 'P10D', plainFlag = false) =>
  build({
    id: 'owing',
    initial: 'received',
    states: {
      received: { on: { 'secrecy.imposed': 'gagged' } },
      gagged: { tags: ['secrecy'], on: { 'data.disclosed': 'gaggedDisclosed' } },
      gaggedDisclosed: { tags: ['secrecy'], on: { 'secrecy.lifted': 'owed' } },
      owed: { after: { [grace]: 'overdue' }, on: { 'notice.sent': 'told' } },
      overdue: { tags: plainFlag ? ['overdue'] : ['overdue', 'noticeDue'], on: { 'notice.sent': 'told' } },
      told: { type: 'final', tags: ['closed', 'disclosed', 'noticeSent'] },
    },
  });

describe('the notice rules cover every machine that discloses', () => {
  it('a machine that discloses and can never give notice breaks notice-before-disclosure and delayed-notice, not skips them', () => {
    const rules = byId(checkMachine(target(silent), version, NOTICE_RULES));
    expect(rules.get('notice-before-disclosure')).toMatchObject({ status: 'violated' });
    expect(rules.get('notice-before-disclosure')?.counterexample?.map((s) => [s.day, s.what])).toEqual([
      [0, 'request received'],
      [0, 'data.disclosed { categories: ["basicSubscriberInfo"] }'],
    ]);
    expect(rules.get('delayed-notice')).toMatchObject({ status: 'violated' });
    // Nothing to time and no notice to guard: the other two say so instead of holding silently.
    expect(rules.get('objection-window')).toMatchObject({ status: 'proved', vacuous: { premise: 'the user is notified' } });
    expect(rules.get('no-notice-under-secrecy')?.status).toBe('notApplicable');
  });

  it('notice given by a machine’s own event into a noticeSent state counts as notice, for and against the machine', () => {
    const telling = byId(checkMachine(target(ownNotice(false)), version, NOTICE_RULES));
    expect(telling.get('notice-before-disclosure')?.status).toBe('proved');
    expect(telling.get('objection-window')).toMatchObject({ status: 'proved' });
    expect(telling.get('objection-window')?.vacuous).toBeUndefined();
    expect(telling.get('no-notice-under-secrecy')?.status).toBe('proved');
    const leaking = byId(checkMachine(target(ownNotice(true)), version, NOTICE_RULES));
    expect(leaking.get('no-notice-under-secrecy')).toMatchObject({ status: 'violated' });
  });
});

describe('a timed rule put to the test is not vacuous', () => {
  it('delayed-notice had work on a machine without the noticeDue tag, and its proof depends on the timer', () => {
    const met = byId(checkMachine(target(owing('P5D')), version, NOTICE_RULES)).get('delayed-notice');
    expect(met?.status).toBe('proved');
    expect(met?.vacuous).toBeUndefined();
    const late = byId(checkMachine(target(owing('P10D')), version, NOTICE_RULES)).get('delayed-notice');
    expect(late?.status).toBe('violated');
  });

  it('an overdue flag that is not the notice’s (no noticeDue on or around it) does not settle delayed notice', () => {
    const plain = byId(checkMachine(target(owing('P5D', true)), version, NOTICE_RULES)).get('delayed-notice');
    expect(plain?.status).toBe('violated');
  });
});

/**
 * Discloses in an emergency (danger of death), then the emergency ends and the user is never
 * told; with `gagged`, a gag is also in force when the data goes out.
 */
const emergencyThenSilence = (gagged: boolean) =>
  build({
    id: 'emergencyThenSilence',
    initial: 'received',
    states: {
      received: { on: { 'emergency.assessed': { target: gagged ? 'gagged' : 'assessed' } } },
      gagged: { tags: ['secrecy'], on: { 'data.disclosed': 'gaggedDisclosed' } },
      gaggedDisclosed: { tags: ['secrecy'], on: { 'emergency.ended': 'ended' } },
      assessed: { on: { 'data.disclosed': 'disclosed' } },
      disclosed: { on: { 'emergency.ended': 'ended' } },
      ended: { type: 'final', tags: ['closed', 'disclosed'] },
    },
  });

describe('delayed-notice after an emergency follows the policy’s promise (notice.afterEmergency)', () => {
  const withPromise = (afterEmergency: boolean | undefined) => {
    const { afterEmergency: _omitted, ...notice } = version.notice;
    return { ...version, notice: afterEmergency === undefined ? notice : { ...notice, afterEmergency } };
  };
  const delayed = (gagged: boolean, afterEmergency: boolean | undefined) =>
    byId(checkMachine({ ...target(emergencyThenSilence(gagged)), declared: { 'emergency.assessed': { criterion: ['deathOrSeriousInjury'] } } }, withPromise(afterEmergency), [delayedNotice])).get('delayed-notice');

  it('Cloudflare promises notice for legal process only: silence after an emergency breaks no promise', () => {
    expect(version.notice.afterEmergency).toBe(false);
    expect(delayed(false, false)?.status).toBe('proved');
  });

  it('a policy that promises it (or says nothing, as Google’s model rule) is held to it', () => {
    expect(delayed(false, true)?.status).toBe('violated');
    expect(delayed(false, undefined)?.status).toBe('violated');
  });

  it('a disclosure made under a gag owes notice when the gag ends, emergency or not', () => {
    expect(delayed(true, false)?.status).toBe('violated');
  });
});
