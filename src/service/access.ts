import { appendAudit } from '../runtime/auditChain.ts';
import type { CaseRow, StoreTx } from '../runtime/CaseStore.ts';
import { type Guard, unknownCase } from '../runtime/CaseView.ts';
import type { Principal } from './tokens.ts';

/**
 * Whether `who` may read a case. Counsel see the cases assigned to them; viewers see cases not
 * under secrecy; admins see no case's contents unless the service lets them read as viewers do. Under secrecy only assigned counsel may know a
 * case exists (DOMAIN row 11: the provider may tell those needed to comply and an attorney).
 *
 * @example
 * canRead({ tokenId: 't', name: 'alice', role: 'counsel' }, row, ['alice']) // true
 */
export function canRead(who: Principal, row: Pick<CaseRow, 'secrecy'>, assigned: readonly string[]): boolean {
  if (who.role === 'counsel') return assigned.includes(who.name);
  if (who.role === 'viewer' || who.reads) return !row.secrecy;
  return false;
}

/** Whether `who` may know the case exists: read it, or (admins) see it listed to assign counsel. */
export function canKnow(who: Principal, row: Pick<CaseRow, 'secrecy'>, assigned: readonly string[]): boolean {
  return who.role === 'admin' ? !row.secrecy : canRead(who, row, assigned);
}

/** The audit entry for a read of a case under secrecy. */
export const readEntry = (who: Principal, what: string) => ({ what: 'read', read: what, by: who.name, role: who.role, token: who.tokenId });

/**
 * A guard for the engine: a case `who` may not read is reported as unknown, exactly as a case that
 * does not exist; a read of a case under secrecy is written to the audit trail in the same
 * transaction.
 *
 * @example
 * await engine.get(id, { guard: readGuard(who, 'case') });
 */
export function readGuard(who: Principal, what: string, act = false): Guard {
  return async (tx: StoreTx, row: CaseRow) => {
    const assigned = await tx.assignedCounsel(row.id);
    const allowed = act ? who.role === 'counsel' && assigned.includes(who.name) : canRead(who, row, assigned);
    if (!allowed) throw unknownCase(row.id);
    if (row.secrecy && !act) await appendAudit(tx, row.id, readEntry(who, what));
  };
}
