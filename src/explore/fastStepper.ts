import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyTransitionDefinition, and, createEmptyActor, matchesState, not, or, StateNode, type StateValue, stateIn } from 'xstate';
import { type Configuration, Configurations, type Selection } from './Configurations.ts';
import type { ChartNode, ChartTransition } from './statechartSets.ts';
import { unsupportedFeature } from './fastSupport.ts';

type Action = { type: string; params?: unknown; info?: unknown; exec?: unknown };
type Event = { type: string };
/** The next snapshot, the actions, the transitions taken, and the states passed through on the way (each microstep's but the last). */
type Step = [AnyMachineSnapshot, Action[], AnyTransitionDefinition[], AnyMachineSnapshot[]];
type Builtin = ((...args: never[]) => unknown) & { type?: string; check?: unknown; guards?: unknown[]; stateValue?: StateValue; assignment?: unknown; resolve?: (...args: unknown[]) => [unknown, unknown, unknown] };

/** A snapshot's part that a step changes; a new object exactly where XState makes a new snapshot. */
interface State {
  context: unknown;
  config: Configuration;
  status: string;
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
  const configs = new Configurations(machine.root as unknown as ChartNode);
  const implementations = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  const self = createEmptyActor();
  const scope = { self, system: self.system } as unknown as AnyActorScope;
  const maxIterations = (machine as unknown as { options?: { maxIterations?: number } }).options?.maxIterations ?? Infinity;
  const byId = new Map<string, unknown>();
  // Machine functions are pure (the explorer's caching already relies on it): an assignment given
  // the same context, event and parameters gives the same context, kept as one object.
  const assignments = new WeakMap<object, Map<unknown, Map<unknown, Map<unknown, unknown>>>>();
  const assignOnce = (context: unknown, action: unknown, event: Event, params: unknown, compute: () => unknown): unknown => {
    if (typeof context !== 'object' || context === null) return compute();
    let byAction = assignments.get(context);
    if (!byAction) assignments.set(context, (byAction = new Map()));
    let byEvent = byAction.get(action);
    if (!byEvent) byAction.set(action, (byEvent = new Map()));
    let byParams = byEvent.get(event);
    if (!byParams) byEvent.set(event, (byParams = new Map()));
    if (byParams.has(params)) return byParams.get(params);
    const result = compute();
    byParams.set(params, result);
    return result;
  };

  const guardPasses = (guard: unknown, context: unknown, event: Event, state: State): boolean => {
    const inline = typeof guard === 'function';
    const named = guard as string | { type: string; params?: unknown };
    const resolved = (inline ? guard : implementations.guards[typeof named === 'string' ? named : named.type]) as Builtin | undefined;
    if (!resolved) throw new NotPorted('guard not implemented');
    if (typeof resolved !== 'function') return guardPasses(resolved, context, event, state);
    const withParams = !inline && typeof named !== 'string' && 'params' in named;
    const params = withParams ? (typeof named.params === 'function' ? (named.params as (a: unknown) => unknown)({ context, event }) : named.params) : undefined;
    if (!('check' in resolved)) return Boolean((resolved as (a: unknown, p: unknown) => unknown)({ context, event }, params));
    const sub = (resolved.guards ?? []) as unknown[];
    if (resolved.check === CHECKS.and) {
      for (const g of sub) if (!guardPasses(g, context, event, state)) return false;
      return true;
    }
    if (resolved.check === CHECKS.or) {
      for (const g of sub) if (guardPasses(g, context, event, state)) return true;
      return false;
    }
    if (resolved.check === CHECKS.not) return !guardPasses(sub[0], context, event, state);
    if (resolved.check === CHECKS.stateIn) {
      const target = resolved.stateValue;
      if (typeof target === 'string' && target.startsWith('#')) {
        if (!byId.has(target)) byId.set(target, machine.getStateNodeById(target));
        return state.config.active.has(byId.get(target) as ChartNode);
      }
      return matchesState(target as StateValue, state.config.value);
    }
    throw new NotPorted('a guard of an unknown kind');
  };

