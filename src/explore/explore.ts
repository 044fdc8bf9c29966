import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { ClockBound, Monitor, MonitorStep, StepInfo } from './Monitor.ts';
import { renameClocks } from './renameClocks.ts';
import { stableJson } from './snapshotKey.ts';
import { type EventEntry, type Move, transitionCacheOf } from './transitionCache.ts';
import { type Zone, addClock, constrain, emptyClockZone, extrapolate, isEmpty, includes, removeClock, upTo } from './Zone.ts';

/** A named input (request) to start the machine with. */
export interface ExploreInput {
  name: string;
  input: unknown;
}

export interface ExploreOptions {
  inputs: readonly ExploreInput[];
  /** Every concrete outside event to try in every state. */
  events: readonly { type: string }[];
  /** One rule's monitor; or `monitors`, run together in one product. */
  monitor?: Monitor;
  monitors?: readonly Monitor[];
  maxStates?: number;
  maxMs?: number;
  /** Reuse a stored zone that covers a new one (default). Off, only equal zones merge: slower, but every edge is exact. */
  subsumption?: boolean;
  /** `exact` (default): named delays are clocks. `asEvents`: timers are plain events that may come at any time, and time is ignored. */
  timers?: 'exact' | 'asEvents';
  /** Keep every edge's step and the statechart transitions it took (`Exploration.links`), for path generation. */
  links?: boolean;
  onProgress?: (p: { states: number; queued: number; ms: number }) => void;
}

/** An edge of the explored graph: the step taken and the statechart transitions it took. */
export interface Link {
  to: number;
  step: PathStep;
  taken: readonly string[];
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
  /** The first violation of each monitor, in the order given; null where it held. */
  violations: (Violation | null)[];
  /** Successor node ids of each node (after subsumption). */
  edges: number[][];
  /** With `links`: each node's outgoing edges, parallel to `edges`; empty otherwise. */
  links: Link[][];
  violation: Violation | null;
  complete: boolean;
  /** Why the search stopped early, with the size of the unexplored frontier. */
  stopped?: { reason: 'states' | 'time'; frontier: number };
  /** XState `transition` calls this exploration made, refused events included (a measure of work). */
  transitions: number;
  ms: number;
}

