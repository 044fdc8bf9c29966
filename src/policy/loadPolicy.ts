import { isDeepStrictEqual } from 'node:util';
import { InputError, fromZod } from '../domain/InputError.ts';
import { withSuggestion } from '../domain/didYouMean.ts';
import { readJson } from '../domain/readJson.ts';
import { ProviderPolicy } from '../domain/policy.ts';
import { cloudflare } from './cloudflare.ts';
import { letsencrypt } from './letsencrypt.ts';

/** The policy profiles that ship with dueprocess, by id. */
export const POLICIES: Readonly<Record<string, ProviderPolicy>> = { cloudflare, letsencrypt };

/**
 * A built-in profile by name, or a policy JSON file by path, validated. A file under a built-in
 * id must hold that policy as it is (it then is the built-in one); edited, it needs an id of its own.
 *
 * @example
 * loadPolicy('letsencrypt').versions.length // 3
 * loadPolicy('./my-policy.json')
 */
export function loadPolicy(nameOrFile: string): ProviderPolicy {
  // Own keys only: `constructor` and its like are no policy.
  const builtIn = Object.hasOwn(POLICIES, nameOrFile) ? POLICIES[nameOrFile] : undefined;
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(nameOrFile)) {
    throw new InputError('unknownPolicy', '--policy', nameOrFile, 'is not a built-in policy', withSuggestion(`use one of ${Object.keys(POLICIES).join(', ')} or the path of a policy JSON file`, nameOrFile, Object.keys(POLICIES)));
  }
  const raw = readJson(nameOrFile, '--policy');
  const parsed = ProviderPolicy.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, raw, 'policy');
  // A file under a built-in id is that policy, or a results table would carry its name over other values.
  const id = parsed.data.id;
  if (Object.hasOwn(POLICIES, id)) {
    if (isDeepStrictEqual(parsed.data, POLICIES[id])) return POLICIES[id] as ProviderPolicy;
    throw new InputError('invalid', '--policy', nameOrFile, `holds the policy id "${id}", which is a built-in policy's, with values of its own`, 'give the policy in your file an id of its own, like "id": "acme"');
  }
  return parsed.data;
}
