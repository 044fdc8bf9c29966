import type { ProviderPolicy } from '../domain/policy.ts';
import { loadPolicy, POLICIES } from '../policy/loadPolicy.ts';

/**
 * A `--policy NAME|FILE` option as the engine takes it: the profile's id, and the provider's own
 * profiles to register (a file's policy, by its id; none for a built-in one). `loadPolicy` has
 * refused a file that keeps a built-in id over values of its own, so a built-in id here is the
 * built-in policy.
 *
 * @example
 * policyOption('./acme-policy.json'); // { policy: 'acme', policies: { acme: { id: 'acme', … } } }
 * policyOption('cloudflare'); // { policy: 'cloudflare', policies: {} }
 */
export function policyOption(value: string): { policy: string; policies: Record<string, ProviderPolicy> } {
  const profile = loadPolicy(value);
  return { policy: profile.id, policies: Object.hasOwn(POLICIES, profile.id) ? {} : { [profile.id]: profile } };
}
