import { InputError, fromZod } from '../domain/InputError.ts';
import { ProviderPolicy } from '../domain/policy.ts';
import { POLICIES } from './loadPolicy.ts';

/** Every policy profile an engine can open and reload cases under, by id. */
export type PolicyRegistry = Readonly<Record<string, ProviderPolicy>>;

/**
 * The built-in profiles plus a provider's own, each validated against `ProviderPolicy` and
 * registered under its `id`. A bad policy is an `InputError` naming `policies.<id>.<field>`; an id
 * that is a built-in one, or that is not the policy's own `id`, is an `InputError` too.
 *
 * @example
 * const registry = policyRegistry({ acme: JSON.parse(readFileSync('acme-policy.json', 'utf8')) });
 * Object.keys(registry) // ['cloudflare', 'letsencrypt', 'acme']
 */
export function policyRegistry(own: unknown = {}, field = 'policies'): PolicyRegistry {
  if (own === null || typeof own !== 'object' || Array.isArray(own)) {
    throw new InputError('invalid', field, own, 'is not an object of policies by id', `give { [id]: policy }, like { acme: { id: 'acme', name: 'Acme', versions: [...] } }`);
  }
  const registry: Record<string, ProviderPolicy> = { ...POLICIES };
  for (const [id, raw] of Object.entries(own)) {
    if (Object.hasOwn(POLICIES, id)) {
      throw new InputError('invalid', `${field}.${id}`, id, 'is the id of a built-in policy', `give your policy an id of its own (not ${Object.keys(POLICIES).join(', ')}), inside it and as its key`);
    }
    const parsed = ProviderPolicy.safeParse(raw);
    if (!parsed.success) throw fromZod(parsed.error, raw, `${field}.${id}`);
    if (parsed.data.id !== id) throw new InputError('invalid', `${field}.${id}.id`, parsed.data.id, `is not the id it is registered under ("${id}")`, 'register each policy under its own id');
    registry[id] = parsed.data;
  }
  return Object.freeze(registry);
}
