import type { ClockBound, Monitor, StepInfo } from '../explore/Monitor.ts';
import type { TimedRun } from '../time/TimedRun.ts';
import type { Rule, RuleContext } from './Rule.ts';

/** A rule broken on one concrete dated run. */
export interface RunViolation {
  /** The rule's id. */
  rule: string;
  /**
   * Index in `run.steps`: of the step that broke the rule, or, for a deadline, of the last step
   * before it passed (the run was in that step's state when time ran out).
   */
  step: number;
  /** The day it was broken: the step's day, or the first day past the deadline. */
  day: number;
  message: string;
  /** `step`: a step broke it; `deadline`: time passed a monitor's deadline with no answer. */
  kind: 'step' | 'deadline';
}

/**
 * Runs every applicable rule's monitor over one concrete dated run, in whole days, and returns
 * each rule's first violation (the explorer also stops following a monitor at its first).
 *
 * The semantics are the explorer's (`src/explore/explore.ts`), on concrete days:
 * - a clock started at a step reads `day − startDay` at any later step; `start`/`stop` take
 *   effect after the step's own verdict, so a step that checks and restarts a clock sees the old
 *   value (explore `follow`: the `when` is tested on the zone at the step, starts come after);
 * - a `when` bound is non-strict: `clock <= v` / `clock >= v` with the clock's whole-day value
 *   at the step (explore `follow`: `constrain(zone, when.clock, when.op, when.value)`);
 * - `deadline(state) = { clock, days }` is broken once the clock can reach `days + 1` while
 *   the monitor is in that state (explore `add`: `constrain(zone, clock, '>=', days + 1)`): an
 *   answer on day `start + days` is in time, one on `start + days + 1` is not, even when it is
 *   the very next step. A state lasts until the next step's day; the last one until `run.day`
 *   (the last day the run was advanced to), so a deadline still ahead then is pending, not
 *   broken, since the run may go on. Only a run stopped in a final state, which nothing can
 *   answer any more, fails a pending deadline, on the day it would pass.
 * - steps are taken in `run.steps` order, which already puts a day's outside events before the
 *   timers due that day and those timers in the order the explorer fires them (`advanceTo`).
 *
 * Rules checked on the whole state graph (`termination`) say nothing about one run and are not
 * judged here. Throws when a monitor reads a clock it never started (so does the explorer).
 *
 * @example
 * const machine = withPolicy(subpoenaEntry.machine, version);
 * const run = advanceTo(startRun(machine, request, 0), 30); // plus sendEvent(run, day, event)…
 * checkRun(run, request, RULES, ruleContext(machine, 'subpoena', version));
 * // [] when the run keeps every rule; else e.g. a notice owed since day 2 and not sent by day 10:
 * // [{ rule: 'delayed-notice', step: 3, day: 10, kind: 'deadline', message: '…' }]
 */
export function checkRun(run: TimedRun, input: unknown, rules: readonly Rule[], ctx: RuleContext): RunViolation[] {
  const infos = run.steps.map((step, i): StepInfo => {
    const t = step.trigger;
    const post = step.snapshot;
    const through = { ...(step.through ? { through: step.through } : {}), ...(step.raised ? { raised: step.raised } : {}) };
    if (t.kind === 'start') return { kind: 'start', event: { type: 'xstate.init' }, pre: null, post, ...through, input };
    const pre = run.steps[i - 1]?.snapshot ?? null;
    if (t.kind === 'event') return { kind: 'event', event: t.event as StepInfo['event'], pre, post, ...through, input };
    return { kind: 'timer', event: { type: t.event }, delay: t.delay, pre, post, ...through, input };
  });
  const lastDay = Math.max(run.day, run.steps.at(-1)?.day ?? run.day);
  const stopped = run.snapshot.status === 'done';
  const days = run.steps.map((s) => s.day);
  return rules.flatMap((rule) => {
    if (!rule.appliesTo(ctx)) return [];
    const check = rule.check(ctx);
    if (check.type !== 'monitor') return [];
    const found = monitorRun(check.monitor, infos, days, stopped ? Infinity : lastDay);
    return found ? [{ rule: rule.id, ...found }] : [];
  });
}

type Found = Omit<RunViolation, 'rule'>;

/** The first violation of one monitor over the dated steps, time running on to `until`. */
function monitorRun(monitor: Monitor, infos: readonly StepInfo[], days: readonly number[], until: number): Found | null {
  const started = new Map<string, number>();
  const clock = (name: string, at: number): number => {
    const since = started.get(name);
    if (since === undefined) throw new Error(`the monitor reads clock ${name} at step ${at}, but it is not running`);
    return (days[at] as number) - since;
  };
  const holds = (b: ClockBound, at: number) => (b.op === '<=' ? clock(b.clock, at) <= b.value : clock(b.clock, at) >= b.value);
  let state: unknown;
  for (const [i, info] of infos.entries()) {
    const day = days[i] as number;
    const out = i === 0 ? monitor.initial(info) : monitor.step(state, info);
    if (out.violation && (!out.violation.when || holds(out.violation.when, i))) return { step: i, day, message: out.violation.message, kind: 'step' };
    for (const c of out.stop ?? []) started.delete(c);
    for (const c of out.start ?? []) started.set(c, day);
    state = out.state;
    const deadline = monitor.deadline?.(state);
    if (!deadline) continue;
    const since = started.get(deadline.clock);
    if (since === undefined) throw new Error(`the monitor's deadline reads clock ${deadline.clock} after step ${i}, but it is not running`);
    const passes = since + deadline.days + 1;
    const next = i + 1 < days.length ? (days[i + 1] as number) : until;
    if (next >= passes) return { step: i, day: Math.max(passes, day), message: deadline.message, kind: 'deadline' };
  }
  return null;
}
