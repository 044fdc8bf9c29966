import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { ClockBound, Monitor, MonitorStep, StepInfo } from './Monitor.ts';
import { stableJson } from './snapshotKey.ts';
import { type Move, transitionCacheOf } from './transitionCache.ts';
import { type Zone, addClock, constrain, emptyClockZone, extrapolate, isEmpty, includes, removeClock, up } from './Zone.ts';

/** A named input (request) to start the machine with. */
export interface ExploreInput {
  name: string;
  input: unknown;
}

export interface ExploreOptions {
  inputs: readonly ExploreInput[];
  /** Every concrete outside event to try in every state. */
  events: readonly { type: string }[];
  monitor?: Monitor;
  maxStates?: number;
  maxMs?: number;
  onProgress?: (p: { states: number; queued: number; ms: number }) => void;
}

/** A timer pending in a symbolic state; its clock is named after its event. */
export interface PendingTimer {
  event: string;
  delay: string;
  days: number;
}

/** One step on a path, with what the concretiser needs to date it. */
export interface PathStep {
  kind: 'start' | 'event' | 'timer' | 'wait';
  input?: string;
  event?: { type: string };
  delay?: string;
  /** Bounds that hold at the instant of this step (guards, invariants, monitor conditions). */
  bounds: ClockBound[];
  /** Clocks that start at this step, after it. */
  starts: string[];
}

/** A symbolic state: a machine snapshot, its pending timers (in start order), a zone and a monitor state. */
export interface ExploredNode {
  id: number;
  parent: number;
  step: PathStep;
  snapshot: AnyMachineSnapshot;
  timers: readonly PendingTimer[];
  /** True right after a timer fired: outside events must wait for the next day. */
  eod: boolean;
  zone: Zone;
  monitor: unknown;
  depth: number;
  /** Index of the input the run started from. */
  input: number;
}

export interface Violation {
  message: string;
  /** Node ids from a start to the violating step's source, then the violating step. */
  path: PathStep[];
  nodes: number[];
}

export interface Exploration {
  nodes: ExploredNode[];
  /** Successor node ids of each node (after subsumption). */
  edges: number[][];
  violation: Violation | null;
  complete: boolean;
  /** Why the search stopped early, with the size of the unexplored frontier. */
  stopped?: { reason: 'states' | 'time'; frontier: number };
  transitions: number;
  ms: number;
}

const EOD = '@eod';
const NO_MONITOR: Monitor<null> = { initial: () => ({ state: null }), step: () => ({ state: null }), key: () => '' };

/**
 * Explores every reachable symbolic state of a machine with exact whole-day time: named delays
 * are clocks in a difference-bound zone, a timer never fires before a shorter pending one, and an
 * outside event may fall before, on, or after each deadline (events dated a deadline's day come
 * before the timer). With a monitor, explores the product and stops at the first (shortest)
 * violation. Budgets stop the search with the frontier reported, never with a throw.
 *
 * @example
 * const result = explore(machine, { inputs: [{ name: 'base', input: request }], events: eventVariants(types, {}) });
 */
