import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { pureStepper } from '../../src/explore/pureStepper.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { applyTimers, type TickTimer } from '../../bench/support/tickEncoding.ts';

export type Action = { type: string; params?: unknown };
/** A pending timer and the days left until the end of the day it fires on. */
export type Timer = TickTimer;
export interface DayState {
  snapshot: AnyMachineSnapshot;
  /** A timer fired at the end of today: outside events wait for tomorrow. */
  eod: boolean;
  /** Pending timers in firing order: fewest days left first, then the one started first. */
  timers: readonly Timer[];
}

/** What the day-by-day search found: each machine state's earliest day, and each tag's earliest entry after the start. */
export interface DayByDay {
  earliest: Map<string, number>;
  entered: Map<string, number>;
  states: number;
}

/** Pending timers after a step's actions: the tick encoding's bookkeeping, with today as day 0 so `due` is days left. */
export function withTimers(timers: readonly Timer[], actions: readonly Action[]): Timer[] {
  return applyTimers(timers, actions, 0);
}

/** A day state's key: the machine state, whether the day has ended, the timers with their days left. */
export function keyOf(s: DayState): string {
  return `${snapshotKey(s.snapshot)}|${s.eod ? 1 : 0}|${s.timers.map((t) => `${t.event}:${t.due}`).join(',')}`;
}

/** A successor of a day state: a `step` (an outside event, or a due timer firing at the end of the day), or the next day. */
export interface DayMove {
  next: DayState;
  step: boolean;
}

/**
 * The semantics every search here shares, over XState's own `transition`: the start, and each
 * state's successors. On a day, outside events happen unless a timer already fired at its end; a
 * due timer fires at the end of the day (the shorter, then the earlier started, first); the day
 * passes only when no timer is due and something is pending (or `wait` says an observer waits).
 *
 * @example
 * const steps = daySteps(machine, events);
 * steps.successors(steps.start(undefined)).map((m) => m.step);
 */
export function daySteps(machine: AnyStateMachine, events: readonly { type: string }[]) {
  const stepper = pureStepper(machine);
  return {
    start: (input: unknown): DayState => {
      const [snapshot, actions] = stepper.initial(input);
      return { snapshot, eod: false, timers: withTimers([], actions) };
    },
    successors: (s: DayState, wait = false): DayMove[] => {
      const out: DayMove[] = [];
      // A finished machine takes nothing more (XState exits every state, so no timer is left).
      if (s.snapshot.status !== 'active') return out;
      if (!s.eod) {
        for (const event of events) {
          if (!s.snapshot.can(event)) continue;
          const [snapshot, actions] = stepper.next(s.snapshot, event);
          out.push({ next: { snapshot, eod: false, timers: withTimers(s.timers, actions) }, step: true });
        }
      }
      const soonest = s.timers[0];
      if (soonest && soonest.due === 0) {
        const [snapshot, actions] = stepper.next(s.snapshot, { type: soonest.event });
        out.push({ next: { snapshot, eod: true, timers: withTimers(s.timers.slice(1), actions) }, step: true });
      } else if (s.eod || s.timers.length > 0 || wait) {
        out.push({ next: { snapshot: s.snapshot, eod: false, timers: s.timers.map((t) => ({ event: t.event, due: t.due - 1 })) }, step: false });
      }
      return out;
    },
  };
}

function keepMin(map: Map<string, number>, key: string, day: number): void {
  const known = map.get(key);
  if (known === undefined || day < known) map.set(key, day);
}

/**
 * An oracle for the explorer, independent of it: a breadth-first search day by day over XState's
 * own `transition` (`daySteps`), with each timer's days left instead of a clock, so it needs no
 * horizon. The same semantics as the bench's tick encoding.
 *
 * @example
 * dayByDay(machine, undefined, [{ type: 'a' }]).earliest.get('"s1"|{}'); // 3
 */
