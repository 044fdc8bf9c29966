import { existsSync } from 'node:fs';
import { InputError } from '../domain/InputError.ts';
import { verifyAudit } from '../runtime/auditChain.ts';
import { sqliteStore } from '../runtime/sqliteStore.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess audit verify --db FILE';

/** `dueprocess audit verify --db FILE`: walks a case database's hash-chained audit log; exit 1 names the first broken entry. */
export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { db: { type: 'string' } }, USAGE);
  if (positionals[0] !== 'verify' || positionals.length > 1) throw new InputError('usage', 'subcommand', positionals.join(' '), 'is not an audit subcommand', `usage: ${USAGE}`);
  if (!values.db) throw new InputError('usage', '--db', values.db, 'is required', 'give the SQLite file of the case engine, like --db cases.db');
  if (!existsSync(values.db)) throw new InputError('unreadableFile', '--db', values.db, 'does not exist', 'give the path of an existing case database');
  const store = sqliteStore(values.db);
  try {
    const verdict = await verifyAudit(store);
    if (verdict.ok) {
      console.log(`${values.db}: the audit log verifies, ${verdict.entries} entries, every hash and link intact`);
      return 0;
    }
    console.log(`${values.db}: audit entry ${verdict.seq} was ${verdict.problem}; the chain is broken from there`);
    return 1;
  } finally {
    await store.close();
  }
}
