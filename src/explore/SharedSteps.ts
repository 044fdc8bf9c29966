import type { PathStep, PendingTimer } from './Exploration.ts';
import type { ClockBound } from './Monitor.ts';
import { EOD } from './TimerEffects.ts';

/** A step as the search meets it, before the clocks it starts are known. */
export type Edge = Omit<PathStep, 'starts'>;

/** An outside event's bounds: none, or after a timer fired, the next day. Shared by every step that has them, never changed. */
export const NO_BOUNDS: ClockBound[] = [];
export const EOD_BOUNDS: ClockBound[] = [{ clock: EOD, op: '>=', value: 1 }];

/**
 * Path steps stored once each, by their bounds, the clocks they start and their event (a timer's
 * event names its delay): a graph keeps a step per link, and few distinct steps recur across
 * many links. Only a step whose bounds and starts are themselves shared arrays is looked up;
 * steps are read, never changed.
 *
 * @example
 * const shared = new SharedSteps();
 * shared.of({ kind: 'event', event, bounds: NO_BOUNDS }, starts, true) === shared.of({ kind: 'event', event, bounds: NO_BOUNDS }, starts, true); // true
 */
export class SharedSteps {
  private readonly steps = new Map<readonly ClockBound[], Map<readonly string[], Map<object, PathStep>>>();
  private readonly timerBounds: ClockBound[][][] = [];

  of(edge: Edge, starts: readonly string[], shared: boolean): PathStep {
    let byEvent: Map<object, PathStep> | undefined;
    if (shared && edge.event !== undefined && edge.input === undefined) {
      let byStarts = this.steps.get(edge.bounds);
      if (!byStarts) this.steps.set(edge.bounds, (byStarts = new Map()));
      byEvent = byStarts.get(starts);
      if (!byEvent) byStarts.set(starts, (byEvent = new Map()));
      const known = byEvent.get(edge.event);
      if (known) return known;
    }
    const step: PathStep = { kind: edge.kind, bounds: edge.bounds, starts: starts as string[] };
    if (edge.input !== undefined) step.input = edge.input;
    if (edge.event !== undefined) step.event = edge.event;
    if (edge.delay !== undefined) step.delay = edge.delay;
    if (byEvent && edge.event !== undefined) byEvent.set(edge.event, step);
    return step;
  }

  /** The bounds of the `i`-th timer of pending-timer list `list` firing first (it is due, those before it are not): one array per list and place. */
  firingBounds(list: number, timers: readonly PendingTimer[], i: number): ClockBound[] {
    const row = (this.timerBounds[list] ??= []);
    let bounds = row[i];
    if (!bounds) {
      const timer = timers[i] as PendingTimer;
      bounds = [{ clock: timer.event, op: '>=', value: timer.days }, ...timers.slice(0, i).map((t): ClockBound => ({ clock: t.event, op: '<=', value: t.days - 1 }))];
      row[i] = bounds;
    }
    return bounds;
  }
}
