import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { dayNumber } from '../domain/date.ts';
import type { DatedEvent } from '../domain/DatedEvent.ts';
import { InputError } from '../domain/InputError.ts';
import { parseEvent } from '../domain/parseEvent.ts';
import type { PolicyVersion } from '../domain/policy.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { checkDay } from './checkDay.ts';
import { couldTake } from './couldTake.ts';
import { takenAfter } from './takenAfter.ts';
import { type Rejection, type TimedRun, advanceTo, sendEvent, startRun } from './TimedRun.ts';

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
 * it is applied.
 *
 * @example
 * const { run, rejected } = replay(entry, version, request, [{ day: 3, event: { type: 'review.completed', finding: 'sufficient' } }]);
 */
export function replay(entry: Pick<KindEntry, 'machine' | 'alphabet'>, version: PolicyVersion, request: { receivedOn: string }, events: readonly (Omit<DatedEvent, 'event'> & { event?: { type: string; [field: string]: unknown } | undefined })[]): Replay {
  const start = dayNumber(request.receivedOn);
  const days = events.map((e, i) => {
    if (e.day !== undefined) return checkDay(e.day, `events[${i}].day`);
    const day = dayNumber(e.date as string) - start;
    if (day < 0) {
      throw new InputError('timeWentBack', `events[${i}].date`, e.date, `is before the request was received (${request.receivedOn})`, 'use a date on or after receivedOn');
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
  for (const [i, e] of events.entries()) if (e.event !== undefined) parseEvent(e.event, `events[${i}].event`, { ownTypes: true });

  let run = startRun(withPolicy(entry.machine, version), request, 0);
  for (const [index, line] of events.entries()) {
    const day = days[index] as number;
    if (!line.event) {
      run = advanceTo(run, day, true);
      continue;
    }
    const result = sendEvent(run, day, line.event);
    if (!result.ok) {
      const at = advanceTo(run, Math.max(day, run.day)).snapshot;
      const rejection = result.rejection.reason === 'notAccepted' && at.status === 'active' ? { ...result.rejection, message: `${result.rejection.message}; ${takenAfter(entry, run, day, line.event)}` } : result.rejection;
      return { run: result.run, rejected: { index, day, event: line.event, rejection, couldTake: couldTake(entry, at) } };
    }
    run = result.run;
  }
  return { run };
}
