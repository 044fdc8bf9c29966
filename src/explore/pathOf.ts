import type { ExploredNode, Link, PathStep, PendingTimer } from './Exploration.ts';
import type { ClockBound } from './Monitor.ts';

/**
 * The steps from a start to a node, each with every bound that held at its instant: the
 * invariants of the state it left are not stored per edge, so they are added back here. Under
 * symmetry reduction the steps are renamed into the start's names, so the path is one real run.
 *
 * @example
 * const days = datePath(pathOf(run.nodes, id).path);
 */
export function pathOf(nodes: readonly ExploredNode<unknown>[], id: number): { path: PathStep[]; ids: number[] } {
  const chain: ExploredNode<unknown>[] = [];
  for (let n = nodes[id]; n; n = n.parent >= 0 ? nodes[n.parent] : undefined) chain.unshift(n);
  const path: PathStep[] = [];
  let names: ReadonlyMap<string, string> | null = null;
  chain.forEach((n, k) => {
    const from = chain[k - 1];
    const step = from ? { ...n.step, bounds: [...n.step.bounds, ...invariants(from.timers)] } : n.step;
    path.push(names ? renameStep(step, names) : step);
    if (n.renamed) names = compose(n.renamed, names);
  });
  return { path, ids: chain.map((n) => n.id) };
}

/** A name in the frame `inner` maps from, renamed by `inner` and then by `outer`. */
function compose(inner: ReadonlyMap<string, string>, outer: ReadonlyMap<string, string> | null): ReadonlyMap<string, string> {
  if (!outer) return inner;
  const out = new Map<string, string>();
  for (const [name, was] of inner) out.set(name, outer.get(was) ?? was);
  for (const [name, was] of outer) if (!inner.has(name) && !out.has(name)) out.set(name, was);
  return out;
}

function renameStep(step: PathStep, names: ReadonlyMap<string, string>): PathStep {
  const rn = (x: string) => {
    const slash = x.indexOf('/');
    const was = slash > 0 ? names.get(x.slice(0, slash)) : undefined;
    return was === undefined ? x : `${was}${x.slice(slash)}`;
  };
  return {
    ...step,
    ...(step.event ? { event: { ...step.event, type: rn(step.event.type) } } : {}),
    bounds: step.bounds.map((b) => ({ ...b, clock: rn(b.clock) })),
    starts: step.starts.map(rn),
  };
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
