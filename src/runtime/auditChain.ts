import { createHash } from 'node:crypto';
import { stableJson } from '../explore/snapshotKey.ts';
import { type CaseBreak, caseBreak } from './caseBreak.ts';
import { type RowBreak, rowBreak } from './rowBreak.ts';
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

/** The log's last entry. Recorded outside the database, it pins every entry up to it: see `verifyAudit`. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditVerdict =
  | { ok: true; entries: number; head: AuditHead | null }
  | { ok: false; seq: number; problem: 'edited' | 'deleted' | 'reordered' }
  | { ok: false; seq: number; problem: 'rewritten'; hash: string | null }
  | CaseBreak
  | RowBreak;

/**
 * Walks the audit chain. An entry whose hash no longer matches its content was `edited`; a gap in
 * the seqs is `deleted` (naming the missing seq); a link to an entry that exists elsewhere in the
 * log is `reordered`. Then the cases table is checked against the log (`caseBreak`), and the
 * rows the service reads, events, disclosures and secrecy, against it and the stored state
 * (`rowBreak`). A chain
 * recomputed from the genesis after an edit passes all of that; only a `head` recorded elsewhere
 * earlier catches it: the entry at its seq must still have its hash (`rewritten` otherwise, with
 * the hash found there, null when the entry is gone).
 *
 * @example
 * const verdict = await verifyAudit(store, { head: { seq: 3, hash: 'ab12…' } }); // { ok: false, seq: 3, problem: 'rewritten', hash: '9f0c…' }
 */
export async function verifyAudit(store: CaseStore, { head }: { head?: AuditHead } = {}): Promise<AuditVerdict> {
  return store.transaction(async (tx) => {
    const rows = await tx.audit();
    const hashes = new Set(rows.map((r) => r.hash));
    let prevHash = GENESIS;
    let expectedSeq = 1;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: 'deleted' };
      if (hashOf(row.prevHash, row.entry) !== row.hash) return { ok: false, seq: row.seq, problem: 'edited' };
      if (row.prevHash !== prevHash) return { ok: false, seq: row.seq, problem: hashes.has(row.prevHash) ? 'reordered' : 'deleted' };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (head) {
      const hash = rows[head.seq - 1]?.hash ?? null;
      if (hash !== head.hash) return { ok: false, seq: head.seq, problem: 'rewritten', hash };
    }
    const broken = caseBreak(rows, await tx.caseVersions()) ?? (await rowBreak(tx, rows));
    if (broken) return broken;
    const last = rows[rows.length - 1];
    return { ok: true, entries: rows.length, head: last ? { seq: last.seq, hash: last.hash } : null };
  });
}
