import { InputError } from '../domain/InputError.ts';
import type { Exploration, ExploreInput, Link, Violation } from './Exploration.ts';
import { type GraphQuotient, graphQuotient } from './graphQuotient.ts';
import { linkInfos, startInfo } from './linkInfos.ts';
import type { Monitor, MonitorStep, StepInfo } from './Monitor.ts';
import { pathAlong } from './pathOf.ts';

/** A clockless monitor's verdict over an exact graph: its first violation, the pairs it visited and the links it followed between them. */
export interface GraphWatch {
  violation: Violation | null;
  states: number;
  transitions: number;
}

/**
 * Runs a monitor that reads no clock over an explored graph whose every edge is exact
 * (`subsumption: false`, with `links`), breadth first over (graph node, monitor state) pairs.
 * Such a monitor's verdicts never depend on a zone, so this product reaches what the explorer's
 * own product reaches, without a zone operation; the first violation met is a shortest one.
 * Returns null when the monitor turns out to read a clock (a violation bounded by one, or a
 * deadline): that monitor must run in the explorer's timed product. A clock it only starts or
 * stops changes no verdict, so a window rule whose window never decides anything (no run takes
 * the step it times) is walked here. The walk goes first over the graph with its zones forgotten
 * (`graphQuotient`), where a proof holds for the graph too and takes a fraction of the steps;
 * states and transitions are then the quotient's. A violation or clock met there may be no dated
 * run's, so the graph itself is walked. A graph explored with covering zones, or without its
 * links, is refused with an InputError: walking it could miss a violation.
 *
 * @example
 * const graph = explore(machine, { inputs, events, subsumption: false, links: true });
 * const watched = watchGraph(graph, monitor, inputs); // null: needs the timed product
 */
export function watchGraph<S>(graph: Exploration<S>, monitor: Monitor, inputs: readonly ExploreInput[]): GraphWatch | null {
  const { nodes, links } = graph;
  // A covered zone's node stands for states it may not reach, and without links the walk sees no edge: either would hide violations.
  if (graph.subsumption) throw new InputError('invalid', 'graph.subsumption', true, 'the graph reused covering zones, so its edges are not exact', 'explore it with { subsumption: false, links: true }');
  // Most rules hold, and over the zone-free quotient a proof walks a fraction of the links; only a violation or a clock met there needs the graph's own walk.
  const proved = holdsOverQuotient(graphQuotient(graph, inputs), monitor);
  if (proved) return { violation: null, ...proved };
  const infos = linkInfos(graph, inputs);
  const pairNode: number[] = [];
  const pairState: unknown[] = [];
  const parent: number[] = [];
  const via: (Link | null)[] = [];
  /** Monitor states by key, and for each, the pair of each graph node in that state (-1: none yet). */
  const stateOf = new Map<string, number>();
  const pairs: Int32Array[] = [];
  // A clock that is started or stopped but never read changes no verdict: only a bound on a violation, or a deadline, reads one.
  const usesClocks = (v: MonitorStep<unknown>) => v.violation?.when !== undefined || (monitor.deadline?.(v.state) ?? null) !== null;
  /** The violation on `link`, taken from `pair`: the walk of links back to a start, then `link`. */
  const violationAt = (pair: number, link: Link, message: string): Violation => {
    const walk: Link[] = [link];
    let p = pair;
    for (; parent[p] !== -1; p = parent[p] as number) walk.unshift(via[p] as Link);
    const start = pairNode[p] as number;
    return { message, path: pathAlong(nodes, start, walk), nodes: [start, ...walk.slice(0, -1).map((l) => l.to)] };
  };
  const visit = (node: number, state: unknown, from: number, link: Link | null): void => {
    const key = monitor.key(state);
    let k = stateOf.get(key);
    if (k === undefined) {
      stateOf.set(key, (k = pairs.length));
      pairs.push(new Int32Array(nodes.length).fill(-1));
    }
    const row = pairs[k] as Int32Array;
    if ((row[node] as number) >= 0) return;
    row[node] = pairNode.length;
    pairNode.push(node);
    pairState.push(state);
    parent.push(from);
    via.push(link);
  };

  for (const node of nodes) {
    if (node.parent !== -1) continue;
    const verdict = monitor.initial(startInfo(node, inputs));
    if (usesClocks(verdict)) return null;
    if (verdict.violation) {
      return { violation: { message: verdict.violation.message, path: [node.step], nodes: [] }, states: pairNode.length, transitions: 0 };
    }
    visit(node.id, verdict.state, -1, null);
  }
  let transitions = 0;
  for (let pair = 0; pair < pairNode.length; pair++) {
    const from = nodes[pairNode[pair] as number];
    if (!from) continue;
    const out = links[from.id] ?? [];
    const seen = infos(from.id);
    for (let j = 0; j < out.length; j++) {
      const link = out[j] as Link;
      const verdict = monitor.step(pairState[pair], seen[j] as StepInfo);
      transitions++;
      if (usesClocks(verdict)) return null;
      if (verdict.violation) return { violation: violationAt(pair, link, verdict.violation.message), states: pairNode.length, transitions };
      visit(link.to, verdict.state, pair, link);
    }
  }
  return { violation: null, states: pairNode.length, transitions };
}

/**
 * The pairs and steps walked when a clockless monitor meets neither a violation nor a clock over
 * the quotient of a graph (`graphQuotient`), breadth first over (class, monitor state) pairs;
 * null when it meets either, and the graph itself must be walked.
 */
function holdsOverQuotient(q: GraphQuotient, monitor: Monitor): { states: number; transitions: number } | null {
  const reads = (v: MonitorStep<unknown>) => v.violation !== undefined || (monitor.deadline?.(v.state) ?? null) !== null;
  const pairClass: number[] = [];
  const pairState: unknown[] = [];
  const stateOf = new Map<string, Int32Array>();
  const visit = (cls: number, state: unknown) => {
    const key = monitor.key(state);
    let row = stateOf.get(key);
    if (!row) stateOf.set(key, (row = new Int32Array(q.steps.length).fill(-1)));
    if ((row[cls] as number) >= 0) return;
    row[cls] = pairClass.length;
    pairClass.push(cls);
    pairState.push(state);
  };
  for (const { to, info } of q.starts) {
    const verdict = monitor.initial(info);
    if (reads(verdict)) return null;
    visit(to, verdict.state);
  }
  let transitions = 0;
  for (let pair = 0; pair < pairClass.length; pair++) {
    const cls = pairClass[pair] as number;
    const steps = q.steps[cls] as readonly StepInfo[];
    const targets = q.targets[cls] as readonly number[];
    for (let j = 0; j < steps.length; j++) {
      const verdict = monitor.step(pairState[pair], steps[j] as StepInfo);
      transitions++;
      if (reads(verdict)) return null;
      visit(targets[j] as number, verdict.state);
    }
  }
  return { states: pairClass.length, transitions };
}
