import type { AnyStateMachine } from 'xstate';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { InputError } from '../domain/InputError.ts';
import { POLICIES } from '../policy/loadPolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';

const machines = new WeakMap<object, Map<KindEntry, AnyStateMachine>>();

/**
 * The machine a case runs on: its kind's, under the version of `policy` in force on the case's
 * day 0; one per kind and policy version. An unknown policy is an `InputError` on `field`.
 *
 * @example
 * const machine = caseMachine(findKind('subpoena'), 'cloudflare', '2026-03-02');
 */
export function caseMachine(entry: KindEntry, policy: string, day0: string, field = 'policy'): AnyStateMachine {
  const profile = POLICIES[policy];
  if (!profile) throw new InputError('unknownPolicy', field, policy, 'is not a built-in policy', `use one of ${Object.keys(POLICIES).join(', ')}`);
  const version = policyVersionAt(profile, day0);
  let byKind = machines.get(version);
  if (!byKind) machines.set(version, (byKind = new Map()));
  let machine = byKind.get(entry);
  if (!machine) byKind.set(entry, (machine = withPolicy(entry.machine, version)));
  return machine;
}
