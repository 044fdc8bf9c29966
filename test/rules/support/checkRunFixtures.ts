import type { AnyStateMachine } from 'xstate';
import { findKind } from '../../../machines/catalogue.ts';
import { createDemandMachine } from '../../../machines/lifecycle/createDemandMachine.ts';
import type { DemandSpec } from '../../../machines/lifecycle/DemandSpec.ts';
import { searchWarrantSpec } from '../../../machines/searchWarrant.ts';
import type { KindEntry } from '../../../machines/lifecycle/KindEntry.ts';
import { DAY_MS } from '../../../src/domain/duration.ts';
import { eventVariants } from '../../../src/explore/eventVariants.ts';
import type { StepInfo } from '../../../src/explore/Monitor.ts';
import { cloudflare } from '../../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../../src/policy/withPolicy.ts';
import { RULES } from '../../../src/rules/catalogue.ts';
import { ruleContext } from '../../../src/rules/checkMachine.ts';
import { type RunViolation, checkRun } from '../../../src/rules/checkRun.ts';
import type { Rule } from '../../../src/rules/Rule.ts';
import { type TimedRun, startRun } from '../../../src/time/TimedRun.ts';
import { build } from '../../support/handMachines.ts';
import { mutateState } from '../../support/mutate.ts';

export const version = policyVersionAt(cloudflare, '2026-01-15');

export const entryOf = (kind: string): KindEntry => {
  const entry = findKind(kind);
  if (!entry) throw new Error(`no kind ${kind}`);
  return entry;
};
export const inputOf = (entry: KindEntry, name: string): unknown => {
  const found = entry.inputs.find((i) => i.name === name);
  if (!found) throw new Error(`no input ${name} for ${entry.kind}`);
  return found.input;
};
export const variantsOf = (machine: AnyStateMachine, entry?: KindEntry) => eventVariants(machine.root.events.filter((t) => !t.startsWith('xstate.')), entry?.alphabet ?? {});

/** A run of `machine` under the test policy, started from `input` on day 0. */
export const begin = (machine: AnyStateMachine, input: unknown): TimedRun => startRun(withPolicy(machine, version), input, 0);
/** Every violation of `rules` (all by default) on the run, judged as `kind` under the test policy. */
export const judge = (run: TimedRun, input: unknown, kind: string | undefined, rules: readonly Rule[] = RULES): RunViolation[] => checkRun(run, input, rules, ruleContext(run.machine, kind, version));

/** What a rule sees of step `i` of a run (as checkRun builds it), for matching premises. */
export const infoAt = (run: TimedRun, i: number, input: unknown): StepInfo => {
  const s = run.steps[i] as TimedRun['steps'][number];
  const t = s.trigger;
  const event = t.kind === 'event' ? t.event : { type: t.kind === 'timer' ? t.event : 'xstate.init' };
  return { kind: t.kind, event, pre: run.steps[i - 1]?.snapshot ?? null, post: s.snapshot, input };
};

/** Mutants shared by several tests; each is a copy, the catalogue machines are untouched. */
export const subpoenaMachine = () => entryOf('subpoena').machine;
export const objectionP13D = () => mutateState(subpoenaMachine(), 'notice.sent', (s) => void (s.after = { P13D: 'objectionWindowElapsed' }), { delays: { P13D: 13 * DAY_MS } });
export const gagTermRemoved = () => mutateState(subpoenaMachine(), 'secrecy.inForce.term.fixed', (s) => void delete s.after);
export const delayedNoticeRemoved = () => mutateState(subpoenaMachine(), 'notice.due', (s) => void delete s.after);
export const dsrMonthP32D = () => mutateState(entryOf('dataSubjectRequest').machine, 'awaitingAnswer.deadline.firstMonth', (s) => void (s.after = { P32D: s.after?.P1M }), { delays: { P32D: 32 * DAY_MS } });
export const cloudActP15D = (): AnyStateMachine => {
  const spec: DemandSpec = { ...searchWarrantSpec, routes: searchWarrantSpec.routes.map((r) => (r.id === 'cloudActComityMotion' ? { ...r, window: 'P15D' } : r)) };
  return createDemandMachine(spec) as unknown as AnyStateMachine;
};
/** Disclosure stops the machine in a final state, where no follow-up can ever be asked for. */
export const stoppingMachine = () => build({ id: 'stopping', initial: 'open', states: { open: { on: { 'data.disclosed': 'gone', 'process.followUpRequested': 'gone' } }, gone: { type: 'final', tags: ['closed'] } } });
