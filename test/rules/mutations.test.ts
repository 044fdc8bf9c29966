import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { abuseComplaintEntry } from '../../machines/abuseComplaint.ts';
import { courtOrderEntry } from '../../machines/courtOrder.ts';
import { dataSubjectRequestEntry } from '../../machines/dataSubjectRequest.ts';
import { emergencyEntry } from '../../machines/emergency.ts';
import { euProductionOrderEntry } from '../../machines/euProductionOrder.ts';
import { nationalSecurityLetterEntry, nationalSecurityLetterSpec } from '../../machines/nationalSecurityLetter.ts';
import { preservationEntry } from '../../machines/preservation.ts';
import { searchWarrantEntry, searchWarrantSpec } from '../../machines/searchWarrant.ts';
import { subpoenaEntry, subpoenaSpec } from '../../machines/subpoena.ts';
import { createDemandMachine } from '../../machines/lifecycle/createDemandMachine.ts';
import type { DemandSpec } from '../../machines/lifecycle/DemandSpec.ts';
import { demandEntry, type KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import type { DatedStep } from '../../src/explore/witness.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { type CheckTarget, type RuleResult, checkMachine } from '../../src/rules/checkMachine.ts';
import { cloudActMotionWindow, compellableOnly, emergencyAssessedFirst, emergencyFollowUp, noDisclosurePastRetention } from '../../src/rules/dataRules.ts';
import { abuseComplaintHandling, dataSubjectDeadline, erasureGround, noSilentDeadline, preservationTerm, termination } from '../../src/rules/deadlineRules.ts';
import { challengeLongSecrecy } from '../../src/rules/challengeLongSecrecy.ts';
import { enforcingAuthorityWindow } from '../../src/rules/enforcingAuthorityWindow.ts';
import { gagEndsOnItsDate } from '../../src/rules/gagEndsOnItsDate.ts';
import { delayedNotice, noNoticeUnderSecrecy, noticeBeforeDisclosure, objectionWindow } from '../../src/rules/noticeRules.ts';
import { answerHeldUnderGag } from '../../src/rules/answerHeldUnderGag.ts';
import type { Rule } from '../../src/rules/Rule.ts';
import { type StateConfig, isNamed, isOr, mutateState, stateAt, transitionsOf, withoutParts } from '../support/mutate.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');

/** The entry's target, with only the named inputs (all when none are named). */
function targetOf(entry: KindEntry, machine: AnyStateMachine = entry.machine, inputNames: readonly string[] = []): CheckTarget {
  const inputs = inputNames.length ? entry.inputs.filter((i) => inputNames.includes(i.name)) : entry.inputs;
  if (inputNames.length && inputs.length !== inputNames.length) throw new Error(`unknown input among ${inputNames.join(', ')} for ${entry.kind}`);
  return { name: entry.kind, machine, kind: entry.kind, inputs, declared: entry.alphabet };
}

/**
 * Checks one rule on the original and on the mutant: the original must prove it (so the test can
 * fail) and the mutant must violate it with a non-empty, dated counterexample. Returns the
 * mutant's result and its counterexample.
 */
function caught(rule: Rule, original: CheckTarget, mutant: CheckTarget): { result: RuleResult; steps: DatedStep[]; last: DatedStep } {
  const [before] = checkMachine(original, version, [rule]);
  expect(before?.status, `the unmutated ${original.name} should prove ${rule.id}`).toBe('proved');

  const [result] = checkMachine(mutant, version, [rule]);
  if (!result) throw new Error('no result');
  expect(result.rule.id).toBe(rule.id);
  expect(result.status, result.message).toBe('violated');
  const steps = result.counterexample ?? [];
  expect(steps.length).toBeGreaterThan(1);
  expect(steps[0]).toMatchObject({ day: 0, what: 'request received' });
  steps.forEach((s, i) => {
    expect(Number.isInteger(s.day) && s.day >= 0).toBe(true);
    if (i > 0) expect(s.day).toBeGreaterThanOrEqual(steps[i - 1]?.day ?? 0);
  });
  return { result, steps, last: steps[steps.length - 1] as DatedStep };
}

const whats = (steps: readonly DatedStep[]) => steps.map((s) => s.what);

