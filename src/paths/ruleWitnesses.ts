import type { AnyMachineSnapshot } from 'xstate';
import type { ExploredNode, Link } from '../explore/Exploration.ts';
import type { StepInfo } from '../explore/Monitor.ts';
import type { StepMatch } from '../rules/language.ts';
import type { PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, nearestEdge } from './TimedGraph.ts';

/**
 * For every rule with a premise, the shortest walk to a step that triggers it, then on to the
 * nearest settled moment (the case closed, nothing pending), so the scenario shows what the
 * machine does about it. A premise met on receipt gets a walk from that start.
 *
 * @example
 * ruleWitnesses(graph, [{ rule: 'delayed-notice', match: entering('noticeDue') }])
 */
export function ruleWitnesses(graph: TimedGraph, premises: readonly { rule: string; match: StepMatch }[]): PlannedPath[] {
  const { nodes } = graph.run;
  const node = (id: number) => nodes[id] as ExploredNode;
  const input = (id: number) => graph.inputs[node(id).input]?.input;
  const info = (from: number, link: Link): StepInfo => ({
    kind: link.step.kind === 'timer' ? 'timer' : 'event',
    event: (link.step.event ?? { type: '' }) as StepInfo['event'],
    ...(link.step.delay ? { delay: link.step.delay } : {}),
    pre: node(from).snapshot,
    post: node(link.to).snapshot,
    ...(link.through ? { through: link.through as AnyMachineSnapshot[] } : {}),
    ...(link.raised ? { raised: link.raised as NonNullable<StepInfo['raised']> } : {}),
    input: input(from),
  });
  const settled = (id: number) => node(id).snapshot.hasTag('closed') && node(id).timers.length === 0;
  return premises.flatMap(({ rule, match }) => {
    const onReceipt = graph.starts.find((s) => match({ kind: 'start', event: { type: 'xstate.init' }, pre: null, post: node(s).snapshot, ...(node(s).through ? { through: node(s).through as AnyMachineSnapshot[] } : {}), ...(node(s).raised ? { raised: node(s).raised as NonNullable<StepInfo['raised']> } : {}), input: input(s) }));
    const found = onReceipt !== undefined ? { origin: onReceipt, links: [] as Link[] } : nearestEdge(graph, graph.starts, (link, at) => match(info(at, link)));
    if (!found) return [];
    const end = found.links.length ? (found.links[found.links.length - 1] as Link).to : found.origin;
    const rest = settled(end) ? null : nearestEdge(graph, [end], (link) => settled(link.to));
    return [{ strategy: 'rules' as const, purpose: `triggers ${rule}`, rule, walk: { start: found.origin, links: [...found.links, ...(rest?.links ?? [])] } }];
  });
}
