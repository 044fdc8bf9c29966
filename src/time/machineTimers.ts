import type { AnyStateMachine } from 'xstate';
import { DAY_MS } from '../domain/duration.ts';
import { POLICY_DELAYS } from '../../machines/lifecycle/policySlots.ts';
import { delayName } from './timerChanges.ts';

/** A named delay of a machine and who sets its length. */
export interface TimerInfo {
  name: string;
  /** Length in days as the machine stands (policy timers: after `withPolicy`); null when set per case. */
  days: number | null;
  setBy: 'law' | 'policy' | 'case';
}

/**
 * Every named delay a machine uses, read from its state nodes' timer events.
 *
 * @example
 * machineTimers(nationalSecurityLetterMachine) // [{ name: 'P30D', days: 30, setBy: 'law' }, …]
 */
export function machineTimers(machine: AnyStateMachine): TimerInfo[] {
  const names = [...new Set(machine.root.events.filter((e) => e.startsWith('xstate.after.')).map(delayName))];
  const delays = (machine.implementations.delays ?? {}) as Record<string, unknown>;
  return names.sort().map((name) => {
    const value = delays[name];
    const days = typeof value === 'number' ? value / DAY_MS : null;
    const setBy = name in POLICY_DELAYS ? 'policy' : typeof value === 'number' ? 'law' : 'case';
    return { name, days, setBy };
  });
}
