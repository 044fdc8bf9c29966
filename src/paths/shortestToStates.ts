import type { PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, activeStates, nearestEdge } from './TimedGraph.ts';

/**
 * For every state node some run reaches, the shortest walk (fewest steps) to a moment it is
 * active. A state active on receipt gets the empty walk from the first start where it is.
 *
 * @example
 * shortestToStates(graph).map((p) => p.purpose) // ['reaches process.review', …]
 */
export function shortestToStates(graph: TimedGraph): PlannedPath[] {
  const { nodes } = graph.run;
  const paths: PlannedPath[] = [];
  const reached = new Set<string>();
  for (const start of graph.starts) {
    const fresh = activeStates((nodes[start] as (typeof nodes)[number]).snapshot).filter((s) => !reached.has(s));
    fresh.forEach((s) => reached.add(s));
    if (fresh.length) paths.push({ strategy: 'states', purpose: `reaches ${fresh.join(', ')}`, walk: { start, links: [] } });
  }
  const all = new Set(nodes.flatMap((n) => activeStates(n.snapshot)));
  for (const state of [...all].sort()) {
    if (reached.has(state)) continue;
    const found = nearestEdge(graph, graph.starts, (link) => activeStates((nodes[link.to] as (typeof nodes)[number]).snapshot).includes(state));
    if (!found) continue;
    const end = activeStates((nodes[found.links[found.links.length - 1]?.to as number] as (typeof nodes)[number]).snapshot);
    const fresh = end.filter((s) => !reached.has(s));
    fresh.forEach((s) => reached.add(s));
    paths.push({ strategy: 'states', purpose: `reaches ${fresh.join(', ')}`, walk: { start: found.origin, links: found.links } });
  }
  return paths;
}
