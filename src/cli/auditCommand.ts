import { InputError } from '../domain/InputError.ts';
import { type AuditHead, type AuditVerdict, verifyAudit } from '../runtime/auditChain.ts';
import { maskedDb, openCaseStore } from '../runtime/openCaseStore.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess audit verify --db FILE|URL [--head SEQ:HASH]';

/** `--head SEQ:HASH` as printed by an earlier verify. */
function parseHead(text: string): AuditHead {
  const match = /^([1-9]\d*):([0-9a-f]{64})$/i.exec(text);
  if (!match) throw new InputError('invalid', '--head', text, 'is not SEQ:HASH', 'give the head an earlier `dueprocess audit verify` printed, like --head 12:<64 hex digits>');
  return { seq: Number(match[1]), hash: String(match[2]).toLowerCase() };
}

/** What is wrong, in a sentence. */
function brokenText(verdict: Exclude<AuditVerdict, { ok: true }>, head: AuditHead | undefined): string {
  if ('detail' in verdict) return `case ${verdict.caseId}: ${verdict.detail}; its rows were edited outside the service`;
  if ('caseId' in verdict) {
    const id = verdict.caseId;
    if (!('version' in verdict)) {
      if (verdict.problem === 'unopened') return `case ${id} has no 'opened' entry in the audit log: its entries were deleted`;
      return `the audit log has entries for case ${id}, which is not in the cases table: the case was deleted`;
    }
    if (verdict.problem === 'versionMissing') return `case ${id} is at version ${verdict.caseVersion}, but no audit entry records its version ${verdict.version}: entries were deleted`;
    return `case ${id} is at version ${verdict.caseVersion}, but the audit log records its version ${verdict.version}: the case row was rolled back`;
  }
  if (verdict.problem !== 'rewritten') return `audit entry ${verdict.seq} was ${verdict.problem}; the chain is broken from there`;
  const found = verdict.hash === null ? 'is gone' : `has hash ${verdict.hash}`;
  return `audit entry ${verdict.seq} ${found}, not ${head?.hash ?? '?'} as the --head given says: the log was rewritten since that head was recorded`;
}

/**
 * `dueprocess audit verify --db FILE|URL [--head SEQ:HASH]`: walks a case database's (SQLite file
 * or PostgreSQL URL) hash-chained audit log, read-only, and checks the cases against it; prints
 * the head to record elsewhere; exit 1 names the first broken entry or unaccounted case.
 *
 * @example
 * await auditCommand(['verify', '--db', 'cases.db', '--head', '12:9f0c…']); // 0 when intact
 */
export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { db: { type: 'string' }, head: { type: 'string' } }, USAGE);
  if (positionals[0] !== 'verify' || positionals.length > 1) throw new InputError('usage', 'subcommand', positionals.join(' '), 'is not an audit subcommand', `usage: ${USAGE}`);
  if (!values.db) throw new InputError('usage', '--db', values.db, 'is required', 'give the case engine\'s SQLite file or PostgreSQL URL, like --db cases.db or --db postgres://127.0.0.1/cases');
  const head = values.head === undefined ? undefined : parseHead(values.head);
  const store = await openCaseStore(values.db, { field: '--db', readonly: true });
  const shownDb = maskedDb(values.db);
  try {
    const verdict = await verifyAudit(store, head === undefined ? {} : { head });
    if (!verdict.ok) {
      console.log(`${shownDb}: ${brokenText(verdict, head)}`);
      return 1;
    }
    const checked = head === undefined ? '' : `, entry ${head.seq} still as the --head given`;
    console.log(`${shownDb}: the audit log verifies, ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, every hash and link intact, every case accounted for${checked}`);
    if (verdict.head) {
      console.log(`head: ${verdict.head.seq}:${verdict.head.hash}`);
      console.log('A log recomputed from scratch verifies too: record this head outside the database, and a later `audit verify --head` with it catches any rewrite of the entries up to it.');
    }
    return 0;
  } finally {
    await store.close();
  }
}
