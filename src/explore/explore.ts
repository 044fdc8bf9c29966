import type { AnyStateMachine } from 'xstate';
import type { Exploration, ExploreOptions } from './Exploration.ts';
import { exploreSteps } from './exploreSteps.ts';
import { transitionCacheOf } from './transitionCache.ts';

/**
 * Explores every reachable symbolic state of a machine with exact whole-day time: named delays
 * are clocks in a difference-bound zone, a timer never fires before a shorter pending one, and an
 * outside event may fall before, on, or after each deadline (events dated a deadline's day come
 * before the timer). With a monitor, explores the product and stops at the first (shortest)
 * violation. Budgets stop the search with the frontier reported, never with a throw. Each step
 * is computed once per machine (through `fastStepper` where it can, else XState's `transition`)
 * and shared by every exploration of it.
 *
 * @example
 * const result = explore(machine, { inputs: [{ name: 'base', input: request }], events: eventVariants(types, {}) });
 */
export function explore(machine: AnyStateMachine, options: ExploreOptions): Exploration {
  return exploreSteps(transitionCacheOf(machine), options);
}