const EOD = '@eod';

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
  const monitors = (options.monitors ?? (options.monitor ? [options.monitor] : [])).map((m, i) => renameClocks(m as Monitor<unknown>, `@${i}`));
  const maxStates = options.maxStates ?? 200_000;
  const maxMs = options.maxMs ?? 60_000;
  const untimed = options.timers === 'asEvents';
  const timerEvents = untimed ? machine.root.events.filter((t) => t.startsWith('xstate.after.')).map((type) => ({ type })) : [];
  const events: EventEntry[] = [...options.events, ...timerEvents].map((e) => ({ event: e, key: stableJson(e) }));
  const listId = cache.listId(events);
  const unbounded = new Map<string, number>([[EOD, 1], ...monitors.flatMap((m) => Object.entries(m.clockMax ?? {}))]);
  const nodes: ExploredNode[] = [];
  const edges: number[][] = [];
  const links: Link[][] = [];
  const seen = new Map<string, number[]>();
  const queue: number[] = [];
  const violations: (Violation | null)[] = monitors.map(() => null);
  const live = () => violations.some((v) => v === null);
  const stopWhenAllFailed = monitors.length > 0;

  const pathTo = (id: number) => pathOf(nodes, id);
  const fail = (i: number, from: number, step: PathStep, message: string) => {
    const { path, ids } = from >= 0 ? pathTo(from) : { path: [], ids: [] };
    const source = nodes[from];
    violations[i] = { message, path: [...path, source ? { ...step, bounds: [...step.bounds, ...invariants(source.timers)] } : step], nodes: ids };
  };
  const monitorKey = (states: readonly unknown[]) => states.map((st, i) => (violations[i] ? '-' : (monitors[i] as Monitor<unknown>).key(st))).join('|');

  /** Adds a node unless a stored zone of the same discrete state covers it; returns its id. */
  const add = (node: Omit<ExploredNode, 'id' | 'zone'>, zoneNow: Zone): number => {
    let zone = upTo(zoneNow, new Map(node.timers.map((t) => [t.event, t.days])));
    zone = extrapolate(zone, unbounded);
    const key = `${cache.id(node.snapshot)}#${node.timers.map((t) => t.event).join(',')}#${node.eod ? 1 : 0}#${monitorKey(node.monitor as unknown[])}`;
    const stored = seen.get(key) ?? [];
    const covering = stored.find((id) => (options.subsumption === false ? sameZone : includes)((nodes[id] as ExploredNode).zone, zone));
    if (covering !== undefined) return covering;
    const id = nodes.length;
    nodes.push({ ...node, id, zone });
    edges.push([]);
    if (options.links) links.push([]);
    stored.push(id);
    seen.set(key, stored);
    queue.push(id);
    (node.monitor as unknown[]).forEach((st, i) => {
      const deadline = violations[i] ? null : (monitors[i] as Monitor<unknown>).deadline?.(st);
      if (deadline && !isEmpty(constrain(zone, deadline.clock, '>=', deadline.days + 1))) {
        fail(i, id, { kind: 'wait', bounds: [{ clock: deadline.clock, op: '>=', value: deadline.days + 1 }], starts: [] }, deadline.message);
      }
    });
    return id;
  };

  const follow = (from: ExploredNode | null, move: Move, step: PathStep, info: StepInfo, zoneAtStep: Zone, timersBefore: readonly PendingTimer[], eod: boolean, input: number) => {
    let zone = zoneAtStep;
    const states: unknown[] = [];
    const monitorStarts: string[] = [];
    const verdicts: MonitorStep<unknown>[] = [];
    monitors.forEach((m, i) => {
      if (violations[i]) {
        states.push(null);
        return;
      }
      const verdict = from ? m.step((from.monitor as unknown[])[i], info) : m.initial(info);
      verdicts[i] = verdict;
      states.push(verdict.state);
      const v = verdict.violation;
      if (v && !isEmpty(v.when ? constrain(zone, v.when.clock, v.when.op, v.when.value) : zone)) {
        fail(i, from ? from.id : -1, { ...step, bounds: [...step.bounds, ...(v.when ? [v.when] : [])] }, v.message);
      }
    });
    let timers = [...timersBefore];
    const starts: string[] = [];
    for (const op of untimed ? [] : move.timerOps) {
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
    verdicts.forEach((verdict, i) => {
      if (!verdict || violations[i]) return;
      for (const c of verdict.stop ?? []) zone = removeClock(zone, c);
      for (const c of verdict.start ?? []) {
        zone = addClock(zone, c);
        monitorStarts.push(c);
      }
    });
    const fullStep = { ...step, starts: [...starts, ...monitorStarts] };
    const id = add({ parent: from ? from.id : -1, step: fullStep, snapshot: move.snapshot, timers, eod, monitor: states, input }, zone);
    if (from) edges[from.id]?.push(id);
    if (from && options.links) links[from.id]?.push({ to: id, step: fullStep, taken: move.taken });
  };

  for (const [index, { name, input }] of options.inputs.entries()) {
    const move = cache.start(input);
    const info: StepInfo = { kind: 'start', event: { type: 'xstate.init' }, pre: null, post: move.snapshot, input };
    follow(null, move, { kind: 'start', input: name, bounds: [], starts: [] }, info, emptyClockZone(), [], false, index);
  }

  let head = 0;
  let stopped: Exploration['stopped'];
  while (head < queue.length && !(stopWhenAllFailed && !live())) {
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
    for (const { event, move } of isEmpty(eventZone) ? [] : cache.enabled(node.snapshot, events, listId)) {
      const bounds: ClockBound[] = node.eod ? [{ clock: EOD, op: '>=', value: 1 }] : [];
      follow(node, move, { kind: 'event', event, bounds, starts: [] }, { kind: 'event', event, pre: node.snapshot, post: move.snapshot, input }, eventZone, node.timers, false, node.input);
    }
    for (const [i, timer] of node.timers.entries()) {
      let zone = constrain(node.zone, timer.event, '>=', timer.days);
      const bounds: ClockBound[] = [{ clock: timer.event, op: '>=', value: timer.days }];
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
    }
  }

  const violation = violations.find((v) => v !== null) ?? null;
  return {
    nodes,
    edges,
    links,
    violation,
    violations,
    complete: !stopped && (monitors.length === 0 || !live() || head >= queue.length),
    ...(stopped ? { stopped } : {}),
    transitions: cache.transitions - before,
    ms: Date.now() - started,
  };
}

/**
 * The steps from a start to a node, each with every bound that held at its instant: the
 * invariants of the state it left are not stored per edge, so they are added back here.
 *
 * @example
 * const days = datePath(pathOf(run.nodes, id).path);
 */
export function pathOf(nodes: readonly ExploredNode[], id: number): { path: PathStep[]; ids: number[] } {
  const path: PathStep[] = [];
  const ids: number[] = [];
  for (let n = nodes[id]; n; n = n.parent >= 0 ? nodes[n.parent] : undefined) {
    const from = n.parent >= 0 ? nodes[n.parent] : undefined;
    path.unshift(from ? { ...n.step, bounds: [...n.step.bounds, ...invariants(from.timers)] } : n.step);
    ids.unshift(n.id);
  }
  return { path, ids };
}

/**
 * The steps along a walk of links from a start node, with the bounds that held at each instant,
 * as `datePath` needs them.
 *
 * @example
 * const days = datePath(pathAlong(run.nodes, start, [run.links[start][0]]));
 */
export function pathAlong(nodes: readonly ExploredNode[], start: number, walk: readonly Link[]): PathStep[] {
  const path: PathStep[] = [(nodes[start] as ExploredNode).step];
  let at = start;
  for (const link of walk) {
    path.push({ ...link.step, bounds: [...link.step.bounds, ...invariants((nodes[at] as ExploredNode).timers)] });
    at = link.to;
  }
  return path;
}

function sameZone(a: Zone, b: Zone): boolean {
  return includes(a, b) && includes(b, a);
}

function invariants(timers: readonly PendingTimer[]): ClockBound[] {
  return timers.map((t) => ({ clock: t.event, op: '<=', value: t.days }));
}
