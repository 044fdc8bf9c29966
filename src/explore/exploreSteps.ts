import type { Exploration, ExploredNode, ExploreOptions, Link, PathStep, PendingTimer, Violation } from './Exploration.ts';
import type { Monitor, StepInfo } from './Monitor.ts';
import { invariants, pathOf } from './pathOf.ts';
import { renameClocks } from './renameClocks.ts';
import { stableJson } from './snapshotKey.ts';
import type { Steps } from './Steps.ts';
import { MonitorTuples } from './MonitorTuples.ts';
import { EOD_BOUNDS, type Edge, NO_BOUNDS, SharedSteps } from './SharedSteps.ts';
import { EOD, TimerEffects } from './TimerEffects.ts';
import type { EventEntry, Move, TimerOp } from './Move.ts';
import { type Zone, emptyClockZone, includes } from './Zone.ts';
import { ZoneOps } from './ZoneOps.ts';

const START_EVENT = { type: 'xstate.init' };
const NO_MONITOR_STATES: readonly unknown[] = [];

/** The budgets a search has unless given others (`ExploreOptions.maxStates`, `maxMs`). */
export const DEFAULT_BUDGET = { maxStates: 200_000, maxMs: 60_000 } as const;

/**
 * The explorer's core over any `Steps`: exact whole-day time with named delays as clocks in a
 * difference-bound zone, monitors run in product, budgets that stop with the frontier reported.
 * `explore` runs it on one machine, `exploreProduct` on machines side by side.
 *
 * @example
 * const result = exploreSteps(transitionCacheOf(machine), { inputs: [{ name: 'base', input: request }], events });
 */