  const firstPassing = (list: readonly ChartTransition[], state: State, event: Event): ChartTransition[] | undefined => {
    for (const c of list) if (!c.guard || guardPasses(c.guard, state.context, event, state)) return [c];
    return undefined;
  };
  const evaluate = (selection: Selection, state: State, event: Event): ChartTransition[] | undefined => {
    const { own, kids } = selection;
    if (kids.length === 0) return firstPassing(own, state, event);
    if (kids.length === 1) {
      const next = evaluate(kids[0] as Selection, state, event);
      return next?.length ? next : firstPassing(own, state, event);
    }
    const all: ChartTransition[] = [];
    for (const kid of kids) {
      const inner = evaluate(kid, state, event);
      if (inner) all.push(...inner);
    }
    return all.length ? all : firstPassing(own, state, event);
  };
  const selectTransitions = (event: Event, state: State): ChartTransition[] => {
    const selection = configs.selection(state.config, event.type);
    return (selection && evaluate(selection, state, event)) ?? [];
  };
  const selectEventless = (state: State, event: Event): readonly ChartTransition[] => {
    const chains = state.config.eventless;
    if (!chains.length) return NO_TRANSITIONS;
    // Most scans enable nothing, or one transition: no set or conflict check is built for those.
    let enabled: ChartTransition[] | null = null;
    for (const chain of chains) {
      loop: for (const list of chain) {
        for (const t of list) {
          if (t.guard === undefined || guardPasses(t.guard, state.context, event, state)) {
            if (!enabled) enabled = [t];
            else if (!enabled.includes(t)) enabled.push(t);
            break loop;
          }
        }
      }
    }
    if (!enabled) return NO_TRANSITIONS;
    return enabled.length === 1 ? enabled : configs.withoutConflicts(state.config, enabled);
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
        const fresh = withParams && typeof (named as { params?: unknown }).params === 'function';
        const context = fresh ? assigned(current.context, info, params, resolved.assignment) : assignOnce(current.context, resolved, event, params, () => assigned(current.context, info, params, resolved.assignment));
        current = { context, config: current.config, status: current.status };
      } else if (resolved.type === 'xstate.raise' || resolved.type === 'xstate.cancel' || resolved.type === 'xstate.log') {
        const [, resolvedParams] = (resolved.resolve as NonNullable<Builtin['resolve']>)(scope, { machine, context: current.context }, info, params, resolved, { internalQueue: queue });
        out.push({ type: resolved.type, info, params: resolvedParams });
      } else throw new NotPorted(`action ${resolved.type ?? '?'}`);
    }
    return current;
  };

  const microstep = (transitions: readonly ChartTransition[], current: State, event: Event, queue: Event[], out: Action[]): State => {
    if (!transitions.length) return current;
    if (current.status !== 'active' && current.status !== 'done') throw new NotPorted(`a step from status ${current.status}`);
    const plan = configs.plan(current.config, transitions, current.status === 'done');
    let next = current;
    for (const op of plan.ops) {
      if ('raise' in op) queue.push(op.raise);
      else next = resolveActions(next, event, op.actions, queue, out);
    }
    // State literals of one shape: a spread of a State made V8 copy it the slow way.
    if (plan.done && next.status !== 'done') next = { context: next.context, config: next.config, status: 'done' };
    return plan.changed ? { context: next.context, config: plan.to, status: next.status } : next;
  };

  const movesOrActs = (t: ChartTransition) => t.target !== undefined || t.actions.length > 0;
  /** With `onlyIfTaken`, null as soon as the event selects nothing that moves or acts: the rest of the step would be thrown away. */
  const macrostep = (snapshot: AnyMachineSnapshot, event: Event, onlyIfTaken: boolean): Step | null => {
    if (event.type === 'xstate.stop' || event.type === 'xstate.init' || event.type.startsWith('xstate.error')) throw new NotPorted(event.type);
    const s = snapshot as unknown as { context: unknown; _nodes: ChartNode[]; status: string; children: Record<string, unknown> };
    // Child actors (spawned as the machine started) are stopped when it finishes: XState's part.
    for (const _child in s.children) throw new NotPorted('a snapshot with child actors');
    const config = configs.of(s._nodes);
    if (!config) throw new NotPorted('an incomplete configuration');
    const start: State = { context: s.context, config, status: s.status };
    const queue: Event[] = [];
    const out: Action[] = [];
    const first = selectTransitions(event, start);
    if (onlyIfTaken && !first.some(movesOrActs)) return null;
    const taken = [...first];
    let next = microstep(first, start, event, queue, out);
    /** The states each microstep but the last led to: none unless an eventless transition or a raised event follows. */
    let passed: State[] | null = null;
    let eventless = true;
    let iterations = 0;
    let current = event;
    while (next.status === 'active') {
      if (++iterations > maxIterations) throw new NotPorted('maxIterations');
      let enabled: readonly ChartTransition[] = eventless ? selectEventless(next, current) : NO_TRANSITIONS;
      const previous: State | undefined = enabled.length ? next : undefined;
      if (!enabled.length) {
        const raised = queue.shift();
        if (!raised) break;
        current = raised;
        enabled = selectTransitions(current, next);
      }
      (passed ??= []).push(next);
      next = microstep(enabled, next, current, queue, out);
      eventless = next !== previous;
      taken.push(...enabled);
    }
    const through = passed ? passed.map((m) => (m === start ? snapshot : snapshotOf(snapshot, m.status, m.context, m.config))) : NONE;
    if (next === start) return [snapshot, out, taken as unknown as AnyTransitionDefinition[], through];
    return [snapshotOf(snapshot, next.status, next.context, next.config), out, taken as unknown as AnyTransitionDefinition[], through];
  };

  return {
    next: (snapshot: AnyMachineSnapshot, event: Event): Step => macrostep(snapshot, event, false) as Step,
    /** `next`, or null when the event selects no transition that moves or acts (as `pureStepper.taken`). */
    taken: (snapshot: AnyMachineSnapshot, event: Event): Step | null => macrostep(snapshot, event, true),
  };
}

