import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyTransitionDefinition, and, createEmptyActor, matchesState, not, or, StateNode, type StateValue, stateIn } from 'xstate';
import { type ChartNode, type ChartTransition, isInFinalState, StatechartSets } from './statechartSets.ts';
import { unsupportedFeature } from './fastSupport.ts';

type Action = { type: string; params?: unknown; info?: unknown; exec?: unknown };
type Event = { type: string };
type Step = [AnyMachineSnapshot, Action[], AnyTransitionDefinition[]];
type Builtin = ((...args: never[]) => unknown) & { type?: string; check?: unknown; guards?: unknown[]; stateValue?: StateValue; assignment?: unknown; resolve?: (...args: unknown[]) => [unknown, unknown, unknown] };

/** A snapshot's part that a step changes; a new object exactly where XState makes a new snapshot. */
interface State {
  context: unknown;
  nodes: readonly ChartNode[];
  status: string;
  value: StateValue | null;
}

/** Thrown for what the port does not cover; the caller then asks XState itself. */
export class NotPorted extends Error {}

const checkOf = (guard: unknown) => (guard as { check: unknown }).check;
const CHECKS = { stateIn: checkOf(stateIn('#')), and: checkOf(and([])), or: checkOf(or([])), not: checkOf(not(() => true)) };

/**
 * XState v5's `machine.transition(snapshot, event)` (its `macrostep`, `microstep`,
 * `selectTransitions`, `selectEventlessTransitions`, `enterStates`, `exitStates` and action
 * resolution), ported for machines built of atomic, compound, parallel and final states whose
 * actions are `assign`, `raise`, `cancel`, `log` or plain functions. It returns what
 * `pureStepper` returns — the next snapshot, the actions XState would have handed its executor,
 * and the transitions each microstep took — without the snapshot cloning, memo look-ups and
 * inspection events that are most of XState's cost. Null when the machine uses anything else
 * (`fastSupport`); a step that meets something unported at run time (`spawn` inside an
 * `assign`, a guard that throws) throws `NotPorted`, and the caller falls back to XState.
 * `TransitionCache` compares the two on every step when asked to (`verify`), and the test suite
 * does so over the whole catalogue.
 *
 * @example
 * const step = fastStepper(machine);
 * const [next, actions, taken] = step?.next(snapshot, { type: 'review.completed', finding: 'sufficient' }) ?? pureStepper(machine).next(snapshot, event);
 */
