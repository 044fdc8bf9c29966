import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import type { CaseStore } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { postgresStore } from '../../src/runtime/postgresStore.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { freshDatabase } from '../support/postgresServer.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';
import { TODAY } from './support/contractFixtures.ts';

/** One case database kind: how to make one, and how someone with its keys would tamper with it. */
interface Backend {
  make(): Promise<{ db: string; store: CaseStore }>;
  /** Drops the append-only triggers, then runs `sql`. */
  tamper(db: string, sql: string): Promise<void>;
}

const BACKENDS: [string, Backend][] = [
  [
    'an SQLite file',
    {
      make: async () => {
        const db = join(mkdtempSync(join(tmpdir(), 'dueprocess-audit-')), 'cases.db');
        return { db, store: sqliteStore(db) };
      },
      tamper: async (db, sql) => {
        const store = sqliteStore(db);
        store.db.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ${sql}`);
        await store.close();
      },
    },
  ],
  [
    'a PostgreSQL URL',
    {
      make: async () => {
        const db = await freshDatabase(inject('postgresUrl'));
        return { db, store: await postgresStore(db) };
      },
      tamper: async (db, sql) => {
        const store = await postgresStore(db);
        await store.pool.query(`DROP TRIGGER audit_no_update ON audit; DROP TRIGGER audit_no_delete ON audit; ${sql}`);
        await store.close();
      },
    },
  ],
];

/** A case database with one subpoena case and two events, closed again. */
async function caseDatabase(backend: Backend): Promise<string> {
  const { db, store } = await backend.make();
  const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
  const { id } = await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-1' });
  await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-01-16' });
  await engine.send(id, { type: 'notice.sent' }, { on: '2026-01-17' });
  await store.close();
  return db;
}

describe.each(BACKENDS)('dueprocess audit verify on %s', (_name, backend) => {
  it('passes an untouched database, counting its entries', async () => {
    const db = await caseDatabase(backend);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/the audit log verifies, 3 entries/);
  });

  it.each([
    ['an edited entry', `UPDATE audit SET entry = replace(entry, 'sufficient', 'overbroad') WHERE seq = 2`, 'audit entry 2 was edited'],
    ['a deleted entry', 'DELETE FROM audit WHERE seq = 2', 'audit entry 2 was deleted'],
  ])('names %s and exits 1', async (_what, sql, message) => {
    const db = await caseDatabase(backend);
    await backend.tamper(db, sql);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(message);
  });
});

describe('dueprocess audit verify, bad input', () => {
  it.each([
    ['no --db', ['audit', 'verify'], '--db: is required'],
    ['a missing file', ['audit', 'verify', '--db', 'no-such.db'], '--db: does not exist (got "no-such.db")'],
    ['an unknown subcommand', ['audit', 'rewrite', '--db', 'x.db'], 'subcommand: is not an audit subcommand (got "rewrite")'],
    ['a file that is not a database', ['audit', 'verify', '--db', tempFile('notes.db', 'plain text, not SQLite')], '--db: could not be opened as an SQLite case database: file is not a database'],
    ['a server that is not there', ['audit', 'verify', '--db', 'postgres://someone:secret@127.0.0.1:1/cases'], '--db: could not be opened as a PostgreSQL database'],
  ])('rejects %s with exit 2, naming the field, the value and the fix', async (_what, args, message) => {
    const r = await runCliCaptured(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Fix:');
    expect(r.err).not.toContain('secret');
  });
});
