import { inject } from 'vitest';
import { postgresStore } from '../../src/runtime/postgresStore.ts';
import { freshDatabase } from '../support/postgresServer.ts';
import { storeAccessContract } from './storeAccessContract.ts';
import { type StoreHarness, storeContract } from './storeContract.ts';

async function postgresHarness(url: string): Promise<StoreHarness> {
  const store = await postgresStore(url);
  return {
    store,
    rows: async (sql) => (await store.pool.query(sql)).rows,
    exec: async (sql) => void (await store.pool.query(sql)),
    dropAuditGuard: async () => void (await store.pool.query('DROP TRIGGER audit_no_update ON audit; DROP TRIGGER audit_no_delete ON audit')),
    reopen: async () => {
      await store.close();
      return postgresHarness(url);
    },
  };
}

storeContract('PostgreSQL', async () => postgresHarness(await freshDatabase(inject('postgresUrl'))), { restarts: true });
storeAccessContract('PostgreSQL', async () => postgresHarness(await freshDatabase(inject('postgresUrl'))));
