import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { POLICIES } from './loadPolicy.ts';
import { withSuggestion } from '../domain/didYouMean.ts';
import type { PolicyRegistry } from './policyRegistry.ts';

/**
 * The profile a policy id names in `registry` (the built-in ones unless given); an id it does not
 * hold is an `InputError` on `field` that lists the ids it does.
 *
 * @example
 * resolvePolicy('cloudflare', 'policy').name // 'Cloudflare'
 * resolvePolicy('acme', 'case.policy', policyRegistry({ acme })) // acme
 */
export function resolvePolicy(id: unknown, field: string, registry: PolicyRegistry = POLICIES): ProviderPolicy {
  const profile = typeof id === 'string' && Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (profile) return profile;
  const ids = Object.keys(registry);
  const known = ids.join(', ');
  const problem = id === undefined ? 'is not given' : ids.every((k) => Object.hasOwn(POLICIES, k)) ? 'is not a built-in policy' : `is not a built-in policy or one registered by id (known: ${known})`;
  throw new InputError('unknownPolicy', field, id, problem, withSuggestion(`use one of ${known}, or register a policy of your own by its id: createCaseEngine({ policies: { [id]: policy } }), or dueprocess serve --policy FILE`, typeof id === 'string' ? id : undefined, ids));
}
