import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { caseIntakeContract } from './caseIntakeContract.ts';
import { storeAccessContract } from './storeAccessContract.ts';
import { type StoreHarness, storeContract } from './storeContract.ts';

function sqliteHarness(path: string): StoreHarness {
  const store = sqliteStore(path);
  return {
    store,
    rows: async (sql) => store.db.prepare(sql).all(),
    exec: async (sql) => void store.db.exec(sql),
    dropAuditGuard: async () => void store.db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete'),
    reopen: async () => {
      await store.close();
      return sqliteHarness(path);
    },
  };
}

storeContract('SQLite in memory', async () => sqliteHarness(':memory:'));
storeContract('an SQLite file', async () => sqliteHarness(join(mkdtempSync(join(tmpdir(), 'dueprocess-')), 'cases.db')), { restarts: true });
storeAccessContract('SQLite in memory', async () => sqliteHarness(':memory:'));
caseIntakeContract('SQLite in memory', async () => sqliteHarness(':memory:'));
