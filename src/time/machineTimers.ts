import type { AnyStateMachine } from 'xstate';
import { DAY_MS } from '../domain/duration.ts';
import { type Source, weakestTag } from '../domain/source.ts';
import { POLICY_DELAY_PATHS, POLICY_DELAY_SOURCES, POLICY_DELAYS, type PolicyDelay } from '../../machines/lifecycle/policySlots.ts';
import { delayName } from './timerChanges.ts';

/** A named delay of a machine and who sets its length. */
export interface TimerInfo {
  name: string;
  /** Length in days as the machine stands (policy timers: after `withPolicy`); null when set per case. */
  days: number | null;
  setBy: 'law' | 'policy' | 'case';
  /** For a length set per case within a limit the law sets (a window the compliance date can cut short), that limit. */
  atMostDays?: number;
  /** A policy timer's citation, as the policy's `sources` words it. */
  source?: string;
  /** The weakest tag in `source`: a length no provider publishes is `?`. */
  confidence?: Source['confidence'];
}

/**
 * Every named delay of a machine, read from its state nodes' timer events. Policy timers carry
 * their citation from `sources`, a policy version's (the defaults' when none is given).
 *
 * @example
 * machineTimers(nationalSecurityLetterMachine) // [{ name: 'P30D', days: 30, setBy: 'law' }, …]
 * machineTimers(subpoenaMachine).find((t) => t.name === 'objectionWindow')?.confidence // '?'
 */
export function machineTimers(machine: AnyStateMachine, sources: Readonly<Record<string, string>> = POLICY_DELAY_SOURCES): TimerInfo[] {
  const names = [...new Set(machine.root.events.filter((e) => e.startsWith('xstate.after.')).map(delayName))];
  const delays = (machine.implementations.delays ?? {}) as Record<string, unknown>;
  return names.sort().map((name) => {
    const value = delays[name];
    const days = typeof value === 'number' ? value / DAY_MS : null;
    const atMost = (value as { atMostDays?: unknown } | undefined)?.atMostDays;
    if (!(name in POLICY_DELAYS)) return { name, days, setBy: typeof value === 'number' ? 'law' : 'case', ...(typeof atMost === 'number' ? { atMostDays: atMost } : {}) };
    const source = sources[POLICY_DELAY_PATHS[name as PolicyDelay]] ?? 'no source given by the policy';
    return { name, days, setBy: 'policy', source, confidence: weakestTag(source) };
  });
}
