import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import { delayName } from '../time/timerChanges.ts';

/** One transition of a statechart, as drawn: from a state, on an event or deadline, to targets. */
export interface TransitionInfo {
  /** Stable id: `source|trigger|index` (index among the source's transitions on that trigger). */
  id: string;
  source: string;
  /** The event type, `after <delay>` for a deadline, or `always` for an eventless transition. */
  trigger: string;
  targets: string[];
  guard?: string;
  /** `process.review —review.completed [findingIs]→ process.compliance` */
  label: string;
}

interface NodeLike {
  id: string;
  path: string[];
  transitions: Map<string, AnyTransitionDefinition[]>;
  always?: AnyTransitionDefinition[];
  states: Record<string, NodeLike>;
  machine: { root: { id: string } };
}

const infos = new WeakMap<AnyTransitionDefinition, TransitionInfo>();

/**
 * Every transition of a machine, in document order, with stable ids.
 *
 * @example
 * machineTransitions(subpoenaMachine).map((t) => t.label)
 * // ['process.intake —always→ process.refused', …, 'process.review —review.completed [findingIs]→ process.compliance', …]
 */
export function machineTransitions(machine: AnyStateMachine): TransitionInfo[] {
  const out: TransitionInfo[] = [];
  const walk = (node: NodeLike) => {
    for (const [, defs] of node.transitions) defs.forEach((d, i) => out.push(transitionInfo(d, i)));
    (node.always ?? []).forEach((d, i) => out.push(transitionInfo(d, i)));
    Object.values(node.states).forEach(walk);
  };
  walk(machine.root as unknown as NodeLike);
  return out;
}

/** The id of a transition XState took (from a stepper's `taken` list). */
export function transitionId(def: AnyTransitionDefinition): string {
  const known = infos.get(def);
  if (known) return known.id;
  const source = def.source as unknown as NodeLike;
  const list = def.eventType === '' ? (source.always ?? []) : (source.transitions.get(def.eventType) ?? []);
  return transitionInfo(def, Math.max(0, list.indexOf(def))).id;
}

function transitionInfo(def: AnyTransitionDefinition, index: number): TransitionInfo {
  const known = infos.get(def);
  if (known) return known;
  const source = def.source as unknown as NodeLike;
  const local = (node: NodeLike) => node.path.join('.') || '(root)';
  const trigger = def.eventType === '' ? 'always' : def.eventType.startsWith('xstate.after.') ? `after ${delayName(def.eventType)}` : def.eventType;
  const targets = (def.target ?? []).map((t) => local(t as unknown as NodeLike));
  const g = def.guard as unknown;
  const guard = typeof g === 'string' ? g : g && typeof g === 'object' && 'type' in g && typeof g.type === 'string' ? g.type : g ? 'inline guard' : undefined;
  const info: TransitionInfo = {
    id: `${local(source)}|${trigger}|${index}`,
    source: local(source),
    trigger,
    targets,
    ...(guard ? { guard } : {}),
    label: `${local(source)} —${trigger}${guard ? ` [${guard}]` : ''}→ ${targets.length ? targets.join(', ') : '(stays)'}`,
  };
  infos.set(def, info);
  return info;
}
