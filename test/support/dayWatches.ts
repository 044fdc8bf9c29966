import type { AnyMachineSnapshot } from 'xstate';
import type { DayWatch } from './dayByDay.ts';

// Observers for `dayByDayWatch`, each written straight from a rule's wording.

const enters = (tag: string, pre: AnyMachineSnapshot, post: AnyMachineSnapshot) => post.hasTag(tag) && !pre.hasTag(tag);

/**
 * "`tag` is entered (after the start) on a day later than `days`": days counted up to `days + 1`.
 *
 * @example
 * dayByDayWatch(machine, undefined, events, enteredAfter('s1', 3));
 */
export function enteredAfter(tag: string, days: number): DayWatch<number> {
  return {
    initial: () => 0,
    step: (d, pre, post) => (d > days && enters(tag, pre, post) ? 'broken' : d),
    day: (d) => Math.min(d + 1, days + 1),
    key: String,
    waits: (d) => d <= days,
  };
}

/**
 * "Some reachable state has both tags".
 *
 * @example
 * dayByDayWatch(machine, undefined, events, reachesBoth('r0.s1', 'r1.s2'));
 */
export function reachesBoth(a: string, b: string): DayWatch<null> {
  const check = (post: AnyMachineSnapshot) => (post.hasTag(a) && post.hasTag(b) ? 'broken' : null);
  return { initial: check, step: (_w, _pre, post) => check(post), day: () => null, key: () => '', waits: () => false };
}

/**
 * "`tag` is entered (after the start) by day `days`": days counted up to `days + 1`.
 *
 * @example
 * fewestStepsToBreak(machine, undefined, events, enteredWithin('s1', 3));
 */
export function enteredWithin(tag: string, days: number): DayWatch<number> {
  return {
    initial: () => 0,
    step: (d, pre, post) => (d <= days && enters(tag, pre, post) ? 'broken' : d),
    day: (d) => Math.min(d + 1, days + 1),
    key: String,
    waits: () => false,
  };
}

/**
 * "`target` is entered only after `after` has been entered": broken when `target` is entered
 * (the start included) before any step entered `after`.
 *
 * @example
 * dayByDayWatch(machine, undefined, events, enteredBefore('s2', 's1'));
 */
export function enteredBefore(target: string, after: string): DayWatch<boolean> {
  const next = (seen: boolean, pre: AnyMachineSnapshot | null, post: AnyMachineSnapshot): boolean | 'broken' => {
    const entering = (tag: string) => (pre ? enters(tag, pre, post) : post.hasTag(tag));
    if (entering(target) && !seen) return 'broken';
    return seen || entering(after);
  };
  return { initial: (start) => next(false, null, start), step: next, day: (seen) => seen, key: String, waits: () => false };
}

/**
 * "After `trigger` is entered, `response` is entered within `days` days": broken when a day
 * passes with the count past `days`. A trigger while waiting starts the count again; a step
 * that enters both settles at once.
 *
 * @example
 * dayByDayWatch(machine, undefined, events, missedResponse('s1', 's2', 3));
 */
export function missedResponse(trigger: string, response: string, days: number): DayWatch<number | null> {
  const next = (w: number | null, pre: AnyMachineSnapshot | null, post: AnyMachineSnapshot): number | null => {
    const settled = pre ? enters(response, pre, post) : post.hasTag(response);
    const triggered = pre ? enters(trigger, pre, post) : post.hasTag(trigger);
    // A trigger while one waits keeps the earlier, nearer deadline (`respondWithin`).
    if (triggered && !settled) return w ?? 0;
    return w !== null && settled ? null : w;
  };
  return {
    initial: (start) => next(null, null, start),
    step: (w, pre, post) => next(w, pre, post),
    day: (w) => (w === null ? null : w + 1 > days ? 'broken' : w + 1),
    key: (w) => String(w),
    waits: (w) => w !== null,
  };
}
