import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { type DeclaredValues, eventVariants } from '../explore/eventVariants.ts';
import { explore } from '../explore/explore.ts';
import type { Exploration, ExploreInput, Link } from '../explore/Exploration.ts';
import { stepperOf } from '../explore/pureStepper.ts';
import { type TransitionInfo, machineTransitions, transitionId } from './machineTransitions.ts';
import { outsideEvents } from '../explore/outsideEvents.ts';

/** A machine's exact timed graph with its edges kept, ready for path generation. */
export interface TimedGraph {
  machine: AnyStateMachine;
  inputs: readonly ExploreInput[];
  /** The concrete outside events explored in every state. */
  events: readonly { type: string }[];
  run: Exploration;
  /** The start node of each input, in input order. */
  starts: number[];
  /** The transitions each input's start takes (eventless ones from the initial states). */
  startTaken: string[][];
  /** Every statechart transition of the machine, in document order. */
  transitions: TransitionInfo[];
  /** Ids of transitions some path takes. */
  reachable: Set<string>;
}

/** A walk through the graph: a start node and the edges taken from it. */
export interface Walk {
  start: number;
  links: Link[];
}

/**
 * Explores a machine into a timed graph for path generation. Zones merge only when equal, so
 * every walk through the graph is a run the machine can really make, and can be dated.
 *
 * @example
 * const graph = timedGraph(machine, entry.inputs, entry.alphabet);
 */
export function timedGraph(machine: AnyStateMachine, inputs: readonly ExploreInput[], declared: DeclaredValues, maxStates = 200_000): TimedGraph {
  const events = eventVariants(outsideEvents(machine), declared);
  const run = explore(machine, { inputs, events, subsumption: false, links: true, maxStates });
  if (!run.complete) throw new Error(`path generation needs the whole graph, but exploring stopped at ${run.nodes.length} states (${run.stopped?.reason})`);
  const starts = run.nodes.filter((n) => n.parent < 0).map((n) => n.id);
  const transitions = machineTransitions(machine);
  const startTaken = startTakenOf(machine, inputs);
  return { machine, inputs, events, run, starts, startTaken, transitions, reachable: takenIn(run, startTaken) };
}

/** The transitions each input's start takes (eventless ones out of an intake, say), by id. */
export function startTakenOf(machine: AnyStateMachine, inputs: readonly ExploreInput[]): string[][] {
  return inputs.map(({ input }) => stepperOf(machine).initial(input)[2].map(transitionId));
}

/** Ids of the transitions some run takes: on an explored graph's links (kept with `links`), or as it starts. */
export function takenIn(run: Exploration, startTaken: readonly (readonly string[])[]): Set<string> {
  const taken = new Set<string>(startTaken.flat());
  for (const out of run.links) for (const link of out) link.taken.forEach((t) => taken.add(t));
  return taken;
}

/** Ids of the state nodes active in a snapshot (the root left out), e.g. `process.review`. */
export function activeStates(snapshot: AnyMachineSnapshot): string[] {
  const nodes = (snapshot as unknown as { _nodes: { path: string[]; parent?: unknown }[] })._nodes;
  return nodes.filter((n) => n.parent).map((n) => n.path.join('.'));
}

/**
 * Shortest walks (fewest steps) from `from` to every node, as a predecessor table: the link
 * that first reached each node, and the node it came from.
 */
export function shortestFrom(graph: TimedGraph, from: readonly number[]): { via: (Link | undefined)[]; prev: number[]; origin: number[] } {
  const n = graph.run.nodes.length;
  const via: (Link | undefined)[] = new Array(n);
  const prev = new Array<number>(n).fill(-1);
  const origin = new Array<number>(n).fill(-1);
  const queue = [...from];
  from.forEach((s) => (origin[s] = s));
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    for (const link of graph.run.links[u] ?? []) {
      if (origin[link.to] !== -1) continue;
      origin[link.to] = origin[u] as number;
      prev[link.to] = u;
      via[link.to] = link;
      queue.push(link.to);
    }
  }
  return { via, prev, origin };
}

/** The links from a search's origin to `to`, read back from a predecessor table. */
export function walkTo(table: { via: (Link | undefined)[]; prev: number[] }, to: number): Link[] {
  const links: Link[] = [];
  for (let at = to; table.prev[at] !== -1; at = table.prev[at] as number) links.unshift(table.via[at] as Link);
  return links;
}


/**
 * The shortest walk from one of `from` whose last edge `wanted` accepts, searching breadth
 * first and stopping at the first such edge; null when none is reachable.
 */
export function nearestEdge(graph: TimedGraph, from: readonly number[], wanted: (link: Link, at: number) => boolean): { origin: number; links: Link[] } | null {
  const prev = new Map<number, { at: number; link: Link }>();
  const origin = new Map<number, number>(from.map((s) => [s, s]));
  const order = [...from];
  for (let head = 0; head < order.length; head++) {
    const u = order[head] as number;
    for (const link of graph.run.links[u] ?? []) {
      if (wanted(link, u)) {
        const links = [link];
        for (let at = u; prev.has(at); at = (prev.get(at) as { at: number }).at) links.unshift((prev.get(at) as { link: Link }).link);
        return { origin: origin.get(u) as number, links };
      }
      if (!origin.has(link.to)) {
        origin.set(link.to, origin.get(u) as number);
        prev.set(link.to, { at: u, link });
        order.push(link.to);
      }
    }
  }
  return null;
}
