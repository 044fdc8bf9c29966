import type { PendingTimer } from './timerChanges.ts';

/**
 * What a run is waiting on, for a refusal to say why: each pending deadline by its delay's name
 * and due day, soonest first, in parentheses.
 *
 * @example
 * pendingDeadlines(run.timers); // '(pending deadline: objectionWindow, due day 17)'
 */
export function pendingDeadlines(timers: readonly PendingTimer[]): string {
  if (timers.length === 0) return '(no deadline pending)';
  const each = timers.map((t) => `${t.delay}, due day ${t.dueDay}`).join('; ');
  return `(pending deadline${timers.length === 1 ? '' : 's'}: ${each})`;
}