export function fastStepper(machine: AnyStateMachine) {
  if (!(machine.root instanceof StateNode) || unsupportedFeature(machine)) return null;
  const root = machine.root as unknown as ChartNode;
  const sets = new StatechartSets(root);
  const implementations = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  const self = createEmptyActor();
  const scope = { self, system: self.system } as unknown as AnyActorScope;
  const maxIterations = (machine as unknown as { options?: { maxIterations?: number } }).options?.maxIterations ?? Infinity;
  const candidateCache = new Map<ChartNode, Map<string, ChartTransition[]>>();
  const byId = new Map<string, unknown>();
  const valueOf = (s: State): StateValue => {
    if (s.value === null) s.value = sets.value(s.nodes);
    if (s.value === null) throw new NotPorted('incomplete configuration');
    return s.value;
  };

  const guardPasses = (guard: unknown, context: unknown, event: Event, state: State): boolean => {
    const inline = typeof guard === 'function';
    const named = guard as string | { type: string; params?: unknown };
    const resolved = (inline ? guard : implementations.guards[typeof named === 'string' ? named : named.type]) as Builtin | undefined;
    if (!resolved) throw new NotPorted('guard not implemented');
    if (typeof resolved !== 'function') return guardPasses(resolved, context, event, state);
    const args = { context, event };
    const withParams = !inline && typeof named !== 'string' && 'params' in named;
    const params = withParams ? (typeof named.params === 'function' ? (named.params as (a: unknown) => unknown)({ context, event }) : named.params) : undefined;
    if (!('check' in resolved)) return Boolean((resolved as (a: unknown, p: unknown) => unknown)(args, params));
    const sub = (resolved.guards ?? []) as unknown[];
    if (resolved.check === CHECKS.and) return sub.every((g) => guardPasses(g, context, event, state));
    if (resolved.check === CHECKS.or) return sub.some((g) => guardPasses(g, context, event, state));
    if (resolved.check === CHECKS.not) return !guardPasses(sub[0], context, event, state);
    if (resolved.check === CHECKS.stateIn) {
      const target = resolved.stateValue;
      if (typeof target === 'string' && target.startsWith('#')) {
        if (!byId.has(target)) byId.set(target, machine.getStateNodeById(target));
        return state.nodes.includes(byId.get(target) as ChartNode);
      }
      return matchesState(target as StateValue, valueOf(state));
    }
    throw new NotPorted('a guard of an unknown kind');
  };

  const candidates = (node: ChartNode, type: string): ChartTransition[] => {
    let row = candidateCache.get(node);
    if (!row) candidateCache.set(node, (row = new Map()));
    let list = row.get(type);
    if (!list) {
      const wild = [...node.transitions.keys()].filter((d) => d !== type && matchesDescriptor(type, d)).sort((a, b) => b.length - a.length);
      row.set(type, (list = [...(node.transitions.get(type) ?? []), ...wild.flatMap((d) => node.transitions.get(d) ?? [])]));
    }
    return list;
  };
  const nodeNext = (node: ChartNode, state: State, event: Event): ChartTransition[] | undefined => {
    for (const c of candidates(node, event.type)) if (!c.guard || guardPasses(c.guard, state.context, event, state)) return [c];
    return undefined;
  };
  const transitionNode = (node: ChartNode, value: StateValue, state: State, event: Event): ChartTransition[] | undefined => {
    if (typeof value === 'string') {
      const next = nodeNext(child(node, value), state, event);
      return next?.length ? next : nodeNext(node, state, event);
    }
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0] as string;
      const next = transitionNode(child(node, key), value[key] as StateValue, state, event);
      return next?.length ? next : nodeNext(node, state, event);
    }
    const all: ChartTransition[] = [];
    for (const key of keys) {
      const sub = value[key];
      if (!sub) continue;
      const inner = transitionNode(child(node, key), sub, state, event);
      if (inner) all.push(...inner);
    }
    return all.length ? all : nodeNext(node, state, event);
  };
  const selectTransitions = (event: Event, state: State) => transitionNode(root, valueOf(state), state, event) ?? [];
  const selectEventless = (state: State, event: Event): ChartTransition[] => {
    const enabled = new Set<ChartTransition>();
    for (const atomic of state.nodes) {
      if (atomic.type !== 'atomic' && atomic.type !== 'final') continue;
      loop: for (let s: ChartNode | undefined = atomic; s; s = s.parent) {
        if (!s.always) continue;
        for (const t of s.always) {
          if (t.guard === undefined || guardPasses(t.guard, state.context, event, state)) {
            enabled.add(t);
            break loop;
          }
        }
      }
    }
    return enabled.size < 2 ? [...enabled] : sets.withoutConflicts([...enabled], new Set(state.nodes));
  };

  const resolveActions = (state: State, event: Event, actions: readonly unknown[], queue: Event[], out: Action[]): State => {
    let current = state;
    for (const action of actions) {
      const inline = typeof action === 'function';
      const named = action as string | { type: string; params?: unknown };
      const resolved = (inline ? action : implementations.actions[typeof named === 'string' ? named : named.type]) as Builtin | undefined;
      const info = { context: current.context, event, self: scope.self, system: scope.system };
      const withParams = !inline && typeof named !== 'string' && 'params' in named;
      const params = withParams ? (typeof named.params === 'function' ? (named.params as (a: unknown) => unknown)({ context: current.context, event }) : named.params) : undefined;
      if (!resolved || !('resolve' in resolved)) {
        const type = typeof named === 'string' ? named : typeof named === 'object' ? named.type : (action as { name?: string }).name || '(anonymous)';
        out.push({ type, info, params, exec: resolved });
        continue;
      }
      if (resolved.type === 'xstate.assign') {
        current = { ...current, context: assigned(current.context, info, params, resolved.assignment) };
      } else if (resolved.type === 'xstate.raise' || resolved.type === 'xstate.cancel' || resolved.type === 'xstate.log') {
        const [, resolvedParams] = (resolved.resolve as NonNullable<Builtin['resolve']>)(scope, { machine, context: current.context }, info, params, resolved, { internalQueue: queue });
        out.push({ type: resolved.type, info, params: resolvedParams });
      } else throw new NotPorted(`action ${resolved.type ?? '?'}`);
    }
    return current;
  };

  const enterStates = (state: State, event: Event, transitions: readonly ChartTransition[], active: Set<ChartNode>, queue: Event[], out: Action[]): State => {
    let next = state;
    const { enter, byDefault } = sets.entrySet(transitions);
    const completed = new Set<ChartNode>();
    for (const node of [...enter].sort((a, b) => a.order - b.order)) {
      active.add(node);
      next = resolveActions(next, event, byDefault.has(node) ? [...node.entry, ...node.initial.actions] : node.entry, queue, out);
      if (node.type !== 'final') continue;
      const parent = node.parent;
      let marker = parent?.type === 'parallel' ? parent : parent?.parent;
      if (parent?.type === 'compound') queue.push({ type: `xstate.done.state.${parent.id}`, output: undefined } as Event);
      while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(active, marker)) {
        completed.add(marker);
        queue.push({ type: `xstate.done.state.${marker.id}`, output: undefined } as Event);
        marker = marker.parent;
      }
      if (!marker) next = { ...next, status: 'done' };
    }
    return next;
  };

  const microstep = (transitions: readonly ChartTransition[], current: State, event: Event, queue: Event[], out: Action[]): State => {
    if (!transitions.length) return current;
    const active = new Set(current.nodes);
    const filtered = sets.withoutConflicts(transitions, active);
    let next = current;
    for (const s of sets.exitSet(filtered, active).sort((a, b) => b.order - a.order)) {
      next = resolveActions(next, event, s.exit, queue, out);
      active.delete(s);
    }
    next = resolveActions(next, event, filtered.flatMap((t) => t.actions), queue, out);
    next = enterStates(next, event, filtered, active, queue, out);
    const nodes = [...active];
    if (next.status === 'done') next = resolveActions(next, event, nodes.sort((a, b) => b.order - a.order).flatMap((s) => s.exit), queue, out);
    if (current.nodes.length === active.size && current.nodes.every((n) => active.has(n))) return next;
    return { ...next, nodes, value: null };
  };

  const macrostep = (snapshot: AnyMachineSnapshot, event: Event): [Step, ChartTransition[]] => {
    if (event.type === 'xstate.stop' || event.type === 'xstate.init' || event.type.startsWith('xstate.error')) throw new NotPorted(event.type);
    const s = snapshot as unknown as { context: unknown; _nodes: ChartNode[]; status: string; value: StateValue };
    const start: State = { context: s.context, nodes: s._nodes, status: s.status, value: s.value };
    const queue: Event[] = [];
    const out: Action[] = [];
    const first = selectTransitions(event, start);
    const taken = [...first];
    let next = microstep(first, start, event, queue, out);
    let eventless = true;
    let iterations = 0;
    let current = event;
    while (next.status === 'active') {
      if (++iterations > maxIterations) throw new NotPorted('maxIterations');
      let enabled: ChartTransition[] = eventless ? selectEventless(next, current) : [];
      const previous: State | undefined = enabled.length ? next : undefined;
      if (!enabled.length) {
        const raised = queue.shift();
        if (!raised) break;
        current = raised;
        enabled = selectTransitions(current, next);
      }
      next = microstep(enabled, next, current, queue, out);
      eventless = next !== previous;
      taken.push(...enabled);
    }
    if (next === start) return [[snapshot, out, taken as unknown as AnyTransitionDefinition[]], first];
    return [[snapshotOf(snapshot, next.status, next.context, next.nodes, valueOf(next)), out, taken as unknown as AnyTransitionDefinition[]], first];
  };

  return {
    next: (snapshot: AnyMachineSnapshot, event: Event): Step => macrostep(snapshot, event)[0],
    /** `next`, or null when the event selects no transition that moves or acts (as `pureStepper.taken`). */
    taken: (snapshot: AnyMachineSnapshot, event: Event): Step | null => {
      const [step, first] = macrostep(snapshot, event);
      return first.some((t) => t.target !== undefined || t.actions.length > 0) ? step : null;
    },
  };
}

