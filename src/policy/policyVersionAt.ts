import { InputError } from '../domain/InputError.ts';
import type { PolicyVersion, ProviderPolicy } from '../domain/policy.ts';

/**
 * The version of a policy in force on `date` (YYYY-MM-DD): a case is judged under the policy of
 * the day it was received.
 *
 * @example
 * policyVersionAt(letsencrypt, '2024-09-01').title // 'Privacy policy, versions to 28 Jun 2024'
 */
export function policyVersionAt(policy: ProviderPolicy, date: string): PolicyVersion {
  let found: PolicyVersion | undefined;
  for (const version of policy.versions) {
    if (version.effectiveFrom === undefined || version.effectiveFrom <= date) found = version;
  }
  if (!found) {
    const first = policy.versions[0]?.effectiveFrom ?? '';
    throw new InputError('noPolicyVersion', 'request.receivedOn', date, `no version of policy "${policy.id}" was in force then`, `use a date on or after ${first}, or add an earlier version to the policy`);
  }
  return found;
}
