import type { AnyStateMachine } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { exploreSteps } from '../../src/explore/exploreSteps.ts';
import { TransitionCache } from '../../src/explore/transitionCache.ts';
import type { Exploration, ExploreInput } from '../../src/explore/Exploration.ts';
import { pathOf } from '../../src/explore/pathOf.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { datePath } from '../../src/explore/witness.ts';
import { machineTimers } from '../../src/time/machineTimers.ts';
import { listenedEvents } from './catalogueCase.ts';
import { TICK, type TickState, tickKey, tickLogic } from './tickEncoding.ts';

/** Earliest day of each reachable machine state, by `snapshotKey`. */
export type EarliestDays = Map<string, number>;

function keepMin(days: EarliestDays, key: string, day: number): void {
  const known = days.get(key);
  if (known === undefined || day < known) days.set(key, day);
}

/** Our answer: the exact explorer's nodes, each dated by `datePath` of its path, the least day per state. */
export function explorerEarliest(run: Exploration): EarliestDays {
  const days: EarliestDays = new Map();
  for (const node of run.nodes) {
    const { path } = pathOf(run.nodes, node.id);
    keepMin(days, snapshotKey(node.snapshot), datePath(path).at(-1) as number);
  }
  return days;
}

/** With a fresh transition cache each call, so no run reuses another's steps (the port's plans of the chart are shared, as XState's memo is). */
export function exploreEarliest(machine: AnyStateMachine, input: ExploreInput, events: readonly { type: string }[]): { days: EarliestDays; run: Exploration } {
  const run = exploreSteps(new TransitionCache(machine), { inputs: [input], events });
  return { days: explorerEarliest(run), run };
}

/**
 * The day-counter horizon: the longest timer in play plus one. A timer whose length is set per
 * case (the secrecy term) takes the longest `days` any event variant carries.
 */
export function horizonFor(machine: AnyStateMachine, events: readonly { type: string }[]): number {
  // A length set per case counts at its limit when the law gives one, else at the events' days.
  const lengths = machineTimers(machine).flatMap((t) => (t.days !== null ? [t.days] : t.atMostDays !== undefined ? [t.atMostDays] : events.map((e) => (e as { days?: unknown }).days).filter((d): d is number => typeof d === 'number')));
  return Math.max(0, ...lengths) + 1;
}

class OutOfTime extends Error {}

/**
 * xstate/graph's answer: `getAdjacencyMap` over the tick encoding; every encoded state carries its
 * day, so the least day per machine state is its earliest. Past `maxMs` the traversal is cut and
 * the states met so far are returned with `complete: false`.
 */
export function graphEarliest(machine: AnyStateMachine, input: ExploreInput, events: readonly { type: string }[], horizon: number, maxMs: number): { days: EarliestDays; encoded: number; complete: boolean } {
  const started = Date.now();
  const days: EarliestDays = new Map();
  const seen = new Set<string>();
  try {
    getAdjacencyMap(tickLogic(machine, horizon), {
      input: input.input,
      events: (s) => [...listenedEvents(s.context.machine, events), TICK],
      serializeState: (s) => {
        const state = s.context as TickState;
        const key = tickKey(state);
        if (!seen.has(key)) {
          seen.add(key);
          keepMin(days, snapshotKey(state.machine), state.day);
          if ((seen.size & 255) === 0 && Date.now() - started > maxMs) throw new OutOfTime();
        }
        return key;
      },
    });
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    return { days, encoded: seen.size, complete: false };
  }
  return { days, encoded: seen.size, complete: true };
}

/** Where two answers differ: states only one side reaches, and states whose earliest days differ. */
export function compareEarliest(ours: EarliestDays, theirs: EarliestDays): { onlyOurs: string[]; onlyTheirs: string[]; days: { state: string; ours: number; theirs: number }[] } {
  return {
    onlyOurs: [...ours.keys()].filter((k) => !theirs.has(k)),
    onlyTheirs: [...theirs.keys()].filter((k) => !ours.has(k)),
    days: [...ours].flatMap(([state, d]) => (theirs.has(state) && theirs.get(state) !== d ? [{ state, ours: d, theirs: theirs.get(state) as number }] : [])),
  };
}
