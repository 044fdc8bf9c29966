import { readFileSync } from 'node:fs';
import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { seededRandom } from '../../src/paths/randomWalks.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { type CheckTarget, checkMachine, ruleContext } from '../../src/rules/checkMachine.ts';
import { checkRun } from '../../src/rules/checkRun.ts';
import { cloudActMotionWindow, emergencyFollowUp } from '../../src/rules/dataRules.ts';
import type { Rule, RuleContext } from '../../src/rules/Rule.ts';
import { replayScenarioFile } from '../../src/scenarios/replayScenario.ts';
import { ScenarioFile } from '../../src/scenarios/Scenario.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { build } from '../support/handMachines.ts';
import { mutateState } from '../support/mutate.ts';
import { send } from '../support/runHelpers.ts';
import { entryOf, inputOf, variantsOf, begin, judge, infoAt, objectionP13D, delayedNoticeRemoved, dsrMonthP32D, cloudActP15D, stoppingMachine } from './support/checkRunFixtures.ts';
import { kindTarget } from '../../src/rules/runCheckTask.ts';

describe('checkRun passes runs the explorer proves fine', () => {
  /**
   * Kinds whose catalogue checks are quick, between them reaching the objection-window,
   * delayed-notice, challenge-long-secrecy, emergency-follow-up, preservation-term and
   * data-subject-deadline premises (the CLOUD Act window is exercised below, on search warrants).
   */
  const KINDS = ['subpoena', 'nationalSecurityLetter', 'emergency', 'preservation', 'dataSubjectRequest', 'civilSubpoena'];
  /** A rule is timed when its monitor keeps a clock: a bound at a step, or a deadline. */
  const isTimed = (rule: Rule, ctx: RuleContext) => {
    const check = rule.check(ctx);
    return check.type === 'monitor' && (check.monitor.clockMax !== undefined || check.monitor.deadline !== undefined);
  };
  const cases = KINDS.flatMap((kind) => ['cloudflare', 'letsencrypt'].map((policy) => ({ kind, policy })));

  /**
   * Seeded random dated walks, with days drawn around the next pending deadline (the day before,
   * of and after it), the next day, and further out; each ends some days after its last step.
   */
  function randomRuns(entry: KindEntry, machine: AnyStateMachine, seed: number, walks: number): { run: TimedRun; input: unknown }[] {
    const random = seededRandom(seed);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const variants = variantsOf(machine, entry);
    return Array.from({ length: walks }, () => {
      const input = pick(entry.inputs).input;
      let run = startRun(machine, input, 0);
      for (let k = 0; k < 14; k++) {
        const due = run.timers[0]?.dueDay;
        if (due !== undefined && random() < 0.2) {
          run = advanceTo(run, due, true);
          continue;
        }
        const near = due === undefined ? [] : [due - 1, due, due + 1];
        const day = Math.max(run.day, run.endedDay + 1, pick([run.day, run.day + 1, run.day + Math.floor(random() * 40), ...near, ...near]));
        const at = advanceTo(run, day);
        const enabled = variants.filter((v) => at.snapshot.can(v));
        run = enabled.length ? send(at, day, pick(enabled) as VocabularyEvent) : at;
      }
      return { run: advanceTo(run, run.day + Math.floor(random() * 60)), input };
    });
  }

  it.each(cases)('$kind under $policy: the explorer proves every rule; scenario and random dated runs break none', ({ kind, policy }) => {
    const entry = entryOf(kind);
    const at = policyVersionAt(policy === 'cloudflare' ? cloudflare : letsencrypt, '2026-01-15');
    const target: CheckTarget = kindTarget(entry);
    const proved = checkMachine(target, at, RULES).filter((r) => r.status !== 'notApplicable');
    expect(proved.filter((r) => r.status !== 'proved').map((r) => r.rule.id)).toEqual([]);

    const file = ScenarioFile.parse(JSON.parse(readFileSync(new URL(`../../scenarios/${kind}.${policy}.json`, import.meta.url), 'utf8')));
    const replays = replayScenarioFile(file);
    expect(replays.filter((r) => r.divergence)).toEqual([]);
    const scenarioRuns = replays.map((r) => ({ run: r.run, input: entry.requestSchema.parse(r.scenario.request) as unknown }));
    const machine = withPolicy(entry.machine, at);
    const runs = [...scenarioRuns, ...randomRuns(entry, machine, kind.length * 7919 + policy.length, 40)];
    const ctx = ruleContext(machine, kind, at);
    const found = runs.flatMap(({ run, input }) => checkRun(run, input, RULES, ctx).map((v) => ({ ...v, steps: run.steps.length })));
    expect(found).toEqual([]);

    // Not vacuous: the runs reach every situation the kind's timed rules are about that the
    // scenario generator found reachable (a premise can be unreachable for a kind the rule applies to).
    const reachable = new Set(file.scenarios.flatMap((sc) => sc.covers.rules));
    const premises = RULES.filter((r) => r.appliesTo(ctx) && isTimed(r, ctx) && reachable.has(r.id) && r.premise).map((r) => ({ id: r.id, match: r.premise?.match(ctx) }));
    const hit = premises.filter((p) => runs.some(({ run, input }) => run.steps.some((_s, i) => p.match?.(infoAt(run, i, input)))));
    expect(hit.map((p) => p.id)).toEqual(premises.map((p) => p.id));
    expect(premises.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('checkRun catches faults on concrete runs that walk into them', () => {
  const subpoena = entryOf('subpoena');
  const reviewed: VocabularyEvent = { type: 'review.completed', finding: 'sufficient' };
  const disclosed: VocabularyEvent = { type: 'data.disclosed', categories: ['basicSubscriberInfo'] };
  const lifted: VocabularyEvent = { type: 'secrecy.lifted', reason: 'lifted' };
  const noticeSent: VocabularyEvent = { type: 'notice.sent' };

  it('a notice sent during secrecy → no-notice-under-secrecy, at that step', () => {
    const mutant = mutateState(subpoena.machine, 'secrecy.inForce', (s) => {
      s.on = { ...s.on, 'notice.sent': { target: '#subpoena.notice.sent' } };
    });
    const input = inputOf(subpoena, 'open-ended order served');
    expect(sendEvent(begin(subpoena.machine, input), 3, noticeSent).ok).toBe(false);

    const run = send(begin(mutant, input), 3, noticeSent);
    expect(judge(run, input, 'subpoena')).toEqual([{ rule: 'no-notice-under-secrecy', step: 1, day: 3, kind: 'step', message: 'the user was notified while a gag was in force' }]);
    expect(judge(send(begin(mutant, input), 3, reviewed), input, 'subpoena')).toEqual([]);
  });

  describe('objection window one day short (P13D) → objection-window, `clock <= 14` at the disclosure', () => {
    const mutant = objectionP13D();
    const input = inputOf(subpoena, 'plain');
    const noticedOnDay2 = (machine: AnyStateMachine) => send(send(begin(machine, input), 0, reviewed), 2, noticeSent);

    it('disclosure on day 2 + 14, the window’s last day, is a violation; on day 2 + 15 it is fine', () => {
      const early = send(advanceTo(noticedOnDay2(mutant), 15, true), 16, disclosed);
      expect(early.steps.map((s) => [s.day, s.trigger.kind])).toEqual([[0, 'start'], [0, 'event'], [2, 'event'], [15, 'timer'], [16, 'event']]);
      expect(judge(early, input, 'subpoena')).toEqual([{ rule: 'objection-window', step: 4, day: 16, kind: 'step', message: 'data was disclosed within 14 days of notice, inside the user’s objection window' }]);
      expect(judge(send(noticedOnDay2(mutant), 17, disclosed), input, 'subpoena')).toEqual([]);
    });

    it('the catalogue machine refuses the day-16 disclosure and allows the day-17 one, which is fine', () => {
      expect(sendEvent(noticedOnDay2(subpoena.machine), 16, disclosed).ok).toBe(false);
      expect(judge(send(noticedOnDay2(subpoena.machine), 17, disclosed), input, 'subpoena')).toEqual([]);
    });
  });

  describe('delayed notice removed (notice.due without its timer) → delayed-notice, a missed deadline', () => {
    const mutant = delayedNoticeRemoved();
    const input = inputOf(subpoena, 'open-ended order served');
    /** Disclosed under the gag on day 1, gag lifted on day 2: notice is owed by day 9. */
    const liftedOnDay2 = (machine: AnyStateMachine) => send(send(send(begin(machine, input), 0, reviewed), 1, disclosed), 2, lifted);
    const missed = { rule: 'delayed-notice', step: 3, day: 10, kind: 'deadline', message: 'a disclosure made without notice was not followed by notice within 7 days of the gag ending (with no gag, of the disclosure), and the case was not flagged overdue' };

    it('notice on day 9, the last allowed day, is fine; on day 10 it is late', () => {
      expect(judge(send(liftedOnDay2(mutant), 9, noticeSent), input, 'subpoena')).toEqual([]);
      expect(judge(send(liftedOnDay2(mutant), 10, noticeSent), input, 'subpoena')).toEqual([missed]);
    });

    it('still pending on day 9 is no violation (the run may go on); reaching day 10 without notice is', () => {
      expect(judge(advanceTo(liftedOnDay2(mutant), 9, true), input, 'subpoena')).toEqual([]);
      expect(judge(advanceTo(liftedOnDay2(mutant), 10), input, 'subpoena')).toEqual([missed]);
      expect(judge(advanceTo(liftedOnDay2(mutant), 200, true), input, 'subpoena')).toEqual([missed]);
    });

    it('the catalogue machine flags the case overdue at the end of day 9, so no day breaks the rule', () => {
      const run = advanceTo(liftedOnDay2(subpoena.machine), 200, true);
      expect(run.steps.at(-1)).toMatchObject({ day: 9, trigger: { kind: 'timer', delay: 'delayedNotice' } });
      expect(judge(run, input, 'subpoena')).toEqual([]);
    });
  });

  describe('data-subject first month one day long (P32D) → data-subject-deadline', () => {
    const dsr = entryOf('dataSubjectRequest');
    const mutant = dsrMonthP32D();
    const input = inputOf(dsr, 'access');
    const late = { rule: 'data-subject-deadline', step: 0, day: 32, kind: 'deadline', message: 'the request was neither answered nor flagged overdue in time' };

    it('an answer on day 31 (the calendar month from 15 January) is in time, on day 32 it is late', () => {
      expect(judge(send(begin(mutant, input), 31, { type: 'request.fulfilled' }), input, 'dataSubjectRequest')).toEqual([]);
      expect(judge(send(begin(mutant, input), 32, { type: 'request.fulfilled' }), input, 'dataSubjectRequest')).toEqual([late]);
    });

    it('the mutant’s own overdue flag at the end of day 32 comes a day late; the catalogue’s at the end of day 31 does not', () => {
      expect(judge(advanceTo(begin(mutant, input), 31, true), input, 'dataSubjectRequest')).toEqual([]);
      expect(judge(advanceTo(begin(mutant, input), 32, true), input, 'dataSubjectRequest')).toEqual([late]);
      expect(judge(advanceTo(begin(dsr.machine, input), 120, true), input, 'dataSubjectRequest')).toEqual([]);
    });
  });

  it('CLOUD Act motion window one day long (P15D) → cloud-act-motion-window, `clock >= 15` at the filing', () => {
    const warrant = entryOf('searchWarrant');
    const mutant = cloudActP15D();
    const input = inputOf(warrant, 'non-US person in the UK');
    const filing: VocabularyEvent = { type: 'challenge.filed', route: 'cloudActComityMotion' };

    expect(judge(send(begin(mutant, input), 14, filing), input, 'searchWarrant', [cloudActMotionWindow])).toEqual([]);
    expect(judge(send(begin(mutant, input), 15, filing), input, 'searchWarrant', [cloudActMotionWindow])).toEqual([
      { rule: 'cloud-act-motion-window', step: 1, day: 15, kind: 'step', message: 'the CLOUD Act motion was filed more than 14 days after service' },
    ]);
    expect(sendEvent(begin(warrant.machine, input), 15, filing).ok).toBe(false);
  });

  describe('a hand-made emergency machine that forgets the follow-up → emergency-follow-up (7 days)', () => {
    /** Disclosure leads to `disclosed`, which still takes the follow-up, or to a final state that never can. */
    const hand = build({
      id: 'hand',
      initial: 'open',
      states: {
        open: { on: { 'data.disclosed': 'disclosed', 'request.withdrawn': 'gone' } },
        disclosed: { tags: ['disclosed'], on: { 'process.followUpRequested': 'asked' } },
        asked: { type: 'final', tags: ['closed'] },
        gone: { type: 'final', tags: ['closed'] },
      },
    });
    const stopping = stoppingMachine();
    const followUp: VocabularyEvent = { type: 'process.followUpRequested' };
    const disclosedOn3 = (machine: AnyStateMachine) => send(begin(machine, {}), 3, disclosed);
    const late = { rule: 'emergency-follow-up', step: 1, day: 11, kind: 'deadline', message: 'no legal process was asked for within 7 days of an emergency disclosure, and the case was not flagged overdue' };

    it('a follow-up on day 3 + 7 is fine, on day 3 + 8 it is late', () => {
      expect(judge(send(disclosedOn3(hand), 10, followUp), {}, undefined, [emergencyFollowUp])).toEqual([]);
      expect(judge(send(disclosedOn3(hand), 11, followUp), {}, undefined, [emergencyFollowUp])).toEqual([late]);
    });

    it('pending on day 10 is no violation; on day 11 it is', () => {
      expect(judge(advanceTo(disclosedOn3(hand), 10), {}, undefined, [emergencyFollowUp])).toEqual([]);
      expect(judge(advanceTo(disclosedOn3(hand), 11), {}, undefined, [emergencyFollowUp])).toEqual([late]);
    });

    it('a run stopped in a final state can never answer: the deadline is broken on the day it passes', () => {
      const run = disclosedOn3(stopping);
      expect(run.snapshot.status).toBe('done');
      expect(judge(run, {}, undefined, [emergencyFollowUp])).toEqual([late]);
    });
  });
});
