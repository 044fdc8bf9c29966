import type { AnyStateMachine } from 'xstate';
import type { ExploreInput } from '../../src/explore/Exploration.ts';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { clockRange } from '../../src/explore/Zone.ts';

/**
 * The explorer's earliest day of each reachable state (by `snapshotKey`), read off the zones of a
 * clock started at day 0 and never bounded: exact for days up to `max`, where it is extrapolated.
 * Also whether the exploration was complete.
 *
 * @example
 * earliestByClock(machine, { name: 'only', input: undefined }, events, 30).days.get('"s1"|{}'); // 3
 */
export function earliestByClock(machine: AnyStateMachine, input: ExploreInput, events: readonly { type: string }[], max: number): { days: Map<string, number>; complete: boolean } {
  const clock: Monitor<number> = { initial: () => ({ state: 0, start: ['now'] }), step: (s) => ({ state: s }), key: () => '', clockMax: { now: max } };
  const run = explore(machine, { inputs: [input], events, monitor: clock as Monitor });
  const days = new Map<string, number>();
  for (const n of run.nodes) {
    const key = snapshotKey(n.snapshot);
    days.set(key, Math.min(days.get(key) ?? Infinity, clockRange(n.zone, '@0now').min));
  }
  return { days, complete: run.complete };
}
