import type { AnyMachineSnapshot, AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import { transitionId } from '../paths/machineTransitions.ts';
import { delayName, refuseDelayedSend, wholeDays } from '../time/timerChanges.ts';
import { type fastStepper, fastStepperOf, NotPorted } from './fastStepper.ts';
import { capMicrosteps } from './capMicrosteps.ts';
import { machineThrew } from './machineThrew.ts';
import { stepperOf } from './pureStepper.ts';
import { sameStep } from './sameStep.ts';
import { historyOf, stableJson, valueJson } from './snapshotKey.ts';
import type { Steps } from './Steps.ts';
import { TimerOpLists } from './TimerEffects.ts';
import { raisedEvents } from './raisedEvents.ts';
import type { EnabledMove, EventEntry, LoggedStep, Move, TimerOp } from './Move.ts';
import { StepMismatch, type Stepper } from './Stepper.ts';
import { ValueIds } from './ValueIds.ts';

/**
 * One machine's steps, each computed once: rules explored one by one all walk the same machine.
 * A step is computed by the port (`fastStepper`) where it can, else by XState's pure
 * `transition`; see the constructor for the other two ways.
 *
 * @example
 * const cache = new TransitionCache(machine, 'verify');
 * const start = cache.start(request).snapshot;
 * cache.next(start, { type: 'review.completed', finding: 'sufficient' }); // throws StepMismatch if the port and XState differ
 */
export class TransitionCache implements Steps {
  private readonly moves = new Map<number, Map<string, Move | null>>();
  private readonly ids = new WeakMap<AnyMachineSnapshot, number>();
  /** State ids by value id, then context id (`ValueIds`): small integer keys. */
  private readonly interned: Map<number, number>[] = [];
  private readonly values = new ValueIds();
  private readonly opLists = new TimerOpLists();
  /** Each state's value, as JSON, by state id. */
  private readonly stateValues: string[] = [];
  /** The first snapshot met of each state id: every move to that state carries it, so a step's own copy is garbage at once instead of kept for the run. */
  private readonly snapshots: AnyMachineSnapshot[] = [];
  private readonly listening: Set<string>[] = [];
  /** Event types listened for, by state value: the machine's chart, shared by all its caches. */
  private readonly configurations: Map<string, Set<string>>;
  /** By event list, then by state id. */
  private readonly enabledMoves: EnabledMove[][][] = [];
  private readonly lists = new Map<string, number>();
  private readonly stepper: ReturnType<typeof stepperOf>;
  private readonly fast: ReturnType<typeof fastStepper>;
  private readonly verify: boolean;
  transitions = 0;
  /** Steps XState itself computed: all of them without the port, else the port's fallbacks (and every step with `verify`). */
  xstateSteps = 0;
  /** Steps the port (`fastStepper`) computed. */
  portedSteps = 0;
  /**
   * When a list, each step computed from a state (a start is not one) is added to it, so
   * `replaySteps` can compute them all again: how the benchmark times the machine's own step
   * functions apart from the explorer's work.
   */
  stepLog: LoggedStep[] | null = null;

  /**
   * `xstate` asks XState for every step; `verify` computes each step both ways and throws a
   * `StepMismatch` when they differ (the test suite's check on the port, `fastStepper`).
   */
  constructor(
    readonly machine: AnyStateMachine,
    how: Stepper = 'port',
  ) {
    capMicrosteps(machine);
    this.configurations = listenersOf(machine);
    this.stepper = stepperOf(machine);
    this.fast = how === 'xstate' ? null : fastStepperOf(machine);
    this.verify = how === 'verify';
  }

  /**
   * A small number standing for what identifies the snapshot, its state value, its context and
   * its history states' records (as `snapshotKey` does): equal states get equal ids. XState
   * builds a state value in the order the machine declares its states, so its JSON is canonical.
   */
  id(snapshot: AnyMachineSnapshot): number {
    let id = this.ids.get(snapshot);
    if (id === undefined) this.ids.set(snapshot, (id = this.keyId(snapshot)));
    return id;
  }

  /** `id` without remembering it on the snapshot: a move carries its id, so the explorer never asks again. */
  private keyId(snapshot: AnyMachineSnapshot): number {
    const byContext = (this.interned[this.values.any(snapshot.value)] ??= new Map());
    const history = historyOf(snapshot);
    const context = this.values.any(history ? { '#context': snapshot.context, '#history': history } : snapshot.context);
    let id = byContext.get(context);
    if (id === undefined) {
      id = this.stateValues.length;
      byContext.set(context, id);
      this.stateValues.push(valueJson(snapshot.value));
    }
    return id;
  }

  /** A small number standing for an event list, so `enabled` can key on it cheaply. */
  listId(events: readonly EventEntry[]): number {
    const text = events.map((e) => e.key).join('\n');
    let id = this.lists.get(text);
    if (id === undefined) {
      id = this.lists.size;
      this.lists.set(text, id);
    }
    return id;
  }

  /** The moves of every event in `events` the snapshot takes, computed once per state and event list. */
  enabled(snapshot: AnyMachineSnapshot, events: readonly EventEntry[], listId: number, id = this.id(snapshot)): EnabledMove[] {
    let byState = this.enabledMoves[listId];
    if (!byState) this.enabledMoves[listId] = byState = [];
    let list = byState[id];
    if (!list) {
      list = [];
      const listening = this.listensFor(id, snapshot);
      for (let index = 0; index < events.length; index++) {
        const { event } = events[index] as EventEntry;
        const timer = event.type.startsWith('xstate.after.');
        if (!timer && !listening.has(event.type)) continue;
        const move = this.compute(snapshot, event, timer, id);
        if (move) list.push({ event, move, index });
      }
      byState[id] = list;
    }
    return list;
  }

  fire(snapshot: AnyMachineSnapshot, timer: { type: string }, id = this.id(snapshot)): Move | null {
    return this.next(snapshot, timer, timer.type, false, id);
  }

  timerEvents(): string[] {
    return this.machine.root.events.filter((t) => t.startsWith('xstate.after.'));
  }

  start(input: unknown): Move {
    let started: ReturnType<typeof this.stepper.initial>;
    try {
      started = this.stepper.initial(input);
    } catch (e) {
      throw machineThrew(e, { input });
    }
    const [snapshot, actions, taken, through] = started;
    if (snapshot.status === 'error') throw machineThrew((snapshot as { error?: unknown }).error, { input });
    this.transitions++;
    return this.move(snapshot, actions, taken, through);
  }

  /**
   * The move an event makes from a snapshot, or null when the machine does not take it. A due
   * timer always fires (its transition may do nothing); with `checkGuards` a timer event is
   * treated like any other event.
   */
  next(snapshot: AnyMachineSnapshot, event: { type: string }, eventKey = stableJson(event), checkGuards = false, from = this.id(snapshot)): Move | null {
    let row = this.moves.get(from);
    if (!row) this.moves.set(from, (row = new Map()));
    const hit = row.get(eventKey);
    if (hit !== undefined) return hit;
    const result = this.compute(snapshot, event, checkGuards, from);
    row.set(eventKey, result);
    return result;
  }

  private compute(snapshot: AnyMachineSnapshot, event: { type: string }, checkGuards: boolean, id: number): Move | null {
    // A finished machine takes nothing more, as a finished actor stops; XState's pure `transition` would still step it.
    if (snapshot.status !== 'active') return null;
    const firesAnyway = event.type.startsWith('xstate.after.') && !checkGuards;
    if (!firesAnyway && !this.listensFor(id, snapshot).has(event.type)) return null;
    const how = firesAnyway ? 'next' : 'taken';
    this.stepLog?.push({ snapshot, event, how });
    const stepped = this.step(snapshot, event, how);
    this.transitions++;
    return stepped && this.move(...stepped);
  }

  /**
   * Computes every step in `stepLog` again, as the cache first did (through the port where it
   * can), remembering nothing, and returns how many it computed.
   *
   * @example
   * cache.stepLog = [];
   * exploreSteps(cache, { inputs, events });
   * cache.replaySteps() === cache.stepLog.length; // true
   */
  replaySteps(): number {
    const log = this.stepLog ?? [];
    for (const { snapshot, event, how } of log) this.step(snapshot, event, how);
    return log.length;
  }

  /** The port's step when it can take it, else XState's; with `verify`, both, and they must agree. */
  private step(snapshot: AnyMachineSnapshot, event: { type: string }, how: 'next' | 'taken') {
    let ported: ReturnType<NonNullable<typeof this.fast>['taken']> | undefined;
    let failure: unknown;
    if (this.fast) {
      try {
        ported = this.fast[how](snapshot, event);
        this.portedSteps++;
      } catch (e) {
        failure = e;
      }
    }
    if (ported !== undefined && !this.verify) return ported;
    this.xstateSteps++;
    let own: ReturnType<typeof this.stepper.next> | null;
    try {
      own = this.stepper[how](snapshot, event);
    } catch (e) {
      throw machineThrew(e, { snapshot, event });
    }
    // XState took a step the port failed on for a reason other than leaving it to XState: a bug in the port.
    if (this.verify && failure !== undefined && !(failure instanceof NotPorted)) {
      throw new StepMismatch(`the port (fastStepper) failed on ${JSON.stringify(event)} from ${JSON.stringify(snapshot.value)} where XState did not: ${String(failure)}`);
    }
    if (ported !== undefined) {
      const difference = sameStep(ported, own);
      if (difference) throw new StepMismatch(`the port (fastStepper) and XState differ on ${JSON.stringify(event)} from ${JSON.stringify(snapshot.value)}: ${difference}`);
    }
    return own;
  }

  /** Event types some active state node has a transition for (guards aside): one set per state value. */
  private listensFor(key: number, snapshot: AnyMachineSnapshot): Set<string> {
    let types = this.listening[key];
    if (!types) {
      const value = this.stateValues[key] as string;
      types = this.configurations.get(value);
      if (!types) {
        // XState v5 has no public accessor for a snapshot's active state nodes; `_nodes` is that list.
        const nodes = (snapshot as unknown as { _nodes: { ownEvents: string[] }[] })._nodes;
        this.configurations.set(value, (types = new Set(nodes.flatMap((n) => n.ownEvents))));
      }
      this.listening[key] = types;
    }
    return types;
  }

  private move(snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[], taken: readonly AnyTransitionDefinition[], through: readonly AnyMachineSnapshot[]): Move {
    const timerOps: TimerOp[] = [];
    for (const a of actions) {
      refuseDelayedSend(a);
      const p = (a.params ?? {}) as { id?: string; sendId?: string; delay?: number };
      if (a.type === 'xstate.cancel' && p.sendId) timerOps.push({ op: 'cancel', event: p.sendId });
      if (a.type === 'xstate.raise' && typeof p.delay === 'number' && p.id) {
        timerOps.push({ op: 'start', event: p.id, delay: delayName(p.id), days: wholeDays(p.id, p.delay) });
      }
    }
    const id = this.keyId(snapshot);
    return { snapshot: (this.snapshots[id] ??= snapshot), id, timerOps: this.opLists.intern(timerOps), taken: taken.map(transitionId), through: through.length ? through : NO_STATES, raised: raisedEvents(actions) };
  }
}

const NO_STATES: readonly AnyMachineSnapshot[] = [];

const listeners = new WeakMap<AnyStateMachine, Map<string, Set<string>>>();

/** The event types each state value of a machine listens for, worked out once per machine: they describe the chart, not a run. */
function listenersOf(machine: AnyStateMachine): Map<string, Set<string>> {
  let byValue = listeners.get(machine);
  if (!byValue) listeners.set(machine, (byValue = new Map()));
  return byValue;
}

const caches = new WeakMap<AnyStateMachine, TransitionCache>();

/** The shared cache of a machine. */
export function transitionCacheOf(machine: AnyStateMachine): TransitionCache {
  let c = caches.get(machine);
  if (!c) caches.set(machine, (c = new TransitionCache(machine)));
  return c;
}