export function dayByDay(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], maxStates = 200_000): DayByDay {
  const steps = daySteps(machine, events);
  const earliest = new Map<string, number>();
  const entered = new Map<string, number>();
  const seen = new Set<string>();
  let today: DayState[] = [steps.start(input)];
  for (let day = 0; today.length; day++) {
    const tomorrow: DayState[] = [];
    while (today.length) {
      const s = today.pop() as DayState;
      const key = keyOf(s);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) throw new Error(`dayByDay: more than ${maxStates} states`);
      keepMin(earliest, snapshotKey(s.snapshot), day);
      for (const { next, step } of steps.successors(s)) {
        if (!step) {
          tomorrow.push(next);
          continue;
        }
        for (const tag of next.snapshot.tags) if (!s.snapshot.hasTag(tag)) keepMin(entered, tag, day);
        today.push(next);
      }
    }
    today = tomorrow;
  }
  return { earliest, entered, states: seen.size };
}

/**
 * An observer of runs for `dayByDayWatch`: a finite state (keep any day count in it capped), moved
 * by each step and by each day that passes; `'broken'` ends the search with a yes. `waits` says
 * whether the observer's state alone lets days pass when nothing in the machine is pending (a
 * deadline that runs out while the case sits still).
 */
export interface DayWatch<W> {
  initial: (start: AnyMachineSnapshot) => W | 'broken';
  step: (w: W, pre: AnyMachineSnapshot, post: AnyMachineSnapshot) => W | 'broken';
  day: (w: W) => W | 'broken';
  key: (w: W) => string;
  waits: (w: W) => boolean;
}

/**
 * Whether some run breaks an observer: the day-by-day search over (state, observer state) pairs
 * (`fewestStepsToBreak`). The rules' oracle: an observer written straight from a rule's wording.
 *
 * @example
 * dayByDayWatch(machine, undefined, events, enteredAfter('s1', 3)); // true when s1 can be entered after day 3
 */
export function dayByDayWatch<W>(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], watch: DayWatch<W>, maxStates = 200_000): boolean {
  return fewestStepsToBreak(machine, input, events, watch, maxStates) !== null;
}

/**
 * The fewest steps (events and timers; days passing are free) of any run that breaks an
 * observer, the breaking step included, or null when none does.
 *
 * @example
 * fewestStepsToBreak(machine, undefined, events, enteredWithin('s1', 3)); // 2
 */
export function fewestStepsToBreak<W>(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], watch: DayWatch<W>, maxStates = 200_000): number | null {
  const steps = daySteps(machine, events);
  const first = steps.start(input);
  const w0 = watch.initial(first.snapshot);
  if (w0 === 'broken') return 0;
  // A 0-1 breadth-first search: a day passing costs nothing, a step one; a break is queued like a
  // state, so the first one taken off the queue is a cheapest.
  type Entry = { state: DayState; w: W; steps: number } | { broken: true; steps: number };
  const best = new Map<string, number>();
  const deque: Entry[] = [{ state: first, w: w0, steps: 0 }];
  while (deque.length) {
    const e = deque.shift() as Entry;
    if ('broken' in e) return e.steps;
    const key = `${keyOf(e.state)}|${watch.key(e.w)}`;
    if ((best.get(key) ?? Infinity) <= e.steps) continue;
    best.set(key, e.steps);
    if (best.size > maxStates) throw new Error(`fewestStepsToBreak: more than ${maxStates} states`);
    for (const { next, step } of steps.successors(e.state, watch.waits(e.w))) {
      const w = step ? watch.step(e.w, e.state.snapshot, next.snapshot) : watch.day(e.w);
      const entry: Entry = w === 'broken' ? { broken: true, steps: e.steps + (step ? 1 : 0) } : { state: next, w, steps: e.steps + (step ? 1 : 0) };
      if (step) deque.push(entry);
      else deque.unshift(entry);
    }
  }
  return null;
}
