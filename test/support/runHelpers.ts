import type { VocabularyEvent } from '../../src/domain/events.ts';
import { type TimedRun, sendEvent } from '../../src/time/TimedRun.ts';

/** Sends an event the machine must take; throws with the machine's reason when it does not. */
export function send(run: TimedRun, day: number, event: VocabularyEvent): TimedRun {
  const result = sendEvent(run, day, event);
  if (!result.ok) throw new Error(result.rejection.message);
  return result.run;
}

/** Sends a vocabulary event; the result says whether the machine took it. */
export const attempt = (run: TimedRun, day: number, event: VocabularyEvent) => sendEvent(run, day, event);

/** Pending timers as [delay, due day]. */
export const timers = (run: TimedRun) => run.timers.map((t) => [t.delay, t.dueDay]);
