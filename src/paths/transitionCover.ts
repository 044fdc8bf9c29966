import type { Link } from '../explore/Exploration.ts';
import type { PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, nearestEdge } from './TimedGraph.ts';

/**
 * Walks that take every reachable transition at least once, greedily: from where a walk stands,
 * go to the nearest edge that takes a transition not yet covered; when none is reachable any
 * more, or the walk would pass `maxSteps`, start a new walk from the start that reaches one soonest.
 *
 * @example
 * transitionCover(graph).length // a handful of walks for dozens of transitions
 */
export function transitionCover(graph: TimedGraph, maxSteps = 30): PlannedPath[] {
  const covered = new Set<string>();
  const paths: PlannedPath[] = [];
  const takes = (l: Link) => l.taken.some((t) => !covered.has(t));
  const cover = (taken: readonly string[]) => taken.filter((t) => !covered.has(t) && covered.add(t)).length;
  for (let first = nearestEdge(graph, graph.starts, takes); first; first = nearestEdge(graph, graph.starts, takes)) {
    const start = first.origin;
    let count = cover(graph.startTaken[graph.run.nodes[start]?.input ?? 0] ?? []);
    const links: Link[] = [];
    for (let step: typeof first | null = first; step; step = nearestEdge(graph, [links[links.length - 1]?.to as number], takes)) {
      if (links.length > 0 && links.length + step.links.length > maxSteps) break;
      links.push(...step.links);
      for (const l of step.links) count += cover(l.taken);
    }
    paths.push({ strategy: 'transitions', purpose: `takes ${count} transitions not taken before`, walk: { start, links } });
  }
  graph.starts.forEach((start) => {
    const count = cover(graph.startTaken[graph.run.nodes[start]?.input ?? 0] ?? []);
    if (count) paths.push({ strategy: 'transitions', purpose: `takes ${count} transitions on receipt`, walk: { start, links: [] } });
  });
  return paths;
}
