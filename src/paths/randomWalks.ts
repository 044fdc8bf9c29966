import type { Link } from '../explore/Exploration.ts';
import type { PlannedPath } from './PlannedPath.ts';
import type { TimedGraph } from './TimedGraph.ts';

/** Reproducible pseudo-random numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomWalkOptions {
  seed: number;
  walks: number;
  /** A walk stops after this many steps… */
  maxSteps: number;
  /** …or after this many steps in a row that take no transition new to the walks so far. */
  idleSteps: number;
}

/**
 * Seeded random walks: each starts at a random input and takes random edges until it reaches
 * `maxSteps`, a dead end, or `idleSteps` steps without a new transition. Same seed, same walks.
 *
 * @example
 * randomWalks(graph, { seed: 42, walks: 3, maxSteps: 20, idleSteps: 6 })
 */
export function randomWalks(graph: TimedGraph, options: RandomWalkOptions): PlannedPath[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const seen = new Set<string>();
  const paths: PlannedPath[] = [];
  for (let w = 0; w < options.walks; w++) {
    const start = pick(graph.starts);
    const links: Link[] = [];
    let idle = 0;
    for (let at = start; links.length < options.maxSteps && idle < options.idleSteps; ) {
      const out = graph.run.links[at] ?? [];
      if (!out.length) break;
      const link = pick(out);
      links.push(link);
      const fresh = link.taken.filter((t) => !seen.has(t));
      fresh.forEach((t) => seen.add(t));
      idle = fresh.length ? 0 : idle + 1;
      at = link.to;
    }
    paths.push({ strategy: 'random', purpose: `random walk ${w + 1} of ${options.walks}, seed ${options.seed}`, walk: { start, links } });
  }
  return paths;
}
