import type { AnyStateMachine } from 'xstate';
import type { PendingDeadline } from '../scenarios/Observation.ts';
import { type TimerMeaning, timerMeaning } from '../time/timerMeaning.ts';

/**
 * A pending deadline as the engine and the service show it: the delay's name and due day, what
 * the timer is (`timerMeaning`; absent when the case's machine, or the timer in it, is gone), and
 * `overdue: true` when its day ended before today but no tick has fired it yet.
 */
export type CaseDeadline = PendingDeadline & Partial<TimerMeaning> & { overdue?: true };

/**
 * Describes one pending timer of a case running on `machine`, due at the end of `due`, as of `today`.
 *
 * @example
 * caseDeadline(machine, { event: 'xstate.after.objectionWindow.subpoena.notice.sent', delay: 'objectionWindow' }, '2026-03-19', '2026-03-21')
 * // { name: 'objectionWindow', due: '2026-03-19', state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy', overdue: true }
 */
export function caseDeadline(machine: AnyStateMachine | undefined, timer: { event: string; delay: string }, due: string, today: string): CaseDeadline {
  return { name: timer.delay, due, ...(machine && timerMeaning(machine, timer.event)), ...(due < today ? { overdue: true as const } : {}) };
}
