import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { parseEvent } from '../domain/parseEvent.ts';
import { InputError } from '../domain/InputError.ts';
import { SENT_ONLY_FIELDS } from '../domain/events.ts';
import { capMicrosteps } from '../explore/capMicrosteps.ts';
import { machineThrew } from '../explore/machineThrew.ts';
import { stepperOf } from '../explore/pureStepper.ts';
import { transitionId } from '../paths/machineTransitions.ts';
import { checkDay } from './checkDay.ts';
import { pendingDeadlines } from './pendingDeadlines.ts';
import { refusalReason } from './refusalReason.ts';
import { type RaisedEvent, raisedEvents } from '../explore/raisedEvents.ts';
import { type PendingTimer, applyTimerChanges, delayName } from './timerChanges.ts';

/** One step of a run: what happened on which day, and where the machine ended up. */
export interface Step {
  day: number;
  /** The outside event, or the timer that fired. */
  trigger: { kind: 'start' } | { kind: 'event'; event: { type: string } } | { kind: 'timer'; delay: string; event: string };
  snapshot: AnyMachineSnapshot;
  timers: readonly PendingTimer[];
  /** Ids of the statechart transitions the step took (`machineTransitions`), eventless ones included. */
  transitions: readonly string[];
  /** States the step passed through and left within it (eventless transitions, raised events), in order. */
  through?: readonly AnyMachineSnapshot[];
  /** Events the step raised for itself and took at once (`raisedEvents`). */
  raised?: readonly RaisedEvent[];
}

/** A machine driven by whole-day time: its snapshot, its pending timers and every step so far. */
export interface TimedRun {
  machine: AnyStateMachine;
  day: number;
  snapshot: AnyMachineSnapshot;
  timers: readonly PendingTimer[];
  steps: readonly Step[];
  seq: number;
  /** The last day whose end has passed (a timer fired then); outside events must come after it. */
  endedDay: number;
}

/** Why an outside event was not applied. The run is left exactly as it was. */
export interface Rejection {
  reason: 'notAccepted' | 'timeWentBack';
  message: string;
  /** Event types the machine could take at that point. */
  accepted: string[];
}

const START_FIX = "give an input the machine's own code can start from: for a catalogue kind, a request its requestSchema accepts";
/** The advice when the machine's own code fails on a step. */
export const STEP_FIX = "make the machine's guards, assignments and delays work for each event it may be sent, in the state and context the case has reached";

/** `work`, with the machine's own failure on `event` in `snapshot` reported as `machineThrew` words it. */
function onStep<T>(snapshot: AnyMachineSnapshot, event: { type: string }, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw machineThrew(e, { snapshot, event }, STEP_FIX);
  }
}

/**
 * Starts a machine on day `day` with its input, through XState's pure initial transition. An
 * input the machine cannot start from is an `InputError` naming it, as the checker reports it;
 * so, on every later step (`sendEvent`, `advanceTo`), is the machine's own code failing, or
 * looping through eventless transitions without settling (`MachineThrew`).
 *
 * @example
 * let run = startRun(subpoenaMachine, request, 0);
 * run = advanceTo(run, 30);
 */
export function startRun(machine: AnyStateMachine, input: unknown, day = 0): TimedRun {
  checkDay(day, 'day');
  // Eventless transitions that never settle are then an error, not a step that never ends.
  capMicrosteps(machine);
  let started: ReturnType<ReturnType<typeof stepperOf>['initial']>;
  try {
    started = stepperOf(machine).initial(input);
  } catch (e) {
    throw machineThrew(e, { input }, START_FIX);
  }
  const [snapshot, actions, taken, through] = started;
  // XState keeps a failed start in the snapshot instead of throwing it.
  if (snapshot.status === 'error') throw machineThrew((snapshot as { error?: unknown }).error, { input }, START_FIX);
  const timers = applyTimerChanges([], actions, day, 0);
  return { machine, day, snapshot, timers, seq: timers.length, steps: [{ day, trigger: { kind: 'start' }, snapshot, timers, transitions: taken.map(transitionId), ...passed(through, actions) }], endedDay: day - 1 };
}

/**
 * Fires, in order, every timer due before `day` (a timer due on a day fires at its end, after
 * that day's outside events), then moves the clock to `day`. With `inclusive`, timers due on
 * `day` itself fire too.
 */
export function advanceTo(run: TimedRun, day: number, inclusive = false): TimedRun {
  checkDay(day, 'day');
  let current = run;
  for (;;) {
    const next = current.timers[0];
    if (!next || next.dueDay > day || (next.dueDay === day && !inclusive)) break;
    const fired = { type: next.event };
    const [snapshot, actions, taken, through] = onStep(current.snapshot, fired, () => stepperOf(current.machine).next(current.snapshot, fired));
    const timers = applyTimerChanges(current.timers.slice(1), actions, next.dueDay, current.seq);
    const step: Step = { day: next.dueDay, trigger: { kind: 'timer', delay: delayName(next.event), event: next.event }, snapshot, timers, transitions: taken.map(transitionId), ...passed(through, actions) };
    current = { ...current, day: next.dueDay, endedDay: next.dueDay, snapshot, timers, seq: current.seq + actions.length, steps: [...current.steps, step] };
  }
  return { ...current, day: Math.max(current.day, day) };
}

