import type { AnyMachineSnapshot } from 'xstate';

/** One step of a run, as a rule sees it. */
export interface StepInfo {
  kind: 'start' | 'event' | 'timer';
  /** The outside event, or the timer's event for a timer step. */
  event: { type: string; [k: string]: unknown };
  /** The delay's name, for a timer step. */
  delay?: string;
  pre: AnyMachineSnapshot | null;
  post: AnyMachineSnapshot;
  /**
   * States the step passed through and left within it, between `pre` and `post` (eventless
   * transitions, raised events), in order; absent or empty when it went straight there.
   */
  through?: readonly AnyMachineSnapshot[];
  /** Events the step raised for itself and took at once (`raise` in an action); absent or empty when none. */
  raised?: readonly { type: string; [k: string]: unknown }[];
  /** The machine's input (the request). */
  input: unknown;
}

/** `clock op value`, in whole days. */
export interface ClockBound {
  clock: string;
  op: '<=' | '>=';
  value: number;
}

/** What a monitor does at one step. */
export interface MonitorStep<S> {
  state: S;
  /** Clocks to start at this step (at 0). */
  start?: readonly string[];
  /** Clocks no longer needed. */
  stop?: readonly string[];
  /** The rule is broken at this step: always, or only where `when` can hold. */
  violation?: { message: string; when?: ClockBound };
}

/**
 * A rule compiled to an observer of runs: a finite state, optional clocks, and a verdict at
 * each step. The explorer runs it in product with the machine, so timed rules are exact.
 * `step` must be a pure function of the state's `key` and the step: the explorer answers a
 * machine step it has met before, from monitor states with the same keys, from memory.
 */
export interface Monitor<S = unknown> {
  initial(start: StepInfo): MonitorStep<S>;
  step(state: S, info: StepInfo): MonitorStep<S>;
  /** While in `state`, the rule is broken once `clock` passes `days` (a response that never came). */
  deadline?(state: S): { clock: string; days: number; message: string } | null;
  key(state: S): string;
  /** The largest constant each monitor clock is compared with, so the explorer can bound it. */
  clockMax?: Readonly<Record<string, number>>;
}
