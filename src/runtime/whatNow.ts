import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import { couldTake } from '../time/couldTake.ts';
import { type TimedRun, advanceTo } from '../time/TimedRun.ts';
import { type CaseDeadline, caseDeadline } from './caseDeadline.ts';

/** What a case tool can do with a case on a day, and what it is waiting on. */
export interface WhatNow {
  /** Pending deadlines by due date then name, each described (`caseDeadline`). */
  deadlines: CaseDeadline[];
  /** The concrete events the case would take on that day, guards evaluated (`couldTake`). */
  couldTake: { type: string }[];
}

/**
 * A stored case's run as of `today`: its deadlines, overdue ones marked, and the events it would
 * take that day, after the deadlines due before it fire as a send dated today would fire them.
 *
 * @example
 * whatNow(entry, run, '2026-03-02', '2026-03-10').couldTake // [{ type: 'request.withdrawn' }, …]
 */
export function whatNow(entry: Pick<KindEntry, 'alphabet'>, run: TimedRun, day0: string, today: string): WhatNow {
  const start = dayNumber(day0);
  const deadlines = run.timers.map((t) => caseDeadline(run.machine, t, isoDate(start + t.dueDay), today)).sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name));
  const at = advanceTo(run, Math.max(run.day, dayNumber(today) - start)).snapshot;
  return { deadlines, couldTake: couldTake(entry, at) };
}