/**
 * Applies an outside event on `day`, after firing the timers due before it. A rejected event
 * changes nothing: the result carries the unchanged run and why. A day that is not a whole
 * number, or an event of a vocabulary type whose payload the vocabulary refuses, is an
 * `InputError`; event types outside the vocabulary are the machine's own and pass as given.
 *
 * @example
 * const result = sendEvent(run, 3, { type: 'review.completed', finding: 'sufficient' });
 * if (!result.ok) console.log(result.rejection.message);
 */
export function sendEvent(run: TimedRun, day: number, event: { type: string }): { ok: true; run: TimedRun } | { ok: false; run: TimedRun; rejection: Rejection } {
  checkDay(day, 'day');
  // Before the schema, so a date a sender gave is named as such rather than as an unknown key.
  for (const field of SENT_ONLY_FIELDS[String((event as { type?: unknown } | null)?.type)] ?? []) {
    const value = (event as unknown as Record<string, unknown>)[field];
    if (value === undefined) continue;
    throw new InputError('invalid', `event.${field}`, value, 'is for a sender, and a timed run counts days from its start, not dates: the machine would misread the event', "turn the event into what a machine takes on its date first (eventAsOf(event, date): a dated order's days left), or send it through the case engine, which knows the date");
  }
  parseEvent(event, 'event', { ownTypes: true, taken: true });
  if (day < run.day) {
    return { ok: false, run, rejection: { reason: 'timeWentBack', message: `day ${day} is before day ${run.day}, the last step; events must be in date order`, accepted: acceptedEvents(run.snapshot) } };
  }
  if (day <= run.endedDay) {
    const message = `day ${day} has ended: its deadlines fired at its end, so an event after them is dated day ${run.endedDay + 1} or later`;
    return { ok: false, run, rejection: { reason: 'timeWentBack', message, accepted: acceptedEvents(run.snapshot) } };
  }
  const moved = advanceTo(run, day);
  if (moved.snapshot.status !== 'active') {
    return { ok: false, run, rejection: { reason: 'notAccepted', message: `"${event.type}" cannot be taken on day ${day}: the case has finished, in state ${stateLabel(moved.snapshot)}`, accepted: [] } };
  }
  const [snapshot, actions, taken, through] = onStep(moved.snapshot, event, () => stepperOf(moved.machine).next(moved.snapshot, event));
  // XState returns the same snapshot, with no actions, when no transition is taken; only a taken
  // self-transition looks the same, and `can()` tells the two apart.
  if (snapshot === moved.snapshot && actions.length === 0 && !onStep(moved.snapshot, event, () => moved.snapshot.can(event))) {
    const accepted = acceptedEvents(moved.snapshot);
    const why = onStep(moved.snapshot, event, () => refusalReason(moved.snapshot, event, accepted));
    return { ok: false, run, rejection: { reason: 'notAccepted', message: `"${event.type}" cannot be taken on day ${day} in state ${stateLabel(moved.snapshot)}: ${why} ${pendingDeadlines(moved.timers)}`, accepted } };
  }
  const timers = applyTimerChanges(moved.timers, actions, day, moved.seq);
  const step: Step = { day, trigger: { kind: 'event', event }, snapshot, timers, transitions: taken.map(transitionId), ...passed(through, actions) };
  return { ok: true, run: { ...moved, snapshot, timers, seq: moved.seq + actions.length, steps: [...moved.steps, step] } };
}

/** Outside event types some active state node listens for (guards not evaluated); none once the machine has finished. */
export function acceptedEvents(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  // XState v5 has no public accessor for a snapshot's active state nodes; `_nodes` is that list.
  const nodes = (snapshot as unknown as { _nodes: { ownEvents: string[] }[] })._nodes;
  return [...new Set(nodes.flatMap((n) => n.ownEvents))].filter((t) => !t.startsWith('xstate.')).sort();
}

/** A state value as one readable line: `process.review · secrecy.none · notice.pending`. */
export function stateLabel(snapshot: AnyMachineSnapshot): string {
  const flat = (value: unknown, prefix: string): string[] =>
    typeof value === 'string'
      ? [prefix ? `${prefix}.${value}` : value]
      : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
  return flat(snapshot.value, '').join(' · ');
}

/** A step's `through` and `raised`, each left out when empty. */
function passed(through: readonly AnyMachineSnapshot[], actions: readonly { type: string; params?: unknown }[]): { through?: readonly AnyMachineSnapshot[]; raised?: readonly RaisedEvent[] } {
  const raised = raisedEvents(actions);
  return { ...(through.length ? { through } : {}), ...(raised.length ? { raised } : {}) };
}
