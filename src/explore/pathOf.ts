import type { ExploredNode, Link, PathStep, PendingTimer } from './Exploration.ts';
import type { ClockBound } from './Monitor.ts';

/**
 * The steps from a start to a node, each with every bound that held at its instant: the
 * invariants of the state it left are not stored per edge, so they are added back here.
 *
 * @example
 * const days = datePath(pathOf(run.nodes, id).path);
 */
export function pathOf(nodes: readonly ExploredNode<unknown>[], id: number): { path: PathStep[]; ids: number[] } {
  const path: PathStep[] = [];
  const ids: number[] = [];
  for (let n = nodes[id]; n; n = n.parent >= 0 ? nodes[n.parent] : undefined) {
    const from = n.parent >= 0 ? nodes[n.parent] : undefined;
    path.unshift(from ? { ...n.step, bounds: [...n.step.bounds, ...invariants(from.timers)] } : n.step);
    ids.unshift(n.id);
  }
  return { path, ids };
}

/**
 * The steps along a walk of links from a start node, with the bounds that held at each instant,
 * as `datePath` needs them.
 *
 * @example
 * const days = datePath(pathAlong(run.nodes, start, [run.links[start][0]]));
 */
export function pathAlong(nodes: readonly ExploredNode<unknown>[], start: number, walk: readonly Link[]): PathStep[] {
  const path: PathStep[] = [(nodes[start] as ExploredNode<unknown>).step];
  let at = start;
  for (const link of walk) {
    path.push({ ...link.step, bounds: [...link.step.bounds, ...invariants((nodes[at] as ExploredNode<unknown>).timers)] });
    at = link.to;
  }
  return path;
}

/** The bounds a state's pending timers put on the instant it is left: none is overdue. */
export function invariants(timers: readonly PendingTimer[]): ClockBound[] {
  return timers.map((t) => ({ clock: t.event, op: '<=', value: t.days }));
}
