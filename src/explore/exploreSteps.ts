import type { Exploration, ExploredNode, ExploreOptions, Link, PathStep, PendingTimer, Violation } from './Exploration.ts';
import type { ClockBound, Monitor, MonitorStep, StepInfo } from './Monitor.ts';
import { invariants, pathOf } from './pathOf.ts';
import { renameClocks } from './renameClocks.ts';
import { stableJson } from './snapshotKey.ts';
import type { Steps } from './Steps.ts';
import type { EventEntry, Move } from './transitionCache.ts';
import { type Zone, emptyClockZone, includes } from './Zone.ts';
import { ZoneOps } from './ZoneOps.ts';

const EOD = '@eod';
const START_EVENT = { type: 'xstate.init' };

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
  const maxStates = options.maxStates ?? 200_000;
  const maxMs = options.maxMs ?? 60_000;
  const untimed = options.timers === 'asEvents';
  const timerEvents = untimed ? steps.timerEvents().map((type) => ({ type })) : [];
  const events: EventEntry[] = [...options.events, ...timerEvents].map((e) => ({ event: e, key: stableJson(e) }));
  const listId = steps.listId(events);
  const unbounded = new Map<string, number>([[EOD, 1], ...monitors.flatMap((m) => Object.entries(m.clockMax ?? {}))]);
  const nodes: ExploredNode<S>[] = [];
  /** Each node's state id (`Steps.id`), so moves are looked up without asking for it again. */
  const stateIds: number[] = [];
  const edges: number[][] = [];
  const links: Link[][] = [];
  const seen = new Map<string, number[]>();
  const zones = new ZoneOps();
  const queue: number[] = [];
  const violations: (Violation | null)[] = monitors.map(() => null);
  const live = () => violations.some((v) => v === null);
  // Zones are interned (`ZoneOps`): equal ones are one object.
  const covers = options.subsumption === false ? (a: Zone, b: Zone) => a === b : includes;
  const symmetric = steps.canonical !== undefined && monitors.length === 0;
  const stopWhenAllFailed = monitors.length > 0;

  const pathTo = (id: number) => pathOf(nodes, id);
  /** What monitors see of a step; built only when there are monitors. */
  const stepInfo = (from: ExploredNode<S> | null, move: Move<S>, step: PathStep, input: number) =>
    ({
      kind: step.kind,
      event: step.event ?? START_EVENT,
      delay: step.delay,
      pre: from ? from.snapshot : null,
      post: move.snapshot,
      input: options.inputs[input]?.input,
    }) as unknown as StepInfo;
  const fail = (i: number, from: number, step: PathStep, message: string) => {
    const { path, ids } = from >= 0 ? pathTo(from) : { path: [], ids: [] };
    const source = nodes[from];
    violations[i] = { message, path: [...path, source ? { ...step, bounds: [...step.bounds, ...invariants(source.timers)] } : step], nodes: ids };
  };
  const monitorKey = (states: readonly unknown[]) => {
    let key = '';
    for (let i = 0; i < states.length; i++) key += violations[i] ? '-|' : `${(monitors[i] as Monitor<unknown>).key(states[i])}|`;
    return key;
  };
  const timerNumbers = new Map<string, number>();
  const timerNumber = (event: string) => {
    let n = timerNumbers.get(event);
    if (n === undefined) timerNumbers.set(event, (n = timerNumbers.size));
    return n;
  };
  const timersKey = (timers: readonly PendingTimer[]) => {
    let key = '';
    for (const t of timers) key += `${timerNumber(t.event)},`;
    return key;
  };
  /** Adds a node unless a stored zone of the same discrete state covers it; returns its id. */
  const add = (node: Omit<ExploredNode<S>, 'id' | 'zone'>, zoneNow: Zone, stateId: number): number => {
    let zone = zones.upToExtrapolated(zoneNow, node.timers, unbounded);
    let { snapshot, timers } = node;
    const canon = symmetric ? (steps.canonical?.({ state: snapshot, timers, zone }) ?? null) : null;
    // A renamed zone is new; every other one came out of `ZoneOps` interned already.
    if (canon) ({ state: snapshot, timers, zone } = { ...canon, zone: zones.intern(canon.zone) });
    const sid = canon ? steps.id(snapshot) : stateId;
    const key = `${sid}#${timersKey(timers)}#${node.eod ? 1 : 0}#${monitorKey(node.monitor as unknown[])}`;
    let stored = seen.get(key);
    if (stored) {
      for (const known of stored) if (covers((nodes[known] as ExploredNode<S>).zone, zone)) return known;
    } else {
      seen.set(key, (stored = []));
    }
    const id = nodes.length;
    stateIds.push(sid);
    nodes.push({ id, parent: node.parent, step: node.step, snapshot, timers, eod: node.eod, zone, monitor: node.monitor, input: node.input, ...(canon ? { renamed: canon.names } : {}) });
    edges.push([]);
    if (options.links) links.push([]);
    stored.push(id);
    queue.push(id);
    (node.monitor as unknown[]).forEach((st, i) => {
      const deadline = violations[i] ? null : (monitors[i] as Monitor<unknown>).deadline?.(st);
      if (deadline && !zones.isEmpty(zones.constrain(zone, deadline.clock, '>=', deadline.days + 1))) {
        fail(i, id, { kind: 'wait', bounds: [{ clock: deadline.clock, op: '>=', value: deadline.days + 1 }], starts: [] }, deadline.message);
      }
    });
    return id;
  };

  const follow = (from: ExploredNode<S> | null, move: Move<S>, step: PathStep, zoneAtStep: Zone, timersBefore: readonly PendingTimer[], eod: boolean, input: number) => {
    let zone = zoneAtStep;
    const states: unknown[] = [];
    const monitorStarts: string[] = [];
    const verdicts: MonitorStep<unknown>[] = [];
    const info = monitors.length > 0 ? stepInfo(from, move, step, input) : null;
    monitors.forEach((m, i) => {
      if (violations[i]) {
        states.push(null);
        return;
      }
      const verdict = from ? m.step((from.monitor as unknown[])[i], info as StepInfo) : m.initial(info as StepInfo);
      verdicts[i] = verdict;
      states.push(verdict.state);
      const v = verdict.violation;
      if (v && !zones.isEmpty(v.when ? zones.constrain(zone, v.when.clock, v.when.op, v.when.value) : zone)) {
        fail(i, from ? from.id : -1, { ...step, bounds: [...step.bounds, ...(v.when ? [v.when] : [])] }, v.message);
      }
    });
    let timers = timersBefore;
    const starts: string[] = [];
    if (!untimed && move.timerOps.length > 0) {
      const pending = [...timersBefore];
      for (const op of move.timerOps) {
        const at = pending.findIndex((t) => t.event === op.event);
        if (at >= 0) pending.splice(at, 1);
        zone = zones.removeClock(zone, op.event);
        if (op.op === 'start') {
          pending.push({ event: op.event, delay: op.delay, days: op.days });
          zone = zones.addClock(zone, op.event);
          starts.push(op.event);
        }
      }
      timers = pending;
    }
    zone = eod ? zones.addClock(zone, EOD) : zones.removeClock(zone, EOD);
    if (eod) starts.push(EOD);
    verdicts.forEach((verdict, i) => {
      if (!verdict || violations[i]) return;
      for (const c of verdict.stop ?? []) zone = zones.removeClock(zone, c);
      for (const c of verdict.start ?? []) {
        zone = zones.addClock(zone, c);
        monitorStarts.push(c);
      }
    });
    const fullStep: PathStep = { kind: step.kind, bounds: step.bounds, starts: monitorStarts.length ? [...starts, ...monitorStarts] : starts };
    if (step.input !== undefined) fullStep.input = step.input;
    if (step.event !== undefined) fullStep.event = step.event;
    if (step.delay !== undefined) fullStep.delay = step.delay;
    const id = add({ parent: from ? from.id : -1, step: fullStep, snapshot: move.snapshot, timers, eod, monitor: states, input }, zone, move.id);
    if (from) edges[from.id]?.push(id);
    if (from && options.links) links[from.id]?.push({ to: id, step: fullStep, taken: move.taken });
  };

  for (const [index, { name, input }] of options.inputs.entries()) {
    const move = steps.start(input);
    follow(null, move, { kind: 'start', input: name, bounds: [], starts: [] }, zones.intern(emptyClockZone()), [], false, index);
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
    const eventBounds: ClockBound[] = node.eod ? [{ clock: EOD, op: '>=', value: 1 }] : [];
    for (const { event, move } of zones.isEmpty(eventZone) ? [] : steps.enabled(node.snapshot, events, listId, stateIds[node.id])) {
      follow(node, move, { kind: 'event', event, bounds: eventBounds, starts: [] }, eventZone, node.timers, false, node.input);
    }
    for (const [i, timer] of node.timers.entries()) {
      let zone = zones.constrain(node.zone, timer.event, '>=', timer.days);
      const bounds: ClockBound[] = [{ clock: timer.event, op: '>=', value: timer.days }];
      for (const earlier of node.timers.slice(0, i)) {
        zone = zones.constrain(zone, earlier.event, '<=', earlier.days - 1);
        bounds.push({ clock: earlier.event, op: '<=', value: earlier.days - 1 });
      }
      if (zones.isEmpty(zone)) continue;
      let event = timerEventObjects.get(timer.event);
      if (!event) timerEventObjects.set(timer.event, (event = { type: timer.event }));
      const move = steps.fire(node.snapshot, event, stateIds[node.id]);
      if (!move) continue;
      const fired = { ...move, timerOps: [{ op: 'cancel' as const, event: timer.event }, ...move.timerOps] };
      follow(node, fired, { kind: 'timer', event, delay: timer.delay, bounds, starts: [] }, zone, node.timers, true, node.input);
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
    subsumption: options.subsumption !== false,
    ...(stopped ? { stopped } : {}),
    transitions: steps.transitions - before,
    ms: Date.now() - started,
  };
}
