import { createHash } from 'node:crypto';
import { stableJson } from '../explore/snapshotKey.ts';
import type { CaseStore, StoreTx } from './CaseStore.ts';

/** The `prevHash` of the first entry. */
export const GENESIS = '0'.repeat(64);

const hashOf = (prevHash: string, entry: string) => createHash('sha256').update(prevHash).update(entry).digest('hex');

/**
 * Appends entries to the audit log inside a transaction, each chained to the one before it; the
 * chain's tail is read (and, on PostgreSQL, locked) once.
 *
 * @example
 * await appendAudit(tx, 'case-1', { what: 'event', event, on: '2026-03-02', version: 2 });
 */
export async function appendAudit(tx: StoreTx, caseId: string, ...entries: object[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await tx.lastAudit();
  let prevHash = last?.hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  for (const entry of entries) {
    const text = stableJson(entry);
    const hash = hashOf(prevHash, text);
    await tx.appendAudit({ seq: ++seq, caseId, entry: text, prevHash, hash });
    prevHash = hash;
  }
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; seq: number; problem: 'edited' | 'deleted' | 'reordered' };

/**
 * Walks the audit chain. An entry whose hash no longer matches its content was `edited`; a gap in
 * the seqs is `deleted` (naming the missing seq); a link to an entry that exists elsewhere in the
 * log is `reordered`. A case whose version is past its last audited version lost its tail.
 *
 * @example
 * const verdict = await verifyAudit(store); // { ok: false, seq: 4, problem: 'edited' }
 */
export async function verifyAudit(store: CaseStore): Promise<AuditVerdict> {
  return store.transaction(async (tx) => {
    const rows = await tx.audit();
    const hashes = new Set(rows.map((r) => r.hash));
    const lastVersion = new Map<string, { seq: number; version: number }>();
    let prevHash = GENESIS;
    let expectedSeq = 1;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: 'deleted' };
      if (hashOf(row.prevHash, row.entry) !== row.hash) return { ok: false, seq: row.seq, problem: 'edited' };
      if (row.prevHash !== prevHash) return { ok: false, seq: row.seq, problem: hashes.has(row.prevHash) ? 'reordered' : 'deleted' };
      const version = (JSON.parse(row.entry) as { version?: number }).version;
      if (typeof version === 'number') lastVersion.set(row.caseId, { seq: row.seq, version });
      prevHash = row.hash;
      expectedSeq++;
    }
    const versions = new Map((await tx.caseVersions()).map((c) => [c.id, c.version]));
    for (const [caseId, last] of lastVersion) {
      const version = versions.get(caseId);
      if (version !== undefined && version !== last.version) return { ok: false, seq: last.seq + 1, problem: 'deleted' };
    }
    return { ok: true, entries: rows.length };
  });
}