/**
 * The snapshot XState's `createMachineSnapshot` would build, its own keys the same, in the same
 * order; the methods and the parts a port step never changes are the previous snapshot's.
 */
function snapshotOf(previous: AnyMachineSnapshot, status: string, context: unknown, config: Configuration): AnyMachineSnapshot {
  return new PortSnapshot(previous as unknown as Record<string, unknown>, status, context, config) as unknown as AnyMachineSnapshot;
}

/**
 * A snapshot made by the port, which the explorer keeps by the hundred thousand. Built by a
 * constructor rather than a 15-key object literal, which a line-level profile showed to be the
 * port's costliest line; a first-time step is about 30% faster so (design note 84).
 */
class PortSnapshot {
  status: string;
  output: undefined;
  error: unknown;
  machine: unknown;
  context: unknown;
  _nodes: readonly ChartNode[];
  value: StateValue;
  tags: ReadonlySet<string>;
  children: unknown;
  historyValue: unknown;
  matches: unknown;
  hasTag: unknown;
  can: unknown;
  getMeta: unknown;
  toJSON: unknown;
  constructor(p: Record<string, unknown>, status: string, context: unknown, config: Configuration) {
    this.status = status;
    this.output = undefined;
    this.error = p.error;
    this.machine = p.machine;
    this.context = context;
    this._nodes = config.nodes;
    this.value = config.value;
    this.tags = config.tags;
    this.children = p.children;
    this.historyValue = p.historyValue;
    this.matches = p.matches;
    this.hasTag = p.hasTag;
    this.can = p.can;
    this.getMeta = p.getMeta;
    this.toJSON = p.toJSON;
  }
}

const NONE: AnyMachineSnapshot[] = [];
const NO_TRANSITIONS: ChartTransition[] = [];

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

const compiled = new WeakMap<AnyStateMachine, ReturnType<typeof fastStepper>>();

/**
 * The machine's one `fastStepper`, made on first use: its plans describe the chart, not any
 * run's states, so every `TransitionCache` of the machine shares them (as XState's own memo of a
 * machine's candidates is shared by all its actors).
 */
export function fastStepperOf(machine: AnyStateMachine): ReturnType<typeof fastStepper> {
  if (!compiled.has(machine)) compiled.set(machine, fastStepper(machine));
  return compiled.get(machine) ?? null;
}
