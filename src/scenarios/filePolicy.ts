import { withSuggestion } from '../domain/didYouMean.ts';
import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import type { PolicyRegistry } from '../policy/policyRegistry.ts';
import type { ScenarioFile } from './Scenario.ts';

/**
 * The policy profile a scenario file was written under, found by its id among `policies`; a file
 * written under a provider's own policy that is not among them is an `InputError` asking for it.
 *
 * @example
 * filePolicy(readScenarioFile('scenarios/subpoena.cloudflare.json'), POLICIES).id // 'cloudflare'
 */
export function filePolicy(file: ScenarioFile, policies: PolicyRegistry): ProviderPolicy {
  const id = file.policy.id;
  const profile = Object.hasOwn(policies, id) ? policies[id] : undefined;
  if (profile) return profile;
  throw new InputError('unknownPolicy', 'policy.id', id, `is the policy the scenarios were written under, and not one of ${Object.keys(policies).join(', ')}`, withSuggestion('give that policy’s JSON file, as the scenarios were written with it: --policy FILE (the API: its `policies` argument)', id, Object.keys(policies)));
}
