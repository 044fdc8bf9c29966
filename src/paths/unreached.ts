import type { AnyStateMachine } from 'xstate';
import type { Exploration, ExploreInput } from '../explore/Exploration.ts';
import { activeStates, startTakenOf, takenIn } from './TimedGraph.ts';
import { machineTransitions } from './machineTransitions.ts';

interface ChartNode {
  type: string;
  path: string[];
  parent?: ChartNode;
  initial?: { target: readonly ChartNode[] };
  states: Record<string, ChartNode>;
}

/** What of a statechart no run uses: states it never enters, transitions it never takes. */
export interface Unreached {
  /** State paths (`process.noRecords`), in document order. */
  states: string[];
  /** Transition labels (`process.review —review.completed [findingIs]→ process.compliance`), in document order. */
  transitions: string[];
}

/**
 * The states no run of an explored graph (kept with `links`) ever enters and the transitions it
 * never takes, as SPIN lists unreached code. A transition is taken when some step, the start
 * included, takes it. A state counts as entered when a stable snapshot holds it, or a taken
 * transition leaves it or may enter it (its targets, their ancestors and default children, and
 * the default children of the other regions of a parallel ancestor): a state passed through
 * within one step is not listed, and one listed is never entered.
 *
 * @example
 * unreached(machine, graph, inputs).states; // ['process.noRecords']
 */
export function unreached(machine: AnyStateMachine, graph: Exploration, inputs: readonly ExploreInput[]): Unreached {
  const taken = takenIn(graph, startTakenOf(machine, inputs));
  const root = machine.root as unknown as ChartNode;
  const byPath = new Map<string, ChartNode>();
  const walk = (node: ChartNode) => Object.values(node.states).forEach((child) => (byPath.set(child.path.join('.'), child), walk(child)));
  walk(root);
  const entered = new Set<string>(graph.nodes.flatMap((n) => activeStates(n.snapshot)));
  /** A node and its default children; a history node may return to any of its siblings. */
  const enter = (node: ChartNode | undefined): void => {
    if (!node) return;
    if (node.type === 'history') return Object.values(node.parent?.states ?? {}).forEach((n) => n !== node && enter(n));
    if (node.parent) entered.add(node.path.join('.'));
    if (node.type === 'parallel') Object.values(node.states).forEach(enter);
    else node.initial?.target.forEach(enter);
  };
  const withAncestors = (node: ChartNode | undefined) => {
    for (let n = node; n?.parent; n = n.parent) {
      entered.add(n.path.join('.'));
      if (n.parent.type === 'parallel') Object.values(n.parent.states).forEach(enter);
    }
  };
  enter(root);
  const transitions = machineTransitions(machine);
  for (const t of transitions) {
    if (!taken.has(t.id)) continue;
    withAncestors(byPath.get(t.source));
    for (const target of t.targets) {
      const node = byPath.get(target);
      withAncestors(node);
      enter(node);
    }
  }
  const states = [...byPath].filter(([path, node]) => node.type !== 'history' && !entered.has(path)).map(([path]) => path);
  return { states, transitions: transitions.filter((t) => !taken.has(t.id)).map((t) => t.label) };
}
