import { InputError } from '../domain/InputError.ts';
import type { Exploration, ExploreInput, ExploredNode, Link } from './Exploration.ts';
import type { StepInfo } from './Monitor.ts';

const NO_STATES: readonly unknown[] = [];

/** The event a run's first step carries, as XState names it. */
export const START_EVENT = { type: 'xstate.init' };

/** Rows made so far, per graph and inputs list: every monitor watched over a graph reads the same steps. */
const made = new WeakMap<Exploration<unknown>, WeakMap<readonly ExploreInput[], { rows: StepInfo[][]; shared: SharedInfos }>>();

/** Shared steps by input, then by the objects of the state before, the event and the state after (a step's `through` and `raised` follow from those). */
type SharedInfos = Map<unknown, Map<object, Map<unknown, StepInfo>>>[];

/**
 * What a monitor sees of a run's first step, into a start node of an explored graph.
 *
 * @example
 * monitor.initial(startInfo(graph.nodes[0], inputs));
 */
export function startInfo<S>(node: ExploredNode<S>, inputs: readonly ExploreInput[]): StepInfo {
  return { kind: 'start', event: START_EVENT, pre: null, post: node.snapshot, through: node.through ?? NO_STATES, raised: node.raised ?? NO_STATES, input: inputs[node.input]?.input } as unknown as StepInfo;
}

/**
 * What a monitor sees of each link of an explored graph kept with `links`: `row(id)` is the step
 * of each of node `id`'s links, in link order. A row is made the first time it is asked for and
 * kept for the graph and inputs list, so every monitor over the graph shares it. Links that take
 * one machine step (from and to the same snapshot objects, by the same event object, on a run from
 * the same input, as links between zones of the same states do) share one object. A graph
 * explored without its links is refused with an InputError: there would be no step to see.
 *
 * @example
 * const row = linkInfos(graph, inputs);
 * row(0).some((info) => info.event.type === 'data.disclosed');
 */
export function linkInfos<S>(graph: Exploration<S>, inputs: readonly ExploreInput[]): (id: number) => readonly StepInfo[] {
  const { nodes, links } = graph;
  if (nodes.length > 0 && links.length !== nodes.length) throw new InputError('invalid', 'graph.links', `${links.length} of ${nodes.length} nodes`, 'the graph kept no edges to walk', 'explore it with { subsumption: false, links: true }');
  let byInputs = made.get(graph as Exploration<unknown>);
  if (!byInputs) made.set(graph as Exploration<unknown>, (byInputs = new WeakMap()));
  let kept = byInputs.get(inputs);
  if (!kept) byInputs.set(inputs, (kept = { rows: [], shared: inputs.map(() => new Map()) }));
  const { rows, shared } = kept;
  const infoOf = (from: ExploredNode<S>, link: Link): StepInfo => {
    const event = link.step.event ?? START_EVENT;
    const post = (nodes[link.to] as ExploredNode<S>).snapshot;
    const byPre = shared[from.input] as SharedInfos[number];
    let byEvent = byPre.get(from.snapshot);
    if (!byEvent) byPre.set(from.snapshot, (byEvent = new Map()));
    let byPost = byEvent.get(event);
    if (!byPost) byEvent.set(event, (byPost = new Map()));
    let info = byPost.get(post);
    if (!info) {
      const { step, through, raised } = link;
      info = { kind: step.kind, event, delay: step.delay, pre: from.snapshot, post, through: through ?? NO_STATES, raised: raised ?? NO_STATES, input: inputs[from.input]?.input } as unknown as StepInfo;
      byPost.set(post, info);
    }
    return info;
  };
  return (id) => {
    let row = rows[id];
    if (row) return row;
    const from = nodes[id] as ExploredNode<S>;
    row = (links[id] ?? []).map((link) => infoOf(from, link));
    rows[id] = row;
    return row;
  };
}
