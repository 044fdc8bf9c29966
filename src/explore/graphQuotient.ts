import type { Exploration, ExploreInput } from './Exploration.ts';
import { linkInfos, startInfo } from './linkInfos.ts';
import type { StepInfo } from './Monitor.ts';

/**
 * An exact graph with its zones forgotten: one class per machine state and input, and one step
 * per distinct thing a monitor can see leave it. Every run of the graph is a run of the quotient,
 * step for step, so a clockless monitor that holds over the quotient holds over the graph; the
 * quotient has runs the clocks forbid too (a timer firing before a shorter one), so a violation
 * met there is only a lead, to be confirmed over the graph itself.
 */
export interface GraphQuotient {
  /** Each run's first step, with the class it starts in. */
  starts: { to: number; info: StepInfo }[];
  /** Each class's distinct steps out, and the class each leads to, in the same order. */
  steps: (readonly StepInfo[])[];
  targets: (readonly number[])[];
}

const made = new WeakMap<Exploration<unknown>, WeakMap<readonly ExploreInput[], GraphQuotient>>();

/**
 * The quotient of an explored graph (kept with `links`) by machine state and input, made once
 * per graph and inputs list. Nodes of one state share a snapshot object (`exploreSteps` keeps the
 * first), and links that take one step share a step object (`linkInfos`), so both are told apart
 * by identity.
 *
 * @example
 * const q = graphQuotient(graph, inputs);
 * q.steps.length <= graph.nodes.length; // true
 */
export function graphQuotient<S>(graph: Exploration<S>, inputs: readonly ExploreInput[]): GraphQuotient {
  let byInputs = made.get(graph as Exploration<unknown>);
  if (!byInputs) made.set(graph as Exploration<unknown>, (byInputs = new WeakMap()));
  const known = byInputs.get(inputs);
  if (known) return known;
  const { nodes, links } = graph;
  const row = linkInfos(graph, inputs);
  const classOf = new Int32Array(nodes.length);
  const byInput = inputs.map(() => new Map<unknown, number>());
  let classes = 0;
  for (const node of nodes) {
    const ids = byInput[node.input] as Map<unknown, number>;
    let id = ids.get(node.snapshot);
    if (id === undefined) ids.set(node.snapshot, (id = classes++));
    classOf[node.id] = id;
  }
  const steps: StepInfo[][] = Array.from({ length: classes }, () => []);
  const targets: number[][] = Array.from({ length: classes }, () => []);
  const seen: Set<StepInfo>[] = Array.from({ length: classes }, () => new Set());
  const starts: GraphQuotient['starts'] = [];
  for (const node of nodes) {
    const from = classOf[node.id] as number;
    if (node.parent === -1) starts.push({ to: from, info: startInfo(node, inputs) });
    const out = links[node.id] ?? [];
    const infos = row(node.id);
    const had = seen[from] as Set<StepInfo>;
    for (let j = 0; j < out.length; j++) {
      const info = infos[j] as StepInfo;
      if (had.has(info)) continue;
      had.add(info);
      (steps[from] as StepInfo[]).push(info);
      (targets[from] as number[]).push(classOf[(out[j] as { to: number }).to] as number);
    }
  }
  const quotient = { starts, steps, targets };
  byInputs.set(inputs, quotient);
  return quotient;
}
