import type { AnyStateMachine } from 'xstate';
import { DAY_MS } from '../domain/duration.ts';
import type { PolicyVersion } from '../domain/policy.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from '../../machines/lifecycle/policySlots.ts';
import { delaysFor } from './decisionsFor.ts';

/** A delay or guard of a machine that a policy fills in when the machine is checked or run under it. */
export interface PolicySlot {
  kind: 'delay' | 'guard';
  name: string;
  /** For a delay: its length under the policy, in days. */
  policyDays?: number;
  /** For a delay of a fixed length: the machine's own, in days. */
  machineDays?: number;
}

/**
 * The delays and guards a machine implements under the names of policy slots (`objectionWindow`,
 * `policyNoticeBeforeDisclosure`…): `withPolicy` replaces each with the policy's own, so a machine
 * is checked with the policy's windows and decisions, not the ones it was written with.
 *
 * @example
 * policySlotsOf(machine, policyVersionAt(cloudflare, '2026-01-15'));
 * // [{ kind: 'delay', name: 'objectionWindow', policyDays: 14, machineDays: 30 }]
 */
export function policySlotsOf(machine: AnyStateMachine, version: PolicyVersion): PolicySlot[] {
  const own = machine.implementations as { delays?: Record<string, unknown>; guards?: Record<string, unknown> };
  const policyDelays = delaysFor(version) as Record<string, number>;
  const delays = Object.keys(own.delays ?? {})
    .filter((name) => name in POLICY_DELAYS)
    .map((name): PolicySlot => {
      const mine = own.delays?.[name];
      return { kind: 'delay', name, policyDays: (policyDelays[name] as number) / DAY_MS, ...(typeof mine === 'number' ? { machineDays: mine / DAY_MS } : {}) };
    });
  const slotGuards = policyGuards(DEFAULT_DECISIONS) as Record<string, unknown>;
  const guards = Object.keys(own.guards ?? {})
    .filter((name) => name in slotGuards)
    .map((name): PolicySlot => ({ kind: 'guard', name }));
  return [...delays, ...guards];
}
