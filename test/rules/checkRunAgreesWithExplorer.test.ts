import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import type { DatedStep } from '../../src/explore/witness.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { type CheckTarget, checkMachine } from '../../src/rules/checkMachine.ts';
import { type RunViolation } from '../../src/rules/checkRun.ts';
import { cloudActMotionWindow, emergencyFollowUp } from '../../src/rules/dataRules.ts';
import { dataSubjectDeadline } from '../../src/rules/deadlineRules.ts';
import { delayedNotice, objectionWindow } from '../../src/rules/noticeRules.ts';
import { gagEndsOnItsDate } from '../../src/rules/gagEndsOnItsDate.ts';
import type { Rule } from '../../src/rules/Rule.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { version, entryOf, variantsOf, judge, objectionP13D, delayedNoticeRemoved, gagTermRemoved, dsrMonthP32D, cloudActP15D, stoppingMachine } from './support/checkRunFixtures.ts';

describe('checkRun agrees with the explorer’s dated counterexamples', () => {
  /** The event a counterexample line shows, found among the machine's variants by its text (witness.ts `describe`). */
  const label = (event: { type: string }) => {
    const { type, ...payload } = event as { type: string; [k: string]: unknown };
    const args = Object.entries(payload).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    return args.length ? `${type} { ${args.join(', ')} }` : type;
  };

  /** Replays a checkMachine counterexample, line by line, as a TimedRun (as `replayPath` built it). */
  function replayDated(machine: AnyStateMachine, input: unknown, steps: readonly DatedStep[], entry?: KindEntry): TimedRun {
    const byLabel = new Map(variantsOf(machine, entry).map((v) => [label(v), v]));
    let run = startRun(machine, input, 0);
    for (const step of steps.slice(1)) {
      if (step.what.startsWith('deadline ')) run = advanceTo(run, step.day, true);
      else if (step.what === 'time passes, nothing happens') run = advanceTo(run, step.day);
      else {
        const event = byLabel.get(step.what);
        if (!event) throw new Error(`no event variant reads "${step.what}"`);
        run = (sendEvent(run, step.day, event) as { ok: true; run: TimedRun }).run;
      }
    }
    expect(run.steps.map((s) => s.day)).toEqual(steps.filter((s) => s.what !== 'time passes, nothing happens').map((s) => s.day));
    return run;
  }

  const subpoena = entryOf('subpoena');
  const dsr = entryOf('dataSubjectRequest');
  const warrant = entryOf('searchWarrant');
  /** `shorter`: what the counterexample without its last line gives; a run stopped in a final state is already certain to miss its deadline. */
  const cases: { name: string; rule: Rule; entry?: KindEntry; input: string; machine: () => AnyStateMachine; last: RunViolation['kind']; shorter?: 'broken' }[] = [
    { name: 'objection window P13D', rule: objectionWindow, entry: subpoena, input: 'plain', machine: objectionP13D, last: 'step' },
    { name: 'gag term timer removed', rule: gagEndsOnItsDate, entry: subpoena, input: 'plain', machine: gagTermRemoved, last: 'deadline' },
    { name: 'delayed notice removed', rule: delayedNotice, entry: subpoena, input: 'open-ended order served', machine: delayedNoticeRemoved, last: 'deadline' },
    { name: 'data-subject month P32D', rule: dataSubjectDeadline, entry: dsr, input: 'access', machine: dsrMonthP32D, last: 'deadline' },
    { name: 'CLOUD Act window P15D', rule: cloudActMotionWindow, entry: warrant, input: 'non-US person in the UK', machine: cloudActP15D, last: 'step' },
    { name: 'hand-made machine stopping after disclosure', rule: emergencyFollowUp, input: 'only', machine: stoppingMachine, last: 'deadline', shorter: 'broken' },
  ];

  it.each(cases)('$name: the counterexample for $rule.id, replayed as a TimedRun, breaks $rule.id on its last day; without that last line it does not, unless the run has stopped for good', ({ rule, entry, input, machine, last, shorter: cut }) => {
    const mutant = machine();
    const inputs = entry ? entry.inputs.filter((i) => i.name === input) : [{ name: input, input: {} }];
    const target: CheckTarget = { name: 'mutant', machine: mutant, ...(entry ? { kind: entry.kind } : {}), inputs, declared: entry?.alphabet ?? {} };
    const [result] = checkMachine(target, version, [rule]);
    expect(result?.status).toBe('violated');
    const steps = result?.counterexample ?? [];
    const lastDay = (steps.at(-1) as DatedStep).day;
    const request = inputs[0]?.input;

    const run = replayDated(withPolicy(mutant, version), request, steps, entry);
    const found = judge(run, request, entry?.kind, [rule]);
    expect(found).toEqual([expect.objectContaining({ rule: rule.id, day: lastDay, kind: last })]);
    expect((found[0] as RunViolation).message).toBe(result?.message);

    const shorter = replayDated(withPolicy(mutant, version), request, steps.slice(0, -1), entry);
    expect(judge(shorter, request, entry?.kind, [rule])).toEqual(cut === 'broken' ? found : []);
  });
});
