import { DATA_CATEGORIES, type DataCategory } from '../domain/categories.ts';
import { isoDate } from '../domain/date.ts';
import { noticeStatus } from '../time/noticeStatus.ts';
import type { TimedRun } from '../time/TimedRun.ts';
import type { NoticeStatus, Observation } from './Observation.ts';

/**
 * What the model says about a run, in the vocabulary a conformance suite compares: tags,
 * secrecy, notice, categories disclosed by accepted events, and pending deadlines as dates.
 * `start` is the day number of the run's day 0 (the request's `receivedOn`).
 *
 * @example
 * observe(run, dayNumber(request.receivedOn)).notice // 'due'
 */
export function observe(run: TimedRun, start: number): Observation {
  const disclosed = new Set<DataCategory>();
  for (const step of run.steps) {
    const event = step.trigger.kind === 'event' ? (step.trigger.event as { type: string; categories?: DataCategory[] }) : null;
    if (event?.type === 'data.disclosed') event.categories?.forEach((c) => disclosed.add(c));
  }
  return {
    tags: [...run.snapshot.tags].sort(),
    secrecy: run.snapshot.hasTag('secrecy'),
    notice: noticeStatus(run.snapshot) as NoticeStatus,
    disclosed: DATA_CATEGORIES.filter((c) => disclosed.has(c)),
    deadlines: run.timers.map((t) => ({ name: t.delay, due: isoDate(start + t.dueDay) })).sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name)),
  };
}
