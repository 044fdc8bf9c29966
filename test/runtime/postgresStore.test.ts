import { describe, expect, inject, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/runtime/auditChain.ts';
import type { CaseRow, CaseStore, StoreTx } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { postgresStore } from '../../src/runtime/postgresStore.ts';
import { freshDatabase } from '../support/postgresServer.ts';
import { REVIEWED, TODAY, request } from './support/contractFixtures.ts';
import { caseIntakeContract } from './caseIntakeContract.ts';
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
caseIntakeContract('PostgreSQL', async () => postgresHarness(await freshDatabase(inject('postgresUrl'))));

/** The store, with the first two key look-ups held until both have been made: two opens then race past them. */
function bothLookFirst(store: CaseStore): CaseStore {
  let arrived = 0;
  let release: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (release = resolve));
  return {
    ...store,
    transaction: (fn) =>
      store.transaction((tx) =>
        fn({
          ...tx,
          openByKey: async (key) => {
            const found = await tx.openByKey(key);
            if (++arrived === 2) release();
            if (arrived <= 2) await together;
            return found;
          },
        }),
      ),
  };
}

describe('PostgreSQL under concurrent writes and audited reads', () => {
  it('two opens that race with one idempotency key make one case, and both answer with it', async () => {
    const store = await postgresStore(await freshDatabase(inject('postgresUrl')));
    const engine = createCaseEngine({ store: bothLookFirst(store), policy: 'cloudflare', clock: () => TODAY });
    try {
      const [a, b] = await Promise.all([engine.open(request('subpoena'), { idempotencyKey: 'race' }), engine.open(request('subpoena'), { idempotencyKey: 'race' })]);
      expect(b).toEqual(a);
      expect(await engine.list()).toHaveLength(1);
      expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 1 });
    } finally {
      await store.close();
    }
  });

  it('a send racing reads that write audit entries to the same case never deadlocks', async () => {
    const store = await postgresStore(await freshDatabase(inject('postgresUrl')));
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
    const auditedRead = async (tx: StoreTx, row: CaseRow) => appendAudit(tx, row.id, { what: 'read', by: 'counsel-1' });
    try {
      const ids = [];
      for (let i = 0; i < 12; i++) {
        const { id } = await engine.open(request('subpoena'), { id: `case-${i}` });
        await engine.send(id, REVIEWED, { on: '2026-01-15' });
        await engine.send(id, { type: 'secrecy.imposed', days: 300 }, { on: '2026-01-16' });
        ids.push(id);
      }
      const calls = ids.flatMap((id) => [
        engine.send(id, { type: 'challenge.filed', route: 'vacateNondisclosure' }, { on: '2026-01-17' }),
        ...[1, 2, 3, 4].map(() => engine.get(id, { guard: auditedRead })),
      ]);
      const settled = await Promise.allSettled(calls);
      expect(settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
      expect(await verifyAudit(store)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