export function exploreSteps<S>(steps: Steps<S>, options: ExploreOptions): Exploration<S> {
  const started = Date.now();
  const before = steps.transitions;
  const monitors = (options.monitors ?? (options.monitor ? [options.monitor] : [])).map((m, i) => renameClocks(m as Monitor<unknown>, `@${i}`));
  const maxStates = options.maxStates ?? DEFAULT_BUDGET.maxStates;
  const maxMs = options.maxMs ?? DEFAULT_BUDGET.maxMs;
  const untimed = options.timers === 'asEvents';
  const timerEvents = untimed ? steps.timerEvents().map((type) => ({ type })) : [];
  const events: EventEntry[] = [...options.events, ...timerEvents].map((e) => ({ event: e, key: stableJson(e) }));
  const listId = steps.listId(events);
  const unbounded = new Map<string, number>([[EOD, 1], ...monitors.flatMap((m) => Object.entries(m.clockMax ?? {}))]);
  const nodes: ExploredNode<S>[] = [];
  /** Each node's state id (`Steps.id`), so moves are looked up without asking for it again. */
  const stateIds: number[] = [];
  /** Each node's pending-timer list and monitor tuple, by id (`TimerEffects`, `MonitorTuples`). */
  const timerLists: number[] = [];
  const tupleIds: number[] = [];
  const edges: number[][] = [];
  const links: Link[][] = [];
  /**
   * Stored nodes by discrete state: by state id, then timer list, end of day and input; with
   * monitors, then by monitor tuple. Keys stay small integers, which V8 hashes without allocating.
   * The input is part of a state even where the machine's snapshot does not hold it: a monitor sees
   * it on every step, so runs from two different inputs are not one run (from two equal ones they are).
   */
  const seen: Map<number, number[]>[] = [];
  const inputKeys = options.inputs.map((i) => stableJson(i.input));
  const inputClass = inputKeys.map((key) => inputKeys.indexOf(key));
  const seenWithMonitors: Map<number, Map<number, number[]>>[] = [];
  /** The first snapshot stored of each state id: nodes of one state in different zones share it, so a walk of the graph can tell them one state (`graphQuotient`). */
  const snapshotOfState: S[] = [];
  const zones = new ZoneOps();
  const effects = new TimerEffects(zones);
  const tuples = new MonitorTuples(monitors, options.inputs.length);
  const queue: number[] = [];
  const violations: (Violation | null)[] = monitors.map(() => null);
  const tested = monitors.map(() => false);
  let failures = 0;
  const live = () => failures < monitors.length;
  // Zones are interned (`ZoneOps`): equal ones are one object.
  const covers = options.subsumption === false ? (a: Zone, b: Zone) => a === b : includes;
  const symmetric = steps.canonical !== undefined && monitors.length === 0;
  const stopWhenAllFailed = monitors.length > 0;
  const noOps: readonly TimerOp[] = [];

  const shared = new SharedSteps();

  const pathTo = (id: number) => pathOf(nodes, id);
  const fail = (i: number, from: number, step: PathStep, message: string) => {
    const { path, ids } = from >= 0 ? pathTo(from) : { path: [], ids: [] };
    const source = nodes[from];
    violations[i] = { message, path: [...path, source ? { ...step, bounds: [...step.bounds, ...invariants(source.timers)] } : step], nodes: ids };
    failures++;
  };

  // What `find` learnt of a state it did not find, for `insert`: nothing is built for an edge to a known node.
  let place: number[] = [];
  let placeZone: Zone;
  let placeSnapshot: S;
  let placeList = 0;
  let placeSid = 0;
  let placeRenamed: ReadonlyMap<string, string> | undefined;
  /** The stored node whose zone covers the state's, or -1. */
  const find = (snapshot: S, zoneNow: Zone, stateId: number, list: number, tuple: number, eod: boolean, input: number): number => {
    let timers = effects.lists[list] as readonly PendingTimer[];
    let zone = zones.upToExtrapolated(zoneNow, timers, unbounded);
    const canon = symmetric ? (steps.canonical?.({ state: snapshot, timers, zone }) ?? null) : null;
    // A renamed zone is new; every other one came out of `ZoneOps` interned already.
    if (canon) {
      ({ state: snapshot, timers, zone } = { ...canon, zone: zones.intern(canon.zone) });
      list = effects.listId(timers);
    }
    const sid = canon ? steps.id(snapshot) : stateId;
    const timed = (list * 2 + (eod ? 1 : 0)) * inputKeys.length + (inputClass[input] as number);
    let byDiscrete: Map<number, number[]>;
    let key: number;
    if (monitors.length > 0) {
      const bySid = (seenWithMonitors[sid] ??= new Map());
      let byTuple = bySid.get(timed);
      if (!byTuple) bySid.set(timed, (byTuple = new Map()));
      byDiscrete = byTuple;
      key = tuples.key(tuple, violations, failures);
    } else {
      byDiscrete = seen[sid] ??= new Map();
      key = timed;
    }
    let stored = byDiscrete.get(key);
    if (stored) {
      for (const known of stored) if (covers((nodes[known] as ExploredNode<S>).zone, zone)) return known;
    } else {
      byDiscrete.set(key, (stored = []));
    }
    place = stored;
    placeZone = zone;
    placeSnapshot = snapshotOfState[sid] ??= snapshot;
    placeList = list;
    placeSid = sid;
    placeRenamed = canon?.names;
    return -1;
  };
  /** Stores the state `find` did not find; returns its id. */
  const insert = (parent: number, step: PathStep, eod: boolean, monitor: readonly unknown[], input: number, tuple: number): number => {
    const id = nodes.length;
    const zone = placeZone;
    stateIds.push(placeSid);
    timerLists.push(placeList);
    tupleIds.push(tuple);
    // `through` and `raised` are set on start nodes only, but every node has the slots: one shape for all.
    const node: ExploredNode<S> = { id, parent, step, snapshot: placeSnapshot, timers: effects.lists[placeList] as readonly PendingTimer[], eod, zone, monitor, input, through: undefined, raised: undefined };
    if (placeRenamed) node.renamed = placeRenamed;
    nodes.push(node);
    edges.push([]);
    if (options.links) links.push([]);
    place.push(id);
    queue.push(id);
    for (let i = 0; i < monitors.length; i++) {
      const deadline = violations[i] ? null : tuples.deadline(i, tuple);
      if (deadline) tested[i] = true;
      if (deadline && !zones.isEmpty(zones.constrain(zone, deadline.clock, '>=', deadline.days + 1))) {
        fail(i, id, { kind: 'wait', bounds: [{ clock: deadline.clock, op: '>=', value: deadline.days + 1 }], starts: [] }, deadline.message);
      }
    }
    return id;
  };

  /** Follows one step: its timers, its monitors, and the state it reaches (stored unless covered). */
  const follow = (from: ExploredNode<S> | null, move: Move<S>, ops: readonly TimerOp[], edge: Edge, zoneAtStep: Zone, eod: boolean, input: number) => {
    const effect = effects.of(untimed ? noOps : ops);
    let zone = effect.zone(zoneAtStep, eod);
    const list = effect.list(from ? (timerLists[from.id] as number) : emptyList);
    let starts = effect.starts[eod ? 1 : 0];
    let sharedStarts = true;
    let tuple = 0;
    if (monitors.length > 0) {
      const before = from ? (tupleIds[from.id] as number) : 0;
      let next = from ? tuples.known(before, failures, move, input) : undefined;
      if (!next) {
        const info = { kind: edge.kind, event: edge.event ?? START_EVENT, delay: edge.delay, pre: from ? from.snapshot : null, post: move.snapshot, through: move.through, raised: move.raised, input: options.inputs[input]?.input } as unknown as StepInfo;
        next = from ? tuples.remember(before, violations, failures, move, input, info) : tuples.start(info, violations);
      }
      tuple = next.tuple;
      const { verdicts } = next;
      for (let i = 0; i < verdicts.length; i++) {
        const v = verdicts[i]?.violation;
        if (v) tested[i] = true;
        if (v && !violations[i] && !zones.isEmpty(v.when ? zones.constrain(zoneAtStep, v.when.clock, v.when.op, v.when.value) : zoneAtStep)) {
          fail(i, from ? from.id : -1, { ...edge, bounds: [...edge.bounds, ...(v.when ? [v.when] : [])], starts: [] }, v.message);
        }
      }
      for (let i = 0; i < verdicts.length; i++) {
        const verdict = verdicts[i];
        if (!verdict || violations[i]) continue;
        if (verdict.stop) for (const c of verdict.stop) zone = zones.removeClock(zone, c);
        if (verdict.start) {
          for (const c of verdict.start) zone = zones.addClock(zone, c);
          starts = [...starts, ...verdict.start];
          sharedStarts = false;
        }
      }
    }
    let id = find(move.snapshot, zone, move.id, list, tuple, eod, input);
    const linked = from !== null && options.links === true;
    if (id >= 0 && !linked) {
      if (from) edges[from.id]?.push(id);
      return;
    }
    const fullStep = shared.of(edge, starts, sharedStarts);
    if (id < 0) {
      id = insert(from ? from.id : -1, fullStep, eod, monitors.length > 0 ? tuples.states(tuple) : NO_MONITOR_STATES, input, tuple);
      if (!from && move.through.length) (nodes[id] as ExploredNode<S>).through = move.through;
      if (!from && move.raised.length) (nodes[id] as ExploredNode<S>).raised = move.raised;
    }
    if (from) edges[from.id]?.push(id);
    if (from && linked) links[from.id]?.push({ to: id, step: fullStep, taken: move.taken, through: move.through, raised: move.raised });
  };

  const emptyList = effects.listId([]);
  for (const [index, { name, input }] of options.inputs.entries()) {
    const move = steps.start(input);
    follow(null, move, move.timerOps, { kind: 'start', input: name, bounds: [] }, zones.intern(emptyClockZone()), false, index);
  }

  /** One event object per timer, so what is remembered per event object is found again. */
  const timerEventObjects = new Map<string, { type: string }>();
  let head = 0;
  let stopped: Exploration<S>['stopped'];
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
    const node = nodes[queue[head++] as number] as ExploredNode<S>;
    const eventZone = node.eod ? zones.constrain(node.zone, EOD, '>=', 1) : node.zone;
    const eventBounds = node.eod ? EOD_BOUNDS : NO_BOUNDS;
    for (const { event, move } of zones.isEmpty(eventZone) ? [] : steps.enabled(node.snapshot, events, listId, stateIds[node.id])) {
      follow(node, move, move.timerOps, { kind: 'event', event, bounds: eventBounds }, eventZone, false, node.input);
    }
    for (let i = 0; i < node.timers.length; i++) {
      const timer = node.timers[i] as PendingTimer;
      let zone = zones.constrain(node.zone, timer.event, '>=', timer.days);
      for (let j = 0; j < i; j++) zone = zones.constrain(zone, (node.timers[j] as PendingTimer).event, '<=', (node.timers[j] as PendingTimer).days - 1);
      const bounds = shared.firingBounds(timerLists[node.id] as number, node.timers, i);
      if (zones.isEmpty(zone)) continue;
      let event = timerEventObjects.get(timer.event);
      if (!event) timerEventObjects.set(timer.event, (event = { type: timer.event }));
      const move = steps.fire(node.snapshot, event, stateIds[node.id]);
      if (!move) continue;
      follow(node, move, effects.firedOps(move.timerOps, timer.event), { kind: 'timer', event, delay: timer.delay, bounds }, zone, true, node.input);
    }
  }

  const violation = violations.find((v) => v !== null) ?? null;
  return {
    nodes,
    edges,
    links,
    violation,
    violations,
    tested,
    complete: !stopped && (monitors.length === 0 || !live() || head >= queue.length),
    subsumption: options.subsumption !== false,
    ...(stopped ? { stopped } : {}),
    transitions: steps.transitions - before,
    ms: Date.now() - started,
  };
}