export function explore(machine: AnyStateMachine, options: ExploreOptions): Exploration {
  const started = Date.now();
  const cache = transitionCacheOf(machine);
  const before = cache.transitions;
  const monitor = (options.monitor ?? NO_MONITOR) as Monitor<unknown>;
  const maxStates = options.maxStates ?? 200_000;
  const maxMs = options.maxMs ?? 60_000;
  const events = options.events.map((e) => ({ event: e, key: stableJson(e) }));
  const unbounded = new Map<string, number>([[EOD, 1], ...Object.entries(monitor.clockMax ?? {})]);
  const nodes: ExploredNode[] = [];
  const edges: number[][] = [];
  const seen = new Map<string, number[]>();
  const queue: number[] = [];
  let violation: Violation | null = null;

  const pathTo = (id: number): { path: PathStep[]; ids: number[] } => {
    const path: PathStep[] = [];
    const ids: number[] = [];
    for (let n = nodes[id]; n; n = n.parent >= 0 ? nodes[n.parent] : undefined) {
      path.unshift(n.step);
      ids.unshift(n.id);
    }
    return { path, ids };
  };
  const fail = (from: number, step: PathStep, message: string) => {
    const { path, ids } = from >= 0 ? pathTo(from) : { path: [], ids: [] };
    violation = { message, path: [...path, step], nodes: ids };
  };

  /** Adds a node unless a stored zone of the same discrete state covers it; returns its id. */
  const add = (node: Omit<ExploredNode, 'id' | 'zone'>, zoneNow: Zone): number => {
    let zone = up(zoneNow);
    for (const t of node.timers) zone = constrain(zone, t.event, '<=', t.days);
    zone = extrapolate(zone, unbounded);
    const key = `${cache.key(node.snapshot)}#${node.timers.map((t) => t.event).join(',')}#${node.eod ? 1 : 0}#${monitor.key(node.monitor)}`;
    const stored = seen.get(key) ?? [];
    const covering = stored.find((id) => includes((nodes[id] as ExploredNode).zone, zone));
    if (covering !== undefined) return covering;
    const id = nodes.length;
    nodes.push({ ...node, id, zone });
    edges.push([]);
    stored.push(id);
    seen.set(key, stored);
    queue.push(id);
    const deadline = monitor.deadline?.(node.monitor);
    if (deadline && !isEmpty(constrain(zone, deadline.clock, '>=', deadline.days + 1))) {
      fail(id, { kind: 'wait', bounds: [{ clock: deadline.clock, op: '>=', value: deadline.days + 1 }, ...invariants(node.timers)], starts: [] }, deadline.message);
    }
    return id;
  };

  const applyMonitor = (result: MonitorStep<unknown>, zone: Zone): { zone: Zone; starts: string[] } => {
    let z = zone;
    for (const c of result.stop ?? []) z = removeClock(z, c);
    for (const c of result.start ?? []) z = addClock(z, c);
    return { zone: z, starts: [...(result.start ?? [])] };
  };

  const follow = (from: ExploredNode | null, move: Move, step: PathStep, info: StepInfo, zoneAtStep: Zone, timersBefore: readonly PendingTimer[], eod: boolean, input: number) => {
    const verdict = from ? monitor.step(from.monitor, info) : monitor.initial(info);
    let zone = zoneAtStep;
    if (verdict.violation) {
      const when = verdict.violation.when;
      const bad = when ? constrain(zone, when.clock, when.op, when.value) : zone;
      if (!isEmpty(bad)) {
        fail(from ? from.id : -1, { ...step, bounds: [...step.bounds, ...(when ? [when] : [])] }, verdict.violation.message);
        return;
      }
      if (when) {
        const negated: ClockBound = when.op === '<=' ? { clock: when.clock, op: '>=', value: when.value + 1 } : { clock: when.clock, op: '<=', value: when.value - 1 };
        zone = constrain(zone, negated.clock, negated.op, negated.value);
        if (isEmpty(zone)) return;
        step = { ...step, bounds: [...step.bounds, negated] };
      }
    }
    let timers = [...timersBefore];
    const starts: string[] = [];
    for (const op of move.timerOps) {
      timers = timers.filter((t) => t.event !== op.event);
      zone = removeClock(zone, op.event);
      if (op.op === 'start') {
        timers.push({ event: op.event, delay: op.delay, days: op.days });
        zone = addClock(zone, op.event);
        starts.push(op.event);
      }
    }
    zone = eod ? addClock(zone, EOD) : removeClock(zone, EOD);
    if (eod) starts.push(EOD);
    const mon = applyMonitor(verdict, zone);
    const fullStep = { ...step, starts: [...starts, ...mon.starts] };
    const id = add({ parent: from ? from.id : -1, step: fullStep, snapshot: move.snapshot, timers, eod, monitor: verdict.state, depth: from ? from.depth + 1 : 0, input }, mon.zone);
    if (from) edges[from.id]?.push(id);
  };

  for (const [index, { name, input }] of options.inputs.entries()) {
    const move = cache.start(input);
    const info: StepInfo = { kind: 'start', event: { type: 'xstate.init' }, pre: null, post: move.snapshot, input };
    follow(null, move, { kind: 'start', input: name, bounds: [], starts: [] }, info, emptyClockZone(), [], false, index);
    if (violation) break;
  }

  let head = 0;
  let stopped: Exploration['stopped'];
  while (head < queue.length && !violation) {
    if (nodes.length >= maxStates) {
      stopped = { reason: 'states', frontier: queue.length - head };
      break;
    }
    if ((head & 255) === 0) {
      const ms = Date.now() - started;
      if (ms > maxMs) {
        stopped = { reason: 'time', frontier: queue.length - head };
        break;
      }
      options.onProgress?.({ states: nodes.length, queued: queue.length - head, ms });
    }
    const node = nodes[queue[head++] as number] as ExploredNode;
    const input = options.inputs[node.input]?.input;
    const eventZone = node.eod ? constrain(node.zone, EOD, '>=', 1) : node.zone;
    for (const { event, key } of isEmpty(eventZone) ? [] : events) {
      const zone = eventZone;
      const move = cache.next(node.snapshot, event, key);
      if (!move) continue;
      const bounds: ClockBound[] = [...(node.eod ? [{ clock: EOD, op: '>=' as const, value: 1 }] : []), ...invariants(node.timers)];
      follow(node, move, { kind: 'event', event, bounds, starts: [] }, { kind: 'event', event, pre: node.snapshot, post: move.snapshot, input }, zone, node.timers, false, node.input);
      if (violation) break;
    }
    if (violation) break;
    for (const [i, timer] of node.timers.entries()) {
      let zone = constrain(node.zone, timer.event, '>=', timer.days);
      const bounds: ClockBound[] = [{ clock: timer.event, op: '>=', value: timer.days }, ...invariants(node.timers)];
      for (const earlier of node.timers.slice(0, i)) {
        zone = constrain(zone, earlier.event, '<=', earlier.days - 1);
        bounds.push({ clock: earlier.event, op: '<=', value: earlier.days - 1 });
      }
      if (isEmpty(zone)) continue;
      const event = { type: timer.event };
      const move = cache.next(node.snapshot, event);
      if (!move) continue;
      const fired = { ...move, timerOps: [{ op: 'cancel' as const, event: timer.event }, ...move.timerOps] };
      follow(node, fired, { kind: 'timer', event, delay: timer.delay, bounds, starts: [] }, { kind: 'timer', event, delay: timer.delay, pre: node.snapshot, post: move.snapshot, input }, zone, node.timers, true, node.input);
      if (violation) break;
    }
  }

  return {
    nodes,
    edges,
    violation,
    complete: !violation && !stopped,
    ...(stopped ? { stopped } : {}),
    transitions: cache.transitions - before,
    ms: Date.now() - started,
  };
}

function invariants(timers: readonly PendingTimer[]): ClockBound[] {
  return timers.map((t) => ({ clock: t.event, op: '<=', value: t.days }));
}
