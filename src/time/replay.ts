import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import type { DatedEvent } from '../domain/DatedEvent.ts';
import { MAX_DAYS } from '../domain/duration.ts';
import { eventAsOf } from '../domain/eventAsOf.ts';
import { InputError } from '../domain/InputError.ts';
import { MachineThrew, machineThrew } from '../explore/machineThrew.ts';
import { parseEvent } from '../domain/parseEvent.ts';
import type { PolicyVersion } from '../domain/policy.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { checkDay } from './checkDay.ts';
import { couldTake } from './couldTake.ts';
import { takenAfter } from './takenAfter.ts';
import { type Rejection, STEP_FIX, type TimedRun, advanceTo, sendEvent, startRun } from './TimedRun.ts';

type Line = Omit<DatedEvent, 'event'> & { event?: { type: string; [field: string]: unknown } | undefined };

/** A replayed case: every step taken, and the event that stopped it, if one was refused. */
export interface Replay {
  run: TimedRun;
  rejected?: {
    index: number;
    day: number;
    event: { type: string };
    rejection: Rejection;
    /** The concrete events (payloads included) the machine would have taken at that point. */
    couldTake: { type: string }[];
  };
}

/**
 * Replays dated events through a kind's machine (or any machine with the alphabet of its
 * events' payloads) under a policy version. Days and events are
 * checked first (whole days, none before receipt, none going backwards, each vocabulary event
 * valid; an event of the machine's own type passes as given), so a bad file applies nothing; a refused event stops the replay and nothing after
 * it is applied. The machine's own code failing on a line (a guard that throws, eventless
 * transitions that never settle) is an `InputError` naming the line, the machine (`name`) and
 * what it threw.
 *
 * @example
 * const { run, rejected } = replay(entry, version, request, [{ day: 3, event: { type: 'review.completed', finding: 'sufficient' } }]);
 */
export function replay(entry: Pick<KindEntry, 'machine' | 'alphabet'> & { name?: string }, version: PolicyVersion, request: { receivedOn: string }, events: readonly Line[]): Replay {
  const start = dayNumber(request.receivedOn);
  const days = events.map((e, i) => {
    if (e.day !== undefined) return checkDay(e.day, `events[${i}].day`);
    const day = dayNumber(e.date as string) - start;
    if (day < 0) {
      throw new InputError('timeWentBack', `events[${i}].date`, e.date, `is before the request was received (${request.receivedOn})`, 'use a date on or after receivedOn');
    }
    if (day > MAX_DAYS) {
      throw new InputError('invalid', `events[${i}].date`, e.date, `is more than ${MAX_DAYS} days (100 years) after the request was received (${request.receivedOn}), longer than a case is modelled over`, `give a date no later than ${isoDate(start + MAX_DAYS)}`);
    }
    return day;
  });
  days.forEach((day, i) => {
    const prev = days[i - 1];
    if (prev !== undefined && day < prev) {
      const field = events[i]?.date !== undefined ? `events[${i}].date` : `events[${i}].day`;
      throw new InputError('timeWentBack', field, events[i]?.date ?? day, `goes backwards: the event before it is on day ${prev}`, 'list events in date order');
    }
  });
  // A dated order's days are its days left on the line's day: the machine counts from the day the event comes.
  const lines = events.map((e, i) => (e.event === undefined ? e : { ...e, event: eventAsOf(parseEvent(e.event, `events[${i}].event`, { ownTypes: true }), isoDate(start + (days[i] as number)), `events[${i}].event`) }));

  // `startRun` caps the machine's microsteps: eventless transitions that never settle are an error, not a replay that never ends.
  let run = startRun(withPolicy(entry.machine, version), request, 0);
  for (const [index, line] of lines.entries()) {
    const day = days[index] as number;
    const done = onLine(entry.name ?? 'the machine', index, day, line, run, () => replayLine(entry, run, index, day, line));
    if ('rejected' in done) return done;
    run = done.run;
  }
  return { run };
}

/** One line of a replay: the run after it, or the replay stopped where it refused the line's event. */
function replayLine(entry: Pick<KindEntry, 'alphabet'>, run: TimedRun, index: number, day: number, line: Line): { run: TimedRun } | Required<Replay> {
  if (!line.event) return { run: advanceTo(run, day, true) };
  const result = sendEvent(run, day, line.event);
  if (result.ok) return { run: result.run };
  const at = advanceTo(run, Math.max(day, run.day)).snapshot;
  const rejection = result.rejection.reason === 'notAccepted' && at.status === 'active' ? { ...result.rejection, message: `${result.rejection.message}; ${takenAfter(entry, run, day, line.event)}` } : result.rejection;
  return { run: result.run, rejected: { index, day, event: line.event, rejection, couldTake: couldTake(entry, at) } };
}

/**
 * Runs the work of `events[index]`. The lines were checked before, so what fails in it is the
 * machine's own code (on the line's event, a deadline it fires, or a guard asked what it could
 * take instead): bad input, in `machineThrew`'s words, under the line and the machine's name.
 */
function onLine<T>(name: string, index: number, day: number, line: Line, run: TimedRun, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof InputError && !(e instanceof MachineThrew)) throw e;
    const threw = e instanceof MachineThrew ? e : machineThrew(e, { snapshot: run.snapshot, event: line.event ?? { type: 'deadline' } }, STEP_FIX);
    const field = line.event ? `events[${index}].event` : `events[${index}]`;
    throw new InputError(threw.reason, field, line.event ?? line, `on day ${day}, ${name}: ${threw.problem}`, threw.fix);
  }
}
