import type { ExploredNode } from '../explore/Exploration.ts';
import type { PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, activeStates, shortestFrom, walkTo } from './TimedGraph.ts';

/**
 * For every state node some run reaches, the shortest walk (fewest steps) to a moment it is
 * active. States are taken nearest first, and a walk also counts for every state active where it
 * ends, which that walk reaches in as few steps as any.
 *
 * @example
 * shortestToStates(graph).map((p) => p.purpose) // ['reaches process.review', …]
 */
export function shortestToStates(graph: TimedGraph): PlannedPath[] {
  const { nodes } = graph.run;
  const table = shortestFrom(graph, graph.starts);
  const distance = new Map<number, number>();
  const depth = (id: number): number => {
    let d = distance.get(id);
    if (d === undefined) distance.set(id, (d = table.prev[id] === -1 ? 0 : depth(table.prev[id] as number) + 1));
    return d;
  };
  const nearest = new Map<string, ExploredNode>();
  for (const node of nodes) {
    if (table.origin[node.id] === -1) continue;
    for (const state of activeStates(node.snapshot)) {
      const best = nearest.get(state);
      if (!best || depth(node.id) < depth(best.id)) nearest.set(state, node);
    }
  }
  const order = [...nearest].sort(([a, x], [b, y]) => depth(x.id) - depth(y.id) || a.localeCompare(b));
  const reached = new Set<string>();
  const paths: PlannedPath[] = [];
  for (const [state, node] of order) {
    if (reached.has(state)) continue;
    const fresh = activeStates(node.snapshot).filter((s) => !reached.has(s) && nearest.get(s) !== undefined && depth((nearest.get(s) as ExploredNode).id) === depth(node.id));
    fresh.forEach((s) => reached.add(s));
    paths.push({ strategy: 'states', purpose: `reaches ${fresh.join(', ')}`, walk: { start: table.origin[node.id] as number, links: walkTo(table, node.id) } });
  }
  return paths;
}
