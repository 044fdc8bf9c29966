import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { eventText } from '../domain/eventText.ts';
import { couldTake } from './couldTake.ts';
import { type TimedRun, advanceTo, sendEvent } from './TimedRun.ts';

/** How many deadlines, one after another, a look ahead lets pass. */
const DEADLINES = 3;
/** How many ways to name. */
const SHOWN = 3;

/** The deadlines, fired in order from `run`, after which it takes `event`; null when none of them does. */
function afterDeadlines(run: TimedRun, event: { type: string }): string[] | null {
  let current = run;
  const passed: string[] = [];
  for (let i = 0; i < DEADLINES; i++) {
    const next = current.timers[0];
    if (!next || current.snapshot.status !== 'active') return null;
    const fired = advanceTo(current, next.dueDay, true);
    passed.push(...fired.steps.slice(current.steps.length).flatMap((s) => (s.trigger.kind === 'timer' ? [s.trigger.delay] : [])));
    current = fired;
    if (current.snapshot.status === 'active' && current.snapshot.can(event)) return passed;
  }
  return null;
}

/**
 * Why a refused event is not taken yet, as what would change that: the deadlines that must pass
 * first, or one event the case takes on `day` and then the deadlines after it (the shortest
 * ways first, at most three named); or, when nothing of that reach makes it taken, says so,
 * which is how a legal bar (content on a subpoena) reads apart from an order of steps.
 *
 * @example
 * takenAfter(entry, run, 3, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] })
 * // 'it is taken after secrecy.imposed; or after notice.sent, then the objectionWindow deadline'
 */
export function takenAfter(entry: Pick<KindEntry, 'alphabet'>, run: TimedRun, day: number, event: { type: string }): string {
  const at = advanceTo(run, Math.max(day, run.day));
  const ways: string[][] = [];
  const seen = new Set<string>();
  const alone = afterDeadlines(at, event);
  if (alone) ways.push(alone.map((d) => `the ${d} deadline`));
  for (const first of couldTake(entry, at.snapshot)) {
    const sent = sendEvent(at, at.day, first);
    if (!sent.ok) continue;
    const deadlines = sent.run.snapshot.can(event) ? [] : afterDeadlines(sent.run, event);
    // One way per event type: the payloads of a type (a gag of 90 or 400 days) open the same door.
    if (deadlines && !seen.has(first.type)) ways.push([eventText(first), ...deadlines.map((d) => `the ${d} deadline`)]);
    if (deadlines) seen.add(first.type);
  }
  if (ways.length === 0) return `no one event the case takes now, with up to ${DEADLINES} deadlines after it, makes it taken`;
  const shortest = ways.sort((a, b) => a.length - b.length).slice(0, SHOWN);
  const more = ways.length > SHOWN ? ` (and ${ways.length - SHOWN} more)` : '';
  return `it is taken after ${shortest.map((w) => w.join(', then ')).join('; or after ')}${more}`;
}
