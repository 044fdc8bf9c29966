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

function keepMin(map: Map<string, number>, key: string, day: number): void {
  const known = map.get(key);
  if (known === undefined || day < known) map.set(key, day);
}

/**
 * An oracle for the explorer, independent of it: a breadth-first search day by day over XState's
 * own `transition`, with each timer's days left instead of a clock, so it needs no horizon. On a
 * day, outside events happen (unless a timer already fired at its end), a due timer fires at the
 * end of the day (the shorter, then the earlier started, first), and the day passes only when no
 * timer is due and something is pending. The same semantics as the bench's tick encoding.
 *
 * @example
 * dayByDay(machine, undefined, [{ type: 'a' }]).earliest.get('"s1"|{}'); // 3
 */
export function dayByDay(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], maxStates = 200_000): DayByDay {
  const stepper = pureStepper(machine);
  const [first, actions] = stepper.initial(input);
  const earliest = new Map<string, number>();
  const entered = new Map<string, number>();
  const seen = new Set<string>();
  let today: DayState[] = [{ snapshot: first, eod: false, timers: withTimers([], actions) }];
  for (let day = 0; today.length; day++) {
    const tomorrow: DayState[] = [];
    while (today.length) {
      const s = today.pop() as DayState;
      const key = keyOf(s);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) throw new Error(`dayByDay: more than ${maxStates} states`);
      keepMin(earliest, snapshotKey(s.snapshot), day);
      const go = (next: AnyMachineSnapshot, timers: Timer[], eod: boolean) => {
        for (const tag of next.tags) if (!s.snapshot.hasTag(tag)) keepMin(entered, tag, day);
        today.push({ snapshot: next, eod, timers });
      };
      if (!s.eod) {
        for (const event of events) {
          if (!s.snapshot.can(event)) continue;
          const [next, acts] = stepper.next(s.snapshot, event);
          go(next, withTimers(s.timers, acts), false);
        }
      }
      const soonest = s.timers[0];
      if (soonest && soonest.due === 0) {
        const [next, acts] = stepper.next(s.snapshot, { type: soonest.event });
        go(next, withTimers(s.timers.slice(1), acts), true);
      } else if (s.eod || s.timers.length > 0) {
        tomorrow.push({ snapshot: s.snapshot, eod: false, timers: s.timers.map((t) => ({ event: t.event, due: t.due - 1 })) });
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
 * Whether some run breaks an observer: the same day-by-day search as `dayByDay`, over (state,
 * observer state) pairs. The rules' oracle: an observer written straight from a rule's wording.
 *
 * @example
 * dayByDayWatch(machine, undefined, events, enteredAfter('s1', 3)); // true when s1 can be entered after day 3
 */
export function dayByDayWatch<W>(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], watch: DayWatch<W>, maxStates = 200_000): boolean {
  const stepper = pureStepper(machine);
  const [first, actions] = stepper.initial(input);
  const w0 = watch.initial(first);
  if (w0 === 'broken') return true;
  const seen = new Set<string>();
  let today: (DayState & { w: W })[] = [{ snapshot: first, eod: false, timers: withTimers([], actions), w: w0 }];
  while (today.length) {
    const tomorrow: typeof today = [];
    while (today.length) {
      const s = today.pop() as DayState & { w: W };
      const key = `${keyOf(s)}|${watch.key(s.w)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) throw new Error(`dayByDayWatch: more than ${maxStates} states`);
      const go = (next: AnyMachineSnapshot, timers: Timer[], eod: boolean): boolean => {
        const w = watch.step(s.w, s.snapshot, next);
        if (w === 'broken') return true;
        today.push({ snapshot: next, eod, timers, w });
        return false;
      };
      if (!s.eod) {
        for (const event of events) {
          if (!s.snapshot.can(event)) continue;
          const [next, acts] = stepper.next(s.snapshot, event);
          if (go(next, withTimers(s.timers, acts), false)) return true;
        }
      }
      const soonest = s.timers[0];
      if (soonest && soonest.due === 0) {
        const [next, acts] = stepper.next(s.snapshot, { type: soonest.event });
        if (go(next, withTimers(s.timers.slice(1), acts), true)) return true;
      } else if (s.eod || s.timers.length > 0 || watch.waits(s.w)) {
        const w = watch.day(s.w);
        if (w === 'broken') return true;
        tomorrow.push({ snapshot: s.snapshot, eod: false, timers: s.timers.map((t) => ({ event: t.event, due: t.due - 1 })), w });
      }
    }
    today = tomorrow;
  }
  return false;
}

/**
 * The fewest steps (events and timers; days passing are free) of any run that breaks an
 * observer, the breaking step included, or null when none does.
 *
 * @example
 * fewestStepsToBreak(machine, undefined, events, enteredWithin('s1', 3)); // 2
 */
export function fewestStepsToBreak<W>(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], watch: DayWatch<W>, maxStates = 200_000): number | null {
  const stepper = pureStepper(machine);
  const [first, actions] = stepper.initial(input);
  const w0 = watch.initial(first);
  if (w0 === 'broken') return 0;
  type Node = DayState & { w: W; steps: number };
  const best = new Map<string, number>();
  const deque: Node[] = [{ snapshot: first, eod: false, timers: withTimers([], actions), w: w0, steps: 0 }];
  while (deque.length) {
    const s = deque.shift() as Node;
    const key = `${keyOf(s)}|${watch.key(s.w)}`;
    if ((best.get(key) ?? Infinity) <= s.steps) continue;
    best.set(key, s.steps);
    if (best.size > maxStates) throw new Error(`fewestStepsToBreak: more than ${maxStates} states`);
    const go = (next: AnyMachineSnapshot, timers: Timer[], eod: boolean): boolean => {
      const w = watch.step(s.w, s.snapshot, next);
      if (w === 'broken') return true;
      deque.push({ snapshot: next, eod, timers, w, steps: s.steps + 1 });
      return false;
    };
    if (!s.eod) {
      for (const event of events) {
        if (!s.snapshot.can(event)) continue;
        const [next, acts] = stepper.next(s.snapshot, event);
        if (go(next, withTimers(s.timers, acts), false)) return s.steps + 1;
      }
    }
    const soonest = s.timers[0];
    if (soonest && soonest.due === 0) {
      const [next, acts] = stepper.next(s.snapshot, { type: soonest.event });
      if (go(next, withTimers(s.timers.slice(1), acts), true)) return s.steps + 1;
    } else if (s.eod || s.timers.length > 0 || watch.waits(s.w)) {
      const w = watch.day(s.w);
      if (w === 'broken') return s.steps;
      deque.unshift({ snapshot: s.snapshot, eod: false, timers: s.timers.map((t) => ({ event: t.event, due: t.due - 1 })), w, steps: s.steps });
    }
  }
  return null;
}
