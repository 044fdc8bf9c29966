import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { type DayState, daySteps, keyOf } from './dayByDay.ts';

// Questions about the whole day-by-day graph (`dayByDay`'s states with their successors): which
// states can still reach an outcome, and the fewest steps to a goal.

/** Every state the day-by-day search reaches, with its successors: `step` for an event or a timer, not for a day passing. */
function dayGraph(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], maxStates: number) {
  const steps = daySteps(machine, events);
  const index = new Map<string, number>();
  const states: DayState[] = [];
  const succ: { to: number; step: boolean }[][] = [];
  const reach = (s: DayState): number => {
    const key = keyOf(s);
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, (i = states.length));
      states.push(s);
      succ.push([]);
      if (states.length > maxStates) throw new Error(`dayGraph: more than ${maxStates} states`);
    }
    return i;
  };
  reach(steps.start(input));
  for (let i = 0; i < states.length; i++) {
    for (const { next, step } of steps.successors(states[i] as DayState)) succ[i]?.push({ to: reach(next), step });
  }
  return { states, succ };
}

/**
 * Whether some reachable state can never reach a state tagged `closed` (a dead end, or a trap
 * with no way out): the day-by-day graph searched forward, then backward from every closed state.
 *
 * @example
 * stuckSomewhere(machine, undefined, events); // false when every run can still reach an outcome
 */
export function stuckSomewhere(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], maxStates = 200_000): boolean {
  const { states, succ } = dayGraph(machine, input, events, maxStates);
  const preds: number[][] = states.map(() => []);
  succ.forEach((out, from) => out.forEach(({ to }) => preds[to]?.push(from)));
  const canClose = states.map((s) => s.snapshot.hasTag('closed'));
  const queue = states.flatMap((_, i) => (canClose[i] ? [i] : []));
  while (queue.length) {
    for (const p of preds[queue.pop() as number] ?? []) {
      if (!canClose[p]) {
        canClose[p] = true;
        queue.push(p);
      }
    }
  }
  return canClose.some((c) => !c);
}

/**
 * The fewest steps (events and timers; days passing are free) of any run from the start to a
 * state that `goal` accepts, or null when none is reachable.
 *
 * @example
 * fewestSteps(machine, undefined, events, (s) => s.hasTag('s2')); // 2
 */
export function fewestSteps(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], goal: (s: AnyMachineSnapshot) => boolean, maxStates = 200_000): number | null {
  const { states, succ } = dayGraph(machine, input, events, maxStates);
  const dist = states.map(() => Infinity);
  dist[0] = 0;
  const deque = [0];
  while (deque.length) {
    const i = deque.shift() as number;
    const d = dist[i] as number;
    if (goal((states[i] as DayState).snapshot)) return d;
    for (const { to, step } of succ[i] ?? []) {
      const nd = d + (step ? 1 : 0);
      if (nd < (dist[to] as number)) {
        dist[to] = nd;
        if (step) deque.push(to);
        else deque.unshift(to);
      }
    }
  }
  return null;
}
