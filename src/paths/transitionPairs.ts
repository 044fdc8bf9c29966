import type { AnyStateMachine } from 'xstate';
import type { Link } from '../explore/Exploration.ts';
import type { PlannedPath } from './PlannedPath.ts';
import type { TimedGraph } from './TimedGraph.ts';

/**
 * The pairs `a>b` of one step's transitions followed by the next step's. In a machine whose root
 * is parallel, only pairs within one region count: a transition in one region followed by one in
 * an orthogonal region is not a sequence the machine orders.
 *
 * @example
 * const pairs = pairing(machine);
 * pairs(['process.review|review.completed|0'], ['process.compliance|data.disclosed|0'])
 */
export function pairing(machine: AnyStateMachine): (before: readonly string[], after: readonly string[]) => string[] {
  const parallel = machine.root.type === 'parallel';
  const region = (id: string) => id.slice(0, id.search(/[.|]/));
  return (before, after) => before.flatMap((a) => after.filter((b) => !parallel || region(a) === region(b)).map((b) => `${a}>${b}`));
}

/** Every pair of consecutive transitions some run takes (see `pairing`). */
export function reachablePairs(graph: TimedGraph): Set<string> {
  const pairs = new Set<string>();
  const pair = pairing(graph.machine);
  const add = (before: readonly string[], after: readonly string[]) => pair(before, after).forEach((p) => pairs.add(p));
  graph.run.links.forEach((out) => out.forEach((l) => (graph.run.links[l.to] ?? []).forEach((next) => add(l.taken, next.taken))));
  graph.starts.forEach((s) => (graph.run.links[s] ?? []).forEach((l) => add(graph.startTaken[graph.run.nodes[s]?.input ?? 0] ?? [], l.taken)));
  return pairs;
}

/**
 * Walks that take every reachable pair of consecutive transitions at least once: a greedy cover
 * searching breadth first over edges (the last edge taken is the state), so a pair that only
 * some way into a state makes is still found.
 *
 * @example
 * transitionPairs(graph).length
 */
export function transitionPairs(graph: TimedGraph, maxSteps = 30): PlannedPath[] {
  const covered = new Set<string>();
  const { links: out, nodes } = graph.run;
  const startTaken = (s: number) => graph.startTaken[nodes[s]?.input ?? 0] ?? [];
  const pair = pairing(graph.machine);
  const fresh = (before: readonly string[], after: readonly string[]) => pair(before, after).some((p) => !covered.has(p));
  const cover = (before: readonly string[], after: readonly string[]) => pair(before, after).filter((p) => !covered.has(p) && covered.add(p)).length;
  type Hop = { link: Link; prev: Hop | null };
  /** Breadth first over edges, from the given last edges (or starts), to the first edge making a new pair. */
  const search = (from: { taken: readonly string[]; at: number; origin: number }[]): { origin: number; links: Link[] } | null => {
    const seen = new Set<Link>();
    const queue: { hop: Hop | null; taken: readonly string[]; at: number; origin: number }[] = from.map((f) => ({ hop: null, ...f }));
    for (let head = 0; head < queue.length; head++) {
      const q = queue[head] as (typeof queue)[number];
      for (const link of out[q.at] ?? []) {
        if (fresh(q.taken, link.taken)) {
          const links = [link];
          for (let h = q.hop; h; h = h.prev) links.unshift(h.link);
          return { origin: q.origin, links };
        }
        if (seen.has(link)) continue;
        seen.add(link);
        queue.push({ hop: { link, prev: q.hop }, taken: link.taken, at: link.to, origin: q.origin });
      }
    }
    return null;
  };
  const paths: PlannedPath[] = [];
  const fromStarts = () => graph.starts.map((s) => ({ taken: startTaken(s), at: s, origin: s }));
  for (let first = search(fromStarts()); first; first = search(fromStarts())) {
    const start = first.origin;
    const links: Link[] = [];
    let count = 0;
    for (let step: typeof first | null = first; step; ) {
      if (links.length > 0 && links.length + step.links.length > maxSteps) break;
      for (const l of step.links) {
        count += cover(links.length ? (links[links.length - 1] as Link).taken : startTaken(start), l.taken);
        links.push(l);
      }
      const last = links[links.length - 1] as Link;
      step = search([{ taken: last.taken, at: last.to, origin: start }]);
    }
    paths.push({ strategy: 'pairs', purpose: `takes ${count} transition pairs not taken before`, walk: { start, links } });
  }
  return paths;
}
