import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/runtime/auditChain.ts';
import type { AuditRow, CaseRow, StoreTx } from '../../src/runtime/CaseStore.ts';
import { REVIEWED, SUBPOENA, type StoreHarness, contractFixture, request } from './support/contractFixtures.ts';

/**
 * The rest of the store contract: guards inside a case's transaction, tokens and counsel
 * assignments, and an audit log the database will not let anyone edit, whose chain catches
 * whoever drops that protection.
 *
 * @example
 * storeAccessContract('sqlite :memory:', () => sqliteHarness(':memory:'));
 */
export function storeAccessContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`case store access and audit on ${name}`, () => {
    const f = contractFixture(makeStore);
    const { engineOn, snapshotRows } = f;

    it('a guard runs inside the case transaction: when it throws nothing is applied, when it writes the write commits', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      const rows = await snapshotRows();
      const refuse = async () => {
        throw new Error('not yours');
      };
      await expect(engine.send(id, REVIEWED, { on: '2026-01-15', guard: refuse })).rejects.toThrow('not yours');
      await expect(engine.get(id, { guard: refuse })).rejects.toThrow('not yours');
      await expect(engine.audit(id, { guard: refuse })).rejects.toThrow('not yours');
      expect(await snapshotRows()).toEqual(rows);
      const read = async (tx: StoreTx, row: CaseRow) => appendAudit(tx, row.id, { what: 'read', by: 'counsel-1' });
      await engine.get(id, { guard: read });
      expect((await engine.audit(id)).map((a) => a.entry['what'])).toEqual(['opened', 'read']);
      expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true, entries: 2 });
    });

    it('keeps tokens by hash, revokes each once, and grants cases to counsel whether or not they exist', async () => {
      await engineOn();
      const token = { id: 't1', name: 'alice', role: 'counsel', hash: 'a'.repeat(64), createdAt: '2026-01-15', revokedAt: null };
      await f.harness.store.transaction(async (tx) => {
        await tx.insertToken(token);
        await tx.assign('no-such-case', 'alice');
        await tx.assign('no-such-case', 'alice');
        await tx.assign('no-such-case', 'aaron');
      });
      const [found, missing, revoked, again, counsel] = await f.harness.store.transaction(async (tx) => [
        await tx.tokenByHash(token.hash),
        await tx.tokenByHash('b'.repeat(64)),
        await tx.revokeToken('t1', '2026-01-16'),
        await tx.revokeToken('t1', '2026-01-17'),
        await tx.assignedCounsel('no-such-case'),
      ]);
      expect(found).toEqual(token);
      expect(missing).toBeUndefined();
      expect([revoked, again]).toEqual([true, false]);
      expect(counsel).toEqual(['aaron', 'alice']);
      await f.harness.store.transaction((tx) => tx.unassign('no-such-case', 'alice'));
      expect(await f.harness.store.transaction((tx) => tx.tokens())).toEqual([{ ...token, revokedAt: '2026-01-16' }]);
      expect(await f.harness.store.transaction((tx) => tx.assignedCounsel('no-such-case'))).toEqual(['aaron']);
    });

    it('the database refuses to edit or delete an audit entry', async () => {
      const engine = await engineOn();
      await engine.open(request('subpoena'), { id: 's' });
      const rows = await snapshotRows();
      await expect(f.harness.exec(`UPDATE audit SET entry = '{}' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(f.harness.exec('DELETE FROM audit')).rejects.toThrow(/append-only/);
      expect(await snapshotRows()).toEqual(rows);
    });

    it('the audit chain verifies, and an edited, deleted or swapped entry is found and named', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      for (const [on, event] of SUBPOENA) await engine.send(id, event, { on });
      expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true, entries: 4 });
      await f.harness.dropAuditGuard();
      const second = (await f.harness.rows('SELECT * FROM audit WHERE seq = 2')) as AuditRow[];
      const restore = second.map((r) => `INSERT INTO audit VALUES (2, '${r.caseId}', '${r.entry.replaceAll("'", "''")}', '${r.prevHash}', '${r.hash}')`).join(';');
      await f.harness.exec(`UPDATE audit SET entry = replace(entry, 'sufficient', 'overbroad') WHERE seq = 2`);
      expect(await verifyAudit(f.harness.store)).toEqual({ ok: false, seq: 2, problem: 'edited' });
      await f.harness.exec('DELETE FROM audit WHERE seq = 2');
      expect(await verifyAudit(f.harness.store)).toEqual({ ok: false, seq: 2, problem: 'deleted' });
      await f.harness.exec(restore);
      expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true, entries: 4 });
      await f.harness.exec('UPDATE audit SET seq = -1 WHERE seq = 2');
      await f.harness.exec('UPDATE audit SET seq = 2 WHERE seq = 3');
      await f.harness.exec('UPDATE audit SET seq = 3 WHERE seq = -1');
      expect(await verifyAudit(f.harness.store)).toEqual({ ok: false, seq: 2, problem: 'reordered' });
      await f.harness.exec('DELETE FROM audit WHERE seq = 4');
      await f.harness.exec('UPDATE audit SET seq = -1 WHERE seq = 3');
      await f.harness.exec('UPDATE audit SET seq = 3 WHERE seq = 2');
      await f.harness.exec('UPDATE audit SET seq = 2 WHERE seq = -1');
      expect(await verifyAudit(f.harness.store)).toEqual({ ok: false, caseId: id, problem: 'versionMissing', version: 4, caseVersion: 4 });
    });
  });
}
