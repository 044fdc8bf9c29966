import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

/** A case database with one subpoena case and two events, closed again. */
async function caseDatabase(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-audit-')), 'cases.db');
  const store = sqliteStore(file);
  const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => '2026-01-15' });
  const { id } = await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-1' });
  await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-01-16' });
  await engine.send(id, { type: 'notice.sent' }, { on: '2026-01-17' });
  await store.close();
  return file;
}

const tamper = (file: string, sql: string) => {
  const db = new Database(file);
  db.exec(sql);
  db.close();
};

describe('dueprocess audit verify', () => {
  it('passes an untouched database, counting its entries', async () => {
    const file = await caseDatabase();
    const r = await runCliCaptured(['audit', 'verify', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/the audit log verifies, 3 entries/);
  });

  it.each([
    ['an edited entry', `UPDATE audit SET entry = replace(entry, 'sufficient', 'overbroad') WHERE seq = 2`, 'audit entry 2 was edited'],
    ['a deleted entry', 'DELETE FROM audit WHERE seq = 2', 'audit entry 2 was deleted'],
  ])('names %s and exits 1', async (_what, sql, message) => {
    const file = await caseDatabase();
    tamper(file, sql);
    const r = await runCliCaptured(['audit', 'verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(message);
  });

  it.each([
    ['no --db', ['audit', 'verify'], '--db: is required'],
    ['a missing file', ['audit', 'verify', '--db', 'no-such.db'], '--db: does not exist (got "no-such.db")'],
    ['an unknown subcommand', ['audit', 'rewrite', '--db', 'x.db'], 'subcommand: is not an audit subcommand (got "rewrite")'],
  ])('rejects %s with exit 2, naming the field, the value and the fix', async (_what, args, message) => {
    const r = await runCliCaptured(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Fix:');
  });
});
