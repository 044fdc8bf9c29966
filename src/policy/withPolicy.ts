import type { AnyStateMachine } from 'xstate';
import type { PolicyVersion } from '../domain/policy.ts';
import { policyGuards } from '../../machines/lifecycle/policySlots.ts';
import { decisionsFor, delaysFor } from './decisionsFor.ts';

/**
 * The machine with a policy version's decisions and timer lengths provided through
 * `machine.provide()`; the machine definition itself is never edited.
 *
 * @example
 * const machine = withPolicy(subpoenaMachine, policyVersionAt(cloudflare, '2026-03-01'));
 */
export function withPolicy(machine: AnyStateMachine, version: PolicyVersion): AnyStateMachine {
  let byVersion = cache.get(machine);
  if (!byVersion) cache.set(machine, (byVersion = new WeakMap()));
  let provided = byVersion.get(version);
  if (!provided) {
    provided = machine.provide({ guards: policyGuards(decisionsFor(version)), delays: delaysFor(version) } as never);
    byVersion.set(version, provided);
  }
  return provided;
}

/** `provide()` rebuilds every state node, so each machine × version is built once. */
const cache = new WeakMap<AnyStateMachine, WeakMap<PolicyVersion, AnyStateMachine>>();
