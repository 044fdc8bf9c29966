import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../domain/InputError.ts';
import { appendAudit } from '../runtime/auditChain.ts';
import type { CaseStore, TokenRow } from '../runtime/CaseStore.ts';

/** Who may do what: `viewer` reads cases not under secrecy; `counsel` reads and acts on the cases assigned to them; `admin` manages tokens and assignments. */
export const Role = z.enum(['viewer', 'counsel', 'admin']);
export type Role = z.infer<typeof Role>;

/** Who a request comes from, once its token checks out. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** An admin the service lets read cases not under secrecy, as a viewer does (`serve --admin-reads`). */
  reads?: boolean;
}

export const TokenName = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'use 1 to 64 letters, digits, dots, dashes, underscores or @' });

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Makes a token for `name` in `role` and stores only its hash; the secret is returned once. A
 * name a live token has is refused; a revoked one's name may be issued again (a new secret for
 * the same person), and each case assigned to that name records it in its audit trail.
 *
 * @example
 * const { token } = await createToken(store, { role: 'counsel', name: 'alice' }, '2026-11-23');
 * // send it as `Authorization: Bearer ${token}`
 */
export async function createToken(store: CaseStore, input: { role: unknown; name: unknown }, today: string, by?: string): Promise<{ id: string; name: string; role: Role; token: string }> {
  const { role, name } = tokenInput(input);
  const token = `dp_${randomBytes(32).toString('base64url')}`;
  const row: TokenRow = { id: randomUUID(), name, role, hash: hashOf(token), createdAt: today, revokedAt: null };
  await store.transaction(async (tx) => {
    // Cases are assigned, and the audit trail names who acted, by name: a second live token
    // under a name would share that person's cases unseen.
    if ((await tx.tokens()).some((t) => t.name === name && t.revokedAt === null)) {
      throw new InputError('invalid', 'name', name, 'is the name of a live token: a second would share its cases and its audit trail', 'give another name, or revoke that token first to issue its holder a new one');
    }
    await tx.insertToken(row);
    // A new token under the name of a revoked one takes over its assignments; each such case records it.
    for (const { caseId } of (await tx.assignments()).filter((a) => a.counsel === name)) {
      await appendAudit(tx, caseId, { what: 'tokenIssued', counsel: name, role, tokenId: row.id, ...(by === undefined ? {} : { by }) });
    }
  });
  return { id: row.id, name, role, token };
}

/**
 * A token's role and name, checked; an `InputError` naming the field otherwise.
 *
 * @example
 * tokenInput({ role: 'counsel', name: 'alice' }) // { role: 'counsel', name: 'alice' }
 */
export function tokenInput(input: { role: unknown; name: unknown }): { role: Role; name: string } {
  const role = Role.safeParse(input.role);
  if (!role.success) throw new InputError('invalid', 'role', input.role, 'is not a role', `use one of ${Role.options.join(', ')}`);
  const name = TokenName.safeParse(input.name);
  if (!name.success) throw new InputError('invalid', 'name', input.name, 'is not a usable name', 'use 1 to 64 letters, digits, dots, dashes, underscores or @');
  return { role: role.data, name: name.data };
}

/**
 * The principal an `Authorization: Bearer …` header stands for, or null when the header is
 * missing, malformed, unknown or revoked (the caller answers 401 alike for all of these).
 *
 * @example
 * const who = await authenticate(store, request.headers.get('authorization'));
 */
export async function authenticate(store: CaseStore, header: string | null | undefined): Promise<Principal | null> {
  // The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
  const match = /^Bearer +(dp_[A-Za-z0-9_-]{43})$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const row = await store.transaction((tx) => tx.tokenByHash(hashOf(match[1] as string)));
  const role = Role.safeParse(row?.role);
  if (!row || row.revokedAt !== null || !role.success) return null;
  return { tokenId: row.id, name: row.name, role: role.data };
}
