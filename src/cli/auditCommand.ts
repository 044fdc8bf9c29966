import { InputError } from '../domain/InputError.ts';
import { verifyAudit } from '../runtime/auditChain.ts';
import { maskedDb, openCaseStore } from '../runtime/openCaseStore.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess audit verify --db FILE|URL';

/** `dueprocess audit verify --db FILE|URL`: walks a case database's (SQLite file or PostgreSQL URL) hash-chained audit log; exit 1 names the first broken entry. */
export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { db: { type: 'string' } }, USAGE);
  if (positionals[0] !== 'verify' || positionals.length > 1) throw new InputError('usage', 'subcommand', positionals.join(' '), 'is not an audit subcommand', `usage: ${USAGE}`);
  if (!values.db) throw new InputError('usage', '--db', values.db, 'is required', 'give the case engine\'s SQLite file or PostgreSQL URL, like --db cases.db or --db postgres://127.0.0.1/cases');
  const store = await openCaseStore(values.db, { field: '--db', mustExist: true });
  const shownDb = maskedDb(values.db);
  try {
    const verdict = await verifyAudit(store);
    if (verdict.ok) {
      console.log(`${shownDb}: the audit log verifies, ${verdict.entries} ${verdict.entries === 1 ? "entry" : "entries"}, every hash and link intact`);
      return 0;
    }
    console.log(`${shownDb}: audit entry ${verdict.seq} was ${verdict.problem}; the chain is broken from there`);
    return 1;
  } finally {
    await store.close();
  }
}
