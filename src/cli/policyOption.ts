import type { ProviderPolicy } from '../domain/policy.ts';
import { InputError } from '../domain/InputError.ts';
import { loadPolicy, POLICIES } from '../policy/loadPolicy.ts';

/**
 * A `--policy NAME|FILE` option as the engine takes it: the profile's id, and the provider's own
 * profiles to register (a file's policy, by its id; none for a built-in name). A file whose
 * policy takes a built-in id is bad input: the engine would not know which of the two a stored
 * case ran under.
 *
 * @example
 * policyOption('./acme-policy.json'); // { policy: 'acme', policies: { acme: { id: 'acme', … } } }
 * policyOption('cloudflare'); // { policy: 'cloudflare', policies: {} }
 */
export function policyOption(value: string): { policy: string; policies: Record<string, ProviderPolicy> } {
  const profile = loadPolicy(value);
  const policy = profile.id;
  const builtIn = Object.hasOwn(POLICIES, policy);
  if (builtIn && POLICIES[policy] !== profile) throw new InputError('invalid', '--policy', value, `holds the policy id "${policy}", which is a built-in policy's`, 'give the policy in your file an id of its own');
  return { policy, policies: builtIn ? {} : { [policy]: profile } };
}