describe('deliberate faults are caught by the expected rule', () => {
  it('missing guard: disclosure allowed without the notice guard → notice-before-disclosure', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'process.compliance', (s) => {
      (s.on as Record<string, unknown>)['data.disclosed'] = transitionsOf(s, 'data.disclosed').map((t) => ({ ...t, guard: withoutParts(t.guard, isOr) }));
    });
    const { result, steps, last } = caught(noticeBeforeDisclosure, targetOf(subpoenaEntry, undefined, ['plain']), targetOf(subpoenaEntry, mutant, ['plain']));

    expect(result.message).toBe('data was disclosed before the user was told, with no gag, no recorded exception and no emergency going on');
    expect(whats(steps)).toEqual(['request received', 'review.completed { finding: "sufficient" }', 'data.disclosed { categories: ["basicSubscriberInfo"] }']);
    expect(last.tags).toContain('disclosed');
    expect(last.tags).not.toContain('secrecy');
  });

  it('notice step during secrecy: notice.sent handled inside secrecy.inForce → no-notice-under-secrecy', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'secrecy.inForce', (s) => {
      s.on = { ...s.on, 'notice.sent': { target: '#subpoena.notice.sent' } };
    });
    const inputs = ['open-ended order served'];
    const { steps, last } = caught(noNoticeUnderSecrecy, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    expect(last.what).toBe('notice.sent');
    expect(steps.at(-2)?.tags).toContain('secrecy');
    expect(last.tags).toEqual(expect.arrayContaining(['noticeSent', 'secrecy']));
    expect(last.day).toBe(0);
  });

  it('deadline off by one day: CLOUD Act motion window P15D instead of P14D → cloud-act-motion-window', () => {
    const spec: DemandSpec = { ...searchWarrantSpec, routes: searchWarrantSpec.routes.map((r) => (r.id === 'cloudActComityMotion' ? { ...r, window: 'P15D' } : r)) };
    const mutant = createDemandMachine(spec) as unknown as AnyStateMachine;
    const inputs = ['non-US person in the UK'];
    const { result, last } = caught(cloudActMotionWindow, targetOf(searchWarrantEntry, undefined, inputs), targetOf(searchWarrantEntry, mutant, inputs));

    expect(result.message).toBe('the CLOUD Act motion was filed more than 14 days after service');
    expect(last).toMatchObject({ day: 15, what: 'challenge.filed { route: "cloudActComityMotion" }' });
  });

  it('deadline off by one day: the data-subject first month timer at 32 days instead of P1M (31 from 15 January) → data-subject-deadline', () => {
    const mutant = mutateState(
      dataSubjectRequestEntry.machine,
      'awaitingAnswer.deadline.firstMonth',
      (s) => {
        s.after = { P32D: s.after?.P1M };
      },
      { delays: { P32D: 32 * DAY_MS } },
    );
    const inputs = ['access'];
    const { result, last } = caught(dataSubjectDeadline, targetOf(dataSubjectRequestEntry, undefined, inputs), targetOf(dataSubjectRequestEntry, mutant, inputs));

    expect(result.message).toBe('the request was neither answered nor flagged overdue in time');
    expect(last).toMatchObject({ day: 32, what: 'time passes, nothing happens', state: 'awaitingAnswer.deadline.firstMonth · awaitingAnswer.answer.free' });
    expect(last.tags).not.toContain('overdue');
  });

  it('removed delayed-notice step: notice.due without its `after` → delayed-notice', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'notice.due', (s) => {
      delete s.after;
    });
    const inputs = ['open-ended order served'];
    const { steps, last } = caught(delayedNotice, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    const lifted = steps.find((s) => s.what.startsWith('secrecy.lifted'));
    expect(whats(steps)).toContain('review.completed { finding: "sufficient" }');
    expect(steps.some((s) => s.what.startsWith('data.disclosed'))).toBe(true);
    expect(last.what).toBe('time passes, nothing happens');
    expect(last.day).toBe((lifted?.day ?? -99) + 8);
    expect(last.state).toContain('notice.due');
    expect(last.tags).toContain('noticeDue');
    expect(last.tags).not.toContain('overdue');
    // The mutant is a copy: the catalogue machine keeps its timer.
    expect(stateAt(subpoenaEntry.machine.config as StateConfig, 'notice.due').after).toEqual({ delayedNotice: 'overdue' });
  });

  it('content disclosed on a subpoena: the spec compels content → compellable-only', () => {
    const spec: DemandSpec = { ...subpoenaSpec, compels: [...subpoenaSpec.compels, 'content'] };
    const mutantEntry = demandEntry(spec, createDemandMachine(spec));
    const inputs = ['plain'];
    // The original machine, on the same request for content, still proves the rule.
    const original = { ...targetOf(mutantEntry, subpoenaEntry.machine, inputs), declared: subpoenaEntry.alphabet };
    const { result, last } = caught(compellableOnly, original, targetOf(mutantEntry, mutantEntry.machine, inputs));

    expect(result.message).toBe('data was disclosed beyond what a subpoena compels or allows');
    expect(last.what).toBe('data.disclosed { categories: ["content"] }');
    expect(last.tags).toEqual(expect.arrayContaining(['closed', 'disclosed']));
  });

  it('IP addresses disclosed on an NSL: the spec compels all of basicSubscriberInfo, as it once did → compellable-only', () => {
    const spec: DemandSpec = { ...nationalSecurityLetterSpec, compels: ['basicSubscriberInfo', 'tollBillingRecords'] };
    const mutantEntry = demandEntry(spec, createDemandMachine(spec));
    const inputs = ['plain'];
    // The original machine, on the same request for all of BSI, gives only its parts and proves the rule.
    const original = { ...targetOf(mutantEntry, nationalSecurityLetterEntry.machine, inputs), declared: nationalSecurityLetterEntry.alphabet };
    const { result, steps, last } = caught(compellableOnly, original, targetOf(mutantEntry, mutantEntry.machine, inputs));

    expect(result.message).toBe('data was disclosed beyond what a nationalSecurityLetter compels or allows');
    expect(whats(steps)).toEqual(['request received', 'review.completed { finding: "sufficient" }', 'data.disclosed { categories: ["basicSubscriberInfo"] }']);
    expect(last.tags).toEqual(expect.arrayContaining(['closed', 'disclosed', 'secrecy']));
  });

  it('lost timer: the objection window fires and does nothing → no-silent-deadline', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'notice.sent', (s) => {
      s.after = { objectionWindow: {} };
    });
    const inputs = ['plain'];
    const { result, steps, last } = caught(noSilentDeadline, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    expect(result.message).toBe('a timer fired and nothing in the case changed: the deadline passed silently');
    expect(last.what).toBe('deadline objectionWindow passes');
    expect(last.day).toBe(14);
    expect(last.state).toBe(steps.at(-2)?.state);
    expect(last.state).toContain('notice.sent');
  });

  it('dead end: a withdrawn complaint never closes → termination', () => {
    const mutant = mutateState(abuseComplaintEntry.machine, 'withdrawn', (s) => {
      delete s.type;
      s.tags = [];
    });
    const { result, last } = caught(termination, targetOf(abuseComplaintEntry), targetOf(abuseComplaintEntry, mutant));

    expect(result.message).toBe('the case reaches a state with nothing left to happen and no outcome');
    expect(last).toMatchObject({ what: 'request.withdrawn', state: 'withdrawn', tags: [] });
  });

  it('emergency disclosure without assessment: data.disclosed taken while assessing → emergency-assessed-first', () => {
    const mutant = mutateState(emergencyEntry.machine, 'process.assessing', (s) => {
      s.on = { ...s.on, 'data.disclosed': { guard: 'withinLawfulReach', target: 'disclosed', actions: 'recordDisclosure' } };
    });
    const inputs = ['plain'];
    const { result, steps, last } = caught(emergencyAssessedFirst, targetOf(emergencyEntry, undefined, inputs), targetOf(emergencyEntry, mutant, inputs));

    expect(result.message).toBe('data was disclosed in an emergency without a good-faith assessment of danger of death or serious physical injury');
    expect(whats(steps).some((w) => w.startsWith('emergency.assessed'))).toBe(false);
    expect(last.what).toMatch(/^data\.disclosed /);
    expect(last.state).toContain('process.disclosed');
  });

  it('second preservation extension allowed: the extension period can be renewed → preservation-term', () => {
    const mutant = mutateState(preservationEntry.machine, 'preserving.extensionPeriod', (s) => {
      s.on = { 'preservation.extended': { target: 'extensionPeriod', reenter: true } };
    });
    const inputs = ['plain'];
    const { result, steps, last } = caught(preservationTerm, targetOf(preservationEntry, undefined, inputs), targetOf(preservationEntry, mutant, inputs));

    expect(result.message).toBe('preservation was extended more than once');
    expect(steps.map((s) => [s.day, s.what])).toEqual([
      [0, 'request received'],
      [0, 'preservation.extended'],
      [90, 'deadline P90D passes'],
      [91, 'preservation.extended'],
    ]);
    expect(last.state).toBe('preserving.extensionPeriod');
  });

  it('data given out on an abuse complaint → abuse-complaint-handling', () => {
    const mutant = mutateState(abuseComplaintEntry.machine, 'handling', (s) => {
      s.on = { ...s.on, 'data.disclosed': { actions: { type: 'recordOutcome', params: { outcome: 'subscriber data given to the complainant' } } } };
    });
    const inputs = ['forward to owner'];
    const { result, last } = caught(abuseComplaintHandling, targetOf(abuseComplaintEntry, undefined, inputs), targetOf(abuseComplaintEntry, mutant, inputs));

    expect(result.message).toBe('subscriber data was given out on an abuse complaint, with no legal process');
    expect(last.what).toMatch(/^data\.disclosed \{ categories: /);
    expect(last.day).toBe(0);
  });

  it('erasure refused on a ground that answers no erasure: a catch-all refusal → erasure-ground', () => {
    const mutant = mutateState(dataSubjectRequestEntry.machine, 'awaitingAnswer.deadline.firstMonth', (s) => {
      s.on = { ...s.on, 'request.refused': [...transitionsOf(s, 'request.refused'), { target: '#dataSubjectRequest.refused', actions: 'recordRefusal' }] };
    });
    const inputs = ['erasure'];
    const { result, last } = caught(erasureGround, targetOf(dataSubjectRequestEntry, undefined, inputs), targetOf(dataSubjectRequestEntry, mutant, inputs));

    expect(result.message).toBe('an erasure request was refused on a ground the law does not list');
    // The first such ground in the alphabet is an objection's (Art. 21(1)), listed but not for erasure.
    expect(last).toMatchObject({ day: 0, what: 'request.refused { ground: "compellingLegitimateGrounds" }', state: 'refused' });
    expect(last.tags).toEqual(['closed', 'refused']);
  });

  it('access answered under a gag: the escalated answer may go out → answer-held-under-gag', () => {
    const mutant = mutateState(dataSubjectRequestEntry.machine, 'awaitingAnswer.answer.escalated', (s) => {
      s.on = { ...s.on, 'request.fulfilled': { target: '#dataSubjectRequest.fulfilled' } };
    });
    const inputs = ['access, account under a gag'];
    const { result, last } = caught(answerHeldUnderGag, targetOf(dataSubjectRequestEntry, undefined, inputs), targetOf(dataSubjectRequestEntry, mutant, inputs));

    expect(result.message).toBe('the user’s request was answered while a gag covered what the answer shows');
    expect(last).toMatchObject({ day: 0, what: 'request.fulfilled', state: 'fulfilled' });
  });

  it('retention ignored: the retention guard dropped from disclosure → no-disclosure-past-retention', () => {
    const mutant = mutateState(courtOrderEntry.machine, 'process.compliance', (s) => {
      (s.on as Record<string, unknown>)['data.disclosed'] = transitionsOf(s, 'data.disclosed').map((t) => ({ ...t, guard: withoutParts(t.guard, isNamed('policyRetains')) }));
    });
    const inputs = ['data 3700 days old'];
    const { result, last } = caught(noDisclosurePastRetention, targetOf(courtOrderEntry, undefined, inputs), targetOf(courtOrderEntry, mutant, inputs));

    expect(result.message).toBe('data older than the policy’s retention was disclosed');
    // Cloudflare keeps transactional logs (nonContentRecords) 7 days; the data is 3700 days old.
    expect(last.what).toBe('data.disclosed { categories: ["nonContentRecords"] }');
    expect(last.tags).toContain('disclosed');
  });

  it('policy-required gag challenge deadline removed: challengeDue without its `after` → challenge-long-secrecy', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'secrecy.inForce.challenge.challengeDue', (s) => {
      delete s.after;
    });
    const inputs = ['open-ended order served'];
    const { result, steps, last } = caught(challengeLongSecrecy, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    expect(result.message).toBe('a gag the policy challenges was not challenged within 30 days, and the case was not flagged overdue');
    expect(steps).toHaveLength(2);
    expect(last).toMatchObject({ day: 31, what: 'time passes, nothing happens' });
    expect(last.tags).toEqual(expect.arrayContaining(['challengeDue', 'secrecy', 'secrecyOpenEnded']));
    expect(last.tags).not.toContain('overdue');
  });

  it('gag term one day short: the machine’s own timer ends a 90-day order on day 89 → gag-ends-on-its-date', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'secrecy.inForce.term.fixed', (s) => {
      s.after = { shortTerm: s.after?.secrecyTerm };
    }, { delays: { shortTerm: ({ context }: { context: { secrecyDays: number | null; secrecyOrderAge: number } }) => ((context.secrecyDays ?? 0) - context.secrecyOrderAge - 1) * DAY_MS } });
    const inputs = ['plain'];
    const { result, steps, last } = caught(gagEndsOnItsDate, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    const imposed = steps.find((s) => s.what.startsWith('secrecy.imposed'));
    expect(result.message).toMatch(/^the case's own timer ended the gag before its order's (90|400) days were over/);
    expect(last.what).toBe('deadline shortTerm passes');
    expect(last.day - (imposed?.day ?? 0)).toBe(Number(/(\d+) days were over/.exec(result.message ?? '')?.[1]) - 1);
  });

  it('renewal that keeps the old term: a new order is recorded but the first order’s timer runs on → gag-ends-on-its-date', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'secrecy.inForce.term.fixed', (s) => {
      s.on = { ...s.on, 'secrecy.imposed': { actions: 'recordOrderTerm' } };
    });
    const inputs = ['plain'];
    const { result, steps, last } = caught(gagEndsOnItsDate, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    const orders = steps.filter((s) => s.what.startsWith('secrecy.imposed'));
    expect(orders).toHaveLength(2);
    // The new order (open-ended, or dated) still binds when the first order's timer ends the gag on that order's date.
    expect(result.message).toMatch(/^the case(’|')s own timer ended (a gag whose order has no end date|the gag before its order's \d+ days were over)/);
    expect(last.what).toBe('deadline secrecyTerm passes');
    expect(last.day - (orders[0]?.day ?? 0)).toBe(Number(/days: (\d+)/.exec(orders[0]?.what ?? '')?.[1]));
  });

  it('open-ended gag dropped by a timer: the NSL’s certified gag ends itself after a year → gag-ends-on-its-date', () => {
    const id = nationalSecurityLetterEntry.machine.id;
    const mutant = mutateState(nationalSecurityLetterEntry.machine, 'secrecy.inForce.term.openEnded', (s) => {
      s.after = { P365D: `#${id}.secrecy.ended` };
    }, { delays: { P365D: 365 * DAY_MS } });
    const { result, steps, last } = caught(gagEndsOnItsDate, targetOf(nationalSecurityLetterEntry), targetOf(nationalSecurityLetterEntry, mutant));

    expect(result.message).toBe('the case’s own timer ended a gag whose order has no end date, with no lift (secrecy.lifted) and no court decision: the user could be told while the order still binds');
    expect(last).toMatchObject({ day: 365, what: 'deadline P365D passes' });
    expect(last.tags).not.toContain('secrecy');
    expect(steps.slice(0, -1).some((s) => s.tags?.includes('secrecyOpenEnded'))).toBe(true);
  });

  it('objection window shortened in the machine: 13 days in place of the policy’s delay → objection-window', () => {
    const mutant = mutateState(subpoenaEntry.machine, 'notice.sent', (s) => {
      s.after = { P13D: 'objectionWindowElapsed' };
    }, { delays: { P13D: 13 * DAY_MS } });
    const inputs = ['plain'];
    const { steps, last } = caught(objectionWindow, targetOf(subpoenaEntry, undefined, inputs), targetOf(subpoenaEntry, mutant, inputs));

    const notice = steps.find((s) => s.what === 'notice.sent');
    expect(last.what).toMatch(/^data\.disclosed /);
    expect(last.day - (notice?.day ?? 0)).toBe(14);
    expect(whats(steps)).toContain('deadline P13D passes');
  });

  it('emergency follow-up timer removed: no overdue flag when process is never asked for → emergency-follow-up', () => {
    const mutant = mutateState(emergencyEntry.machine, 'followUp.awaiting', (s) => {
      delete s.after;
    });
    const inputs = ['plain'];
    const { steps, last } = caught(emergencyFollowUp, targetOf(emergencyEntry, undefined, inputs), targetOf(emergencyEntry, mutant, inputs));

    const disclosure = steps.find((s) => s.what.startsWith('data.disclosed'));
    expect(last.what).toBe('time passes, nothing happens');
    expect(last.day).toBe((disclosure?.day ?? -99) + 8);
    expect(last.state).toContain('followUp.awaiting');
    expect(last.tags).not.toContain('overdue');
  });

  it('enforcing authority’s window one day short: the order is carried out on day 10, while it may still refuse → enforcing-authority-window', () => {
    const mutant = mutateState(euProductionOrderEntry.machine, 'enforcing.open', (s) => {
      s.after = { P9D: 'elapsed' };
    }, { delays: { P9D: 9 * DAY_MS } });
    const inputs = ['enforcing authority notified'];
    const { result, steps, last } = caught(enforcingAuthorityWindow, targetOf(euProductionOrderEntry, undefined, inputs), targetOf(euProductionOrderEntry, mutant, inputs));

    expect(result.message).toMatch(/^data was disclosed within 10 days of receipt, while the notified enforcing authority could still raise a ground for refusal/);
    expect(last.what).toMatch(/^data\.disclosed /);
    expect(last.day).toBe(10);
    expect(whats(steps)).toContain('deadline P9D passes');
  });
});
