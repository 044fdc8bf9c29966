import type { AnyMachineSnapshot } from 'xstate';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import type { RuleCheck } from './Rule.ts';

/** A test on one step of a run. */
export type StepMatch = (info: StepInfo) => boolean;

/**
 * The step is this event (and it passes `where`): the outside event, or one the machine raised
 * for itself within the step, on any kind of step (an entry action's `raise`).
 */
export const onEvent =
  (type: string, where: (event: StepInfo['event'], info: StepInfo) => boolean = () => true): StepMatch =>
  (info) => {
    if (info.kind === 'event' && info.event.type === type && where(info.event, info)) return true;
    const raised = info.raised;
    // A loop, not `some`: matchers run on every step the checker explores, and a closure per call adds up.
    if (raised) for (let i = 0; i < raised.length; i++) if ((raised[i] as StepInfo['event']).type === type && where(raised[i] as StepInfo['event'], info)) return true;
    return false;
  };

/** The state after the step has the tag, and the one before did not (or the run just started). */
export const entering =
  (tag: string): StepMatch =>
  (info) =>
    info.post.hasTag(tag) && !(info.pre?.hasTag(tag) ?? false);

/**
 * The step enters a state carrying the tag from one without it, in some microstep, having started
 * without it: a state it only passes through (an `always` through it) counts, one it kept all
 * along (moving between two tagged states, even through an untagged one) does not. With
 * `where`, only a microstep whose two states, before and after, pass it.
 *
 * @example
 * const toldUnderGag = enteringWithin('noticeSent', (_before, after) => after.hasTag('secrecy'));
 */
export const enteringWithin =
  (tag: string, where?: (before: AnyMachineSnapshot | null, after: AnyMachineSnapshot) => boolean): StepMatch =>
  (info) => {
    const pre = info.pre;
    if (pre?.hasTag(tag)) return false;
    const through = info.through;
    if (!through?.length) return info.post.hasTag(tag) && (!where || where(pre, info.post));
    let last = pre;
    for (let i = 0; i <= through.length; i++) {
      const at = i < through.length ? (through[i] as AnyMachineSnapshot) : info.post;
      if (at.hasTag(tag) && !(last?.hasTag(tag) ?? false) && (!where || where(last, at))) return true;
      last = at;
    }
    return false;
  };

/**
 * The step enters a state node carrying the tag that was not active before: a flag raised now,
 * even where another region carried the tag already (a case late on one duty is not thereby
 * excused on the next). With `within`, only a node that carries that tag too, or lies in a
 * state that does: the duty's own part of the chart (a gag's challenge flag inside the gag).
 */
export const raising = (tag: string, within?: string): StepMatch => raisedWhere(tag, (n) => within === undefined || under(n, within));

/** A node carrying the tag entered at this step, not active before, that `accept` takes. */
function raisedWhere(tag: string, accept: (node: ChartNode) => boolean): StepMatch {
  return (info) => {
    const before = (info.pre as unknown as ActiveNodes | null)?._nodes;
    const nodes = (info.post as unknown as ActiveNodes)._nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as ChartNode;
      if (n.tags.includes(tag) && !(before?.includes(n) ?? false) && accept(n)) return true;
    }
    return false;
  };
}

/** The node, or a state it lies in, carries the tag: a flag in the part of the chart a duty lives in. */
function under(node: ChartNode, tag: string): boolean {
  for (let at: ChartNode | undefined = node; at; at = at.parent) if (at.tags.includes(tag)) return true;
  return false;
}

// XState v5 has no public accessor for a snapshot's active state nodes; `_nodes` is that list.
type ChartNode = { tags: readonly string[]; parent?: ChartNode };
type ActiveNodes = { _nodes: readonly ChartNode[] };

/** The state before the step had the tag and the one after does not. */
export const leaving =
  (tag: string): StepMatch =>
  (info) =>
    (info.pre?.hasTag(tag) ?? false) && !info.post.hasTag(tag);

/** The state before the step has the tag. */
export const before =
  (tag: string): StepMatch =>
  (info) =>
    info.pre?.hasTag(tag) ?? false;

/** The state after the step has the tag. */
export const after =
  (tag: string): StepMatch =>
  (info) =>
    info.post.hasTag(tag);

export const anyOf =
  (...matches: StepMatch[]): StepMatch =>
  (info) => {
    for (let i = 0; i < matches.length; i++) if ((matches[i] as StepMatch)(info)) return true;
    return false;
  };