function child(node: ChartNode, key: string): ChartNode {
  const found = key.startsWith('#') ? undefined : node.states[key];
  if (!found) throw new NotPorted(`state ${key}`);
  return found;
}

/**
 * The snapshot XState's `createMachineSnapshot` would build, its keys in the same order; the
 * methods and the parts a port step never changes are the previous snapshot's.
 */
function snapshotOf(previous: AnyMachineSnapshot, status: string, context: unknown, nodes: readonly ChartNode[], value: StateValue): AnyMachineSnapshot {
  const p = previous as unknown as Record<string, unknown>;
  const tags = new Set<string>();
  for (const n of nodes) for (const t of n.tags) tags.add(t);
  const built = {
    status,
    output: undefined,
    error: p.error,
    machine: p.machine,
    context,
    _nodes: nodes,
    value,
    tags,
    children: p.children,
    historyValue: p.historyValue,
    matches: p.matches,
    hasTag: p.hasTag,
    can: p.can,
    getMeta: p.getMeta,
    toJSON: p.toJSON,
  };
  return built as unknown as AnyMachineSnapshot;
}

const noSpawn = () => {
  throw new NotPorted('spawn');
};

function assigned(context: unknown, info: { context: unknown; event: Event; self: unknown; system: unknown }, params: unknown, assignment: unknown): unknown {
  if (!context) throw new NotPorted('assign without context');
  const args = { context: info.context, event: info.event, spawn: noSpawn, self: info.self, system: info.system };
  let partial: Record<string, unknown> = {};
  if (typeof assignment === 'function') partial = assignment(args, params) as Record<string, unknown>;
  else {
    for (const [key, value] of Object.entries(assignment as Record<string, unknown>)) partial[key] = typeof value === 'function' ? (value as (a: unknown, p: unknown) => unknown)(args, params) : value;
  }
  return Object.assign({}, context, partial);
}

function matchesDescriptor(type: string, descriptor: string): boolean {
  if (descriptor === type || descriptor === '*') return true;
  if (!descriptor.endsWith('.*')) return false;
  const partial = descriptor.split('.');
  const tokens = type.split('.');
  for (let i = 0; i < partial.length; i++) {
    if (partial[i] === '*') return i === partial.length - 1;
    if (partial[i] !== tokens[i]) return false;
  }
  return true;
}
