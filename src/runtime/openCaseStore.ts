import { existsSync } from 'node:fs';
import { InputError } from '../domain/InputError.ts';
import type { CaseStore } from './CaseStore.ts';
import { postgresStore } from './postgresStore.ts';
import { sqliteStore } from './sqliteStore.ts';

const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//.test(db);

/** A `--db` value with any password masked, for messages. */
export const maskedDb = (db: string): string => db.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/**
 * The store a `--db` value names: a `postgres://` or `postgresql://` URL, or an SQLite file path.
 * With `mustExist`, an SQLite file that is not there is an error instead of a new empty database.
 * With `readonly`, nothing is created or migrated: the database must already hold the case
 * tables, and a file without them is an error (which implies `mustExist`).
 *
 * @example
 * const store = await openCaseStore('postgres://dueprocess@127.0.0.1/cases', { field: '--db' });
 */
export async function openCaseStore(db: string, { field = 'db', mustExist = false, readonly = false } = {}): Promise<CaseStore> {
  const store = await openStore(db, field, mustExist || readonly, readonly);
  if (readonly) await mustHoldCases(store, db, field);
  return store;
}

async function openStore(db: string, field: string, mustExist: boolean, readonly: boolean): Promise<CaseStore> {
  if (!isPostgresUrl(db)) {
    if (mustExist && !existsSync(db)) throw new InputError('unreadableFile', field, db, 'does not exist', 'give the path of an existing case database, or a postgres:// URL');
    try {
      return sqliteStore(db, { readonly });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.reason, field, db, error.problem, error.fix);
      const why = error instanceof Error ? error.message : String(error);
      // A file that is there but is no SQLite database needs another file, not another directory.
      const notDatabase = /not a database/i.test(why);
      const fix = notDatabase ? 'give the case database dueprocess serve writes to, a new file name to create one, or a postgres:// URL' : 'give a writable path in an existing directory, or a postgres:// URL';
      throw new InputError('unreadableFile', field, db, notDatabase ? `is not a dueprocess case database (${why})` : `could not be opened as an SQLite case database: ${why}`, fix);
    }
  }
  try {
    return await postgresStore(db, { readonly });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('unreachable', field, maskedDb(db), `could not be opened as a PostgreSQL database: ${why}`, 'start the server, or fix the host, port, user, password or database name in the URL');
  }
}

/** Reads no row, but fails unless the `cases` and `audit` tables are there with their columns. */
async function mustHoldCases(store: CaseStore, db: string, field: string): Promise<void> {
  try {
    await store.transaction(async (tx) => {
      await tx.getCase('');
      await tx.auditOf('');
    });
  } catch (error) {
    await store.close();
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('invalid', field, maskedDb(db), `is not a dueprocess case database (${why})`, 'give the database the case engine writes to: the --db of dueprocess serve, or the store given to createCaseEngine');
  }
}