export const allOf =
  (...matches: StepMatch[]): StepMatch =>
  (info) => {
    for (let i = 0; i < matches.length; i++) if (!(matches[i] as StepMatch)(info)) return false;
    return true;
  };

export const isStart: StepMatch = (info) => info.kind === 'start';

/**
 * A flag raised now that no duty with a flag of its own claims: an `overdue` state entered that
 * is neither delayed notice's (tagged `noticeDue`, or inside one) nor a gag's challenge's (inside
 * a state tagged `secrecy`). It settles the duties that have no flag of their own (an emergency's
 * follow-up, a data-subject answer); those two flags are their duties' alone.
 *
 * @example
 * respondWithin({ trigger, response, alarm: raisingUnclaimed('overdue'), message });
 */
export const raisingUnclaimed = (tag: string, claimedBy: readonly string[] = ['noticeDue', 'secrecy']): StepMatch => raisedWhere(tag, (n) => !claimedBy.some((c) => under(n, c)));

const alarm = raisingUnclaimed('overdue');

/** Invariant: no reachable state satisfies `bad`. */
export function never(bad: (s: AnyMachineSnapshot) => boolean, message: string): RuleCheck {
  return neverStep((info) => bad(info.post), message);
}

/** Step rule: no step matches `bad` (e.g. an event taken while a condition holds). */
export function neverStep(bad: StepMatch, message: string): RuleCheck {
  // Monitor steps are read, never changed, so the two outcomes are shared.
  const fine = { state: null };
  const broken = { state: null, violation: { message } };
  const monitor: Monitor<null> = {
    initial: (info) => (bad(info) ? broken : fine),
    step: (_s, info) => (bad(info) ? broken : fine),
    key: () => '',
  };
  return { type: 'monitor', monitor };
}

/**
 * Precedence: a `target` step only after some step matching `after` (since the start), unless
 * `unless` holds at the target step, a step matching `excuse` came earlier, or one matching
 * `excuseWhile.from` came earlier with none matching `excuseWhile.until` since (an excuse that
 * lapses, as an emergency does when it ends).
 *
 * @example
 * precedence({ target: onEvent('data.disclosed'), after: onEvent('notice.sent'), excuseWhile: { from: onEvent('emergency.assessed'), until: onEvent('emergency.ended') }, message: 'disclosed before notice' });
 */
export function precedence(o: { target: StepMatch; after: StepMatch; unless?: StepMatch; excuse?: StepMatch; excuseWhile?: { from: StepMatch; until: StepMatch }; message: string }): RuleCheck {
  // The state is three flags as bits (allowed 4, excused 2, during 1); every step is built once, as monitors run on every explored step.
  const violation = { message: o.message };
  const fine = Array.from({ length: 8 }, (_, s): MonitorStep<number> => ({ state: s }));
  const broken = Array.from({ length: 8 }, (_, s): MonitorStep<number> => ({ state: s, violation }));
  const keys = fine.map((_, s) => s.toString(2).padStart(3, '0'));
  const next = (s: number, info: StepInfo) => {
    const allowed = (s & 4) !== 0;
    const excused = (s & 2) !== 0;
    const wasDuring = (s & 1) !== 0;
    const bad = o.target(info) && !allowed && !excused && !wasDuring && !(o.unless?.(info) ?? false);
    const during = o.excuseWhile ? (wasDuring || o.excuseWhile.from(info)) && !o.excuseWhile.until(info) : false;
    const state = (allowed || o.after(info) ? 4 : 0) + (excused || (o.excuse?.(info) ?? false) ? 2 : 0) + (during ? 1 : 0);
    return (bad ? broken : fine)[state] as MonitorStep<number>;
  };
  const monitor: Monitor<number> = {
    initial: (info) => next(0, info),
    step: next,
    key: (s) => keys[s] as string,
  };
  return { type: 'monitor', monitor };
}

/**
 * Minimum separation: a `target` step comes more than `days` days after the latest `since` step
 * (the target's own day counts as inside the window), unless `unless` holds at the target.
 */
