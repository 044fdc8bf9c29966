import type { Exploration, ExploreInput } from './Exploration.ts';
import { linkInfos, startInfo } from './linkInfos.ts';
import type { StepInfo } from './Monitor.ts';

/**
 * Whether some run of an explored graph (kept with `links`) takes a step `match` accepts, its
 * start included. Every stored node is reachable and every link is a step some run takes (a
 * covering zone reaches at least what the zones it covers reach), so a step no link matches is
 * one no run takes. The checker asks it of each proved rule's premise: a rule whose premise no
 * run meets was proved without ever having anything to check.
 *
 * @example
 * takesStep(graph, inputs, (info) => info.event.type === 'data.disclosed'); // false: nothing is ever disclosed
 */
export function takesStep<S>(graph: Exploration<S>, inputs: readonly ExploreInput[], match: (info: StepInfo) => boolean): boolean {
  const row = linkInfos(graph, inputs);
  for (const node of graph.nodes) {
    if (node.parent === -1 && match(startInfo(node, inputs))) return true;
    if (row(node.id).some(match)) return true;
  }
  return false;
}
