import { InputError } from '../domain/InputError.ts';
import { stableJson } from '../explore/snapshotKey.ts';
import type { CaseStore, StoreTx } from './CaseStore.ts';

/** What an open asked for; a repeat under one idempotency key must ask for the same. */
export interface Opening {
  /** The request as validated. */
  request: unknown;
  policy: string;
  by: string | null;
}

/**
 * The key an open is stored under: the caller's key within the opener's own namespace, so a
 * key another opener used reads as unused (telling them otherwise would tell them the case
 * exists). The separator is a control character no token name holds.
 *
 * @example
 * storedKey('open-42', 'alice'); // 'alice\u001fopen-42'
 */
export const storedKey = (key: string, by: string | null): string => (by === null ? key : `${by}\u001f${key}`);

/** An `Opening` as the store keeps it. */
export const openingJson = (opening: Opening): string => stableJson(opening);

/**
 * The id of the case `key` opened, when this open repeats that one (same validated request, policy
 * and opener, and the same case id when one is asked for); undefined for a key not used yet by
 * this opener. A key used for another open is an InputError (`keyReused`) that does not say what
 * the first open held.
 *
 * @example
 * const earlier = await caseOpenedWith(tx, 'open-42', { request, policy: 'cloudflare', by: 'alice' });
 */
export async function caseOpenedWith(tx: StoreTx, key: string, opening: Opening, id?: string): Promise<string | undefined> {
  const earlier = await tx.openByKey(storedKey(key, opening.by));
  if (!earlier) return undefined;
  const first = JSON.parse(earlier.opened) as Opening;
  const differs = [
    stableJson(first.request) === stableJson(opening.request) ? null : 'another request',
    first.policy === opening.policy ? null : 'another policy',
    first.by === opening.by ? null : 'another opener',
    id === undefined || id === earlier.caseId ? null : 'another case id',
  ].filter((d) => d !== null);
  if (differs.length === 0) return earlier.caseId;
  throw new InputError('keyReused', 'idempotencyKey', key, `was first used to open a case with ${differs.join(', ')}; nothing was applied`, 'give each new case a new idempotency key; resend the first request unchanged to get its case again');
}

/**
 * Runs an open made with `key`; when it fails because another open with the same key committed
 * first (the key's uniqueness, on a store that runs transactions side by side), runs it once more,
 * to find that case and answer as a repeat.
 *
 * @example
 * return settleKeyRace(store, 'open-42', () => store.transaction(openIt));
 */
export async function settleKeyRace<T>(store: CaseStore, key: string, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof InputError || !(await store.transaction((tx) => tx.openByKey(key)))) throw error;
    return attempt();
  }
}