export function notWithin(o: { target: StepMatch; since: StepMatch; unless?: StepMatch; message: string }) {
  return (days: number): RuleCheck => {
    const clock = '@since';
    const steps = outcomes({ message: o.message, when: { clock, op: '<=', value: days } }, clock);
    const next = (armed: boolean, info: StepInfo) => {
      const check = armed && o.target(info) && !(o.unless?.(info) ?? false);
      const restart = o.since(info);
      return steps[(armed || restart ? 4 : 0) + (restart ? 2 : 0) + (check ? 1 : 0)] as MonitorStep<boolean>;
    };
    const monitor: Monitor<boolean> = {
      initial: (info) => next(false, info),
      step: next,
      key: (s) => (s ? '1' : '0'),
      clockMax: { [clock]: days + 1 },
    };
    return { type: 'monitor', monitor };
  };
}

/**
 * Only within: a `target` step comes at most `days` days after the latest `since` step.
 */
export function onlyWithin(o: { target: StepMatch; since: StepMatch; message: string }) {
  return (days: number): RuleCheck => {
    const clock = '@since';
    const steps = outcomes({ message: o.message, when: { clock, op: '>=', value: days + 1 } }, clock);
    const next = (armed: boolean, info: StepInfo) => {
      const restart = o.since(info);
      const check = armed && o.target(info);
      return steps[(armed || restart ? 4 : 0) + (restart ? 2 : 0) + (check ? 1 : 0)] as MonitorStep<boolean>;
    };
    const monitor: Monitor<boolean> = { initial: (info) => next(false, info), step: next, key: (s) => (s ? '1' : '0'), clockMax: { [clock]: days + 1 } };
    return { type: 'monitor', monitor };
  };
}

/**
 * Timed response: after a `trigger` step, a `response` step comes within `days` days, or the
 * machine raises the alarm by then (`alarm`; by default it enters a state tagged `overdue` that
 * is neither delayed notice's nor a gag challenge's, `raisingUnclaimed`, and one already on does
 * not count); `cancel` ends the obligation.
 * With `arm`, a trigger counts only after an arming step, and `disarm` clears it.
 */
export function respondWithin(o: { trigger: StepMatch; response: StepMatch; cancel?: StepMatch; arm?: StepMatch; disarm?: StepMatch; alarm?: StepMatch; message: string }) {
  return (days: number): RuleCheck => {
    const clock = '@response';
    // The state is two flags as bits (armed 2, waiting 1); every step is built once.
    const [start, stop] = [[clock], [clock]];
    const steps = Array.from({ length: 4 }, (_, s) => ({ stay: { state: s } as MonitorStep<number>, start: { state: s, start } as MonitorStep<number>, stop: { state: s, stop } as MonitorStep<number> }));
    const keys = ['00', '01', '10', '11'];
    const deadline = { clock, days, message: o.message };
    const answered = (info: StepInfo) => o.response(info) || (o.cancel?.(info) ?? false);
    const next = (s: number, info: StepInfo): MonitorStep<number> => {
      const waiting = (s & 1) !== 0;
      const armed = o.arm ? ((s & 2) !== 0 || o.arm(info)) && !(o.disarm?.(info) ?? false) : true;
      const a = armed ? 2 : 0;
      // A flag raised on the trigger step is another duty's: this one has not yet had a day to be missed.
      // A trigger while one is waiting keeps the earlier, nearer deadline.
      if (armed && o.trigger(info) && !answered(info)) return waiting ? (steps[a + 1] as (typeof steps)[number]).stay : (steps[a + 1] as (typeof steps)[number]).start;
      if (waiting && (answered(info) || (o.alarm ?? alarm)(info))) return (steps[a] as (typeof steps)[number]).stop;
      return (steps[a + (waiting ? 1 : 0)] as (typeof steps)[number]).stay;
    };
    const monitor: Monitor<number> = {
      initial: (info) => next(0, info),
      step: next,
      deadline: (s) => ((s & 1) !== 0 ? deadline : null),
      key: (s) => keys[s] as string,
      clockMax: { [clock]: days + 1 },
    };
    return { type: 'monitor', monitor };
  };
}

/**
 * The eight steps of a one-flag monitor with a clock, built once and shared (steps are read,
 * never changed), indexed by state × 4 + restart × 2 + violation.
 */
function outcomes(violation: NonNullable<MonitorStep<boolean>['violation']>, clock: string): MonitorStep<boolean>[] {
  const start = [clock];
  return Array.from({ length: 8 }, (_, i) => ({ state: i >= 4, ...(i & 2 ? { start } : {}), ...(i & 1 ? { violation } : {}) }));
}

/** Termination: every run reaches an outcome or waits on an open-ended obligation; no dead ends. */
export function terminates(): RuleCheck {
  return { type: 'termination' };
}
