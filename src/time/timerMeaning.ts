import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { type TimerInfo, machineTimers } from './machineTimers.ts';
import { delayName } from './timerChanges.ts';

/** What a timer is, read from the machine definition. */
export interface TimerMeaning {
  /** The path of the state node whose `after` set the timer: `notice.sent`. */
  state: string;
  /** Where the case goes when it passes: the target state's path; guarded alternatives joined by ` or `; the timer's own state when it has no target. */
  leadsTo: string;
  setBy: TimerInfo['setBy'];
}

const meanings = new WeakMap<AnyStateMachine, Map<string, TimerMeaning>>();

const pathOf = (node: AnyStateNode): string => node.path.join('.');

function readMeanings(machine: AnyStateMachine): Map<string, TimerMeaning> {
  const setBy = new Map(machineTimers(machine).map((t) => [t.name, t.setBy]));
  const out = new Map<string, TimerMeaning>();
  const visit = (node: AnyStateNode): void => {
    const targets = new Map<string, Set<string>>();
    for (const t of node.after) {
      const set = targets.get(t.eventType) ?? new Set();
      set.add(t.target?.length ? t.target.map(pathOf).join(' · ') : pathOf(node));
      targets.set(t.eventType, set);
    }
    for (const [event, to] of targets) out.set(event, { state: pathOf(node), leadsTo: [...to].join(' or '), setBy: setBy.get(delayName(event)) ?? 'case' });
    Object.values(node.states).forEach(visit);
  };
  visit(machine.root);
  return out;
}

/**
 * What a pending timer means, from the `xstate.after.<delay>.<state id>` event it sends: the
 * state whose `after` set it, where the case goes when it passes, and who sets its length (as
 * `machineTimers` says). Undefined for an event the machine has no timer for (a case stored under
 * an older machine version).
 *
 * @example
 * timerMeaning(machine, 'xstate.after.objectionWindow.subpoena.notice.sent')
 * // { state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy' }
 */
export function timerMeaning(machine: AnyStateMachine, timerEvent: string): TimerMeaning | undefined {
  let known = meanings.get(machine);
  if (!known) meanings.set(machine, (known = readMeanings(machine)));
  return known.get(timerEvent);
}
