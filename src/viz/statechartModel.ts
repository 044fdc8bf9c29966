import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { Source } from '../domain/source.ts';
import { machineTransitions, transitionId } from '../paths/machineTransitions.ts';
import { machineTimers } from '../time/machineTimers.ts';
import { guardExpression } from './guardExpression.ts';
import { ROOT_ID, STATECHART_FORMAT, type StatechartEdge, type StatechartJson, type StatechartNode, type StatechartTimer } from './StatechartJson.ts';

/**
 * A machine's statechart as plain data: one node per state node, one edge per transition of
 * `machineTransitions`, with descriptions, tags, legal sources and timer lengths. Provide the
 * policy first (`withPolicy`) so policy timers have their lengths, name it in `policy`, and give
 * its `sources` for the citations of those lengths (the defaults' otherwise).
 *
 * @example
 * const chart = statechartModel(withPolicy(subpoenaMachine, version), { id: 'cloudflare', version: version.title }, version.sources);
 * chart.edges.find((e) => e.timer?.delay === 'objectionWindow')?.timer // { delay: 'objectionWindow', days: 14, setBy: 'policy', source: 'DOMAIN §11 q10 [?] …', confidence: '?' }
 */
export function statechartModel(machine: AnyStateMachine, policy?: { id: string; version: string }, sources?: Readonly<Record<string, string>>): StatechartJson {
  const nodes: StatechartNode[] = [];
  const defs = new Map<string, AnyTransitionDefinition>();
  const walk = (node: AnyStateNode) => {
    nodes.push(nodeOf(node));
    for (const [, list] of node.transitions) for (const def of list) defs.set(transitionId(def), def);
    for (const def of node.always ?? []) defs.set(transitionId(def), def);
    Object.values(node.states).forEach(walk);
  };
  walk(machine.root);

  const timers = new Map(machineTimers(machine, sources).map((t) => [t.name, t]));
  const edges = machineTransitions(machine).map((info): StatechartEdge => {
    const def = defs.get(info.id);
    const delay = info.trigger.startsWith('after ') ? info.trigger.slice('after '.length) : undefined;
    const known = delay === undefined ? undefined : timers.get(delay);
    const timer: StatechartTimer | null =
      delay === undefined ? null : { delay, days: known?.days ?? null, setBy: known?.setBy ?? 'case', ...(known?.source ? { source: known.source } : {}), ...(known?.confidence ? { confidence: known.confidence } : {}) };
    return {
      id: info.id,
      source: info.source,
      trigger: info.trigger,
      event: def?.eventType ? def.eventType : null,
      targets: info.targets,
      guard: info.guard ?? null,
      guardExpression: guardExpression(def?.guard, machine),
      reenter: def?.reenter ?? false,
      description: textOrNull(def?.description),
      timer,
      sources: sourcesOf(def?.meta),
    };
  });
  const title = (machine.root.meta as { title?: unknown } | undefined)?.title;
  return {
    format: STATECHART_FORMAT,
    machine: machine.id,
    title: typeof title === 'string' ? title : null,
    policy: policy ?? null,
    nodes,
    edges,
  };
}

/**
 * A node's id in the chart: its path joined by ".", or `(root)`.
 *
 * @example
 * nodeId(machine.root.states.notice.states.sent) // 'notice.sent'
 */
export function nodeId(node: { path: readonly string[] }): string {
  return node.path.length ? node.path.join('.') : ROOT_ID;
}

function nodeOf(node: AnyStateNode): StatechartNode {
  const initial = node.type === 'compound' ? node.initial.target[0] : undefined;
  const history = node.type === 'history' && (node.history === 'shallow' || node.history === 'deep') ? node.history : null;
  return {
    id: nodeId(node),
    key: node.key,
    type: node.type,
    parent: node.parent ? nodeId(node.parent) : null,
    initial: initial ? nodeId(initial) : null,
    history,
    description: textOrNull(node.description),
    tags: [...node.tags],
    sources: sourcesOf(node.meta),
  };
}

function textOrNull(text: unknown): string | null {
  return typeof text === 'string' && text.length > 0 ? text : null;
}

/** The valid legal sources in a `meta.sources` list; anything else in meta is not a source. */
function sourcesOf(meta: unknown): Source[] {
  const list = meta && typeof meta === 'object' && 'sources' in meta && Array.isArray(meta.sources) ? (meta.sources as unknown[]) : [];
  return list.flatMap((s) => {
    const parsed = Source.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
}
