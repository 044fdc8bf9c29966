import type { AnyStateMachine } from 'xstate';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';

const machines = new WeakMap<object, Map<KindEntry, AnyStateMachine>>();

/**
 * The machine a case runs on: its kind's, under the version of `profile` in force on the case's
 * day 0; one per kind and policy version. `resolvePolicy` turns a case's policy id into its profile.
 *
 * @example
 * const machine = caseMachine(findKind('subpoena'), resolvePolicy('cloudflare', 'policy'), '2026-03-02');
 */
export function caseMachine(entry: KindEntry, profile: ProviderPolicy, day0: string): AnyStateMachine {
  const version = policyVersionAt(profile, day0);
  let byKind = machines.get(version);
  if (!byKind) machines.set(version, (byKind = new Map()));
  let machine = byKind.get(entry);
  if (!machine) byKind.set(entry, (machine = withPolicy(entry.machine, version)));
  return machine;
}
