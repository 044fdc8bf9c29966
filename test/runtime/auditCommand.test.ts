import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { GENESIS } from '../../src/runtime/auditChain.ts';
import type { AuditRow, CaseStore } from '../../src/runtime/CaseStore.ts';
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
  /** A database of this kind holding only `CREATE TABLE x (a INTEGER)`. */
  bare(): Promise<string>;
  /** Runs a query outside any store, making nothing. */
  query(db: string, sql: string): Promise<Record<string, unknown>[]>;
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
      bare: async () => {
        const db = join(mkdtempSync(join(tmpdir(), 'dueprocess-audit-')), 'other.db');
        new Database(db).exec('CREATE TABLE x (a INTEGER)').close();
        return db;
      },
      query: async (db, sql) => {
        const raw = new Database(db, { readonly: true });
        try {
          return raw.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          raw.close();
        }
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
      bare: async () => {
        const db = await freshDatabase(inject('postgresUrl'));
        const client = new pg.Client(db);
        await client.connect();
        await client.query('CREATE TABLE x (a INTEGER)').finally(() => client.end());
        return db;
      },
      query: async (db, sql) => {
        const client = new pg.Client(db);
        await client.connect();
        return (await client.query(sql).finally(() => client.end())).rows as Record<string, unknown>[];
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
    const [last] = await backend.query(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    expect(r.out).toContain(`head: 3:${String(last?.['hash'])}`);
    expect(r.out).toContain('record this head outside the database');
  });

  it.each([
    ['an edited entry', `UPDATE audit SET entry = replace(entry, 'sufficient', 'overbroad') WHERE seq = 2`, 'audit entry 2 was edited'],
    ['a deleted entry', 'DELETE FROM audit WHERE seq = 2', 'audit entry 2 was deleted'],
    ['a wiped log', 'DELETE FROM audit', "case case-1 has no 'opened' entry in the audit log"],
    ['a case whose last entry was deleted', 'DELETE FROM audit WHERE seq = 3', 'case case-1 is at version 3, but no audit entry records its version 3'],
    ['a case rolled back', 'UPDATE cases SET version = 2', 'case case-1 is at version 2, but the audit log records its version 3'],
  ])('names %s and exits 1', async (_what, sql, message) => {
    const db = await caseDatabase(backend);
    await backend.tamper(db, sql);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(message);
  });

  it('names a case whose entries were all deleted, though the rest of the log still chains', async () => {
    const { db, store } = await backend.make();
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
    await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-1' });
    await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-2' });
    await store.close();
    await backend.tamper(db, 'DELETE FROM audit WHERE seq = 2');
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("case case-2 has no 'opened' entry in the audit log");
  });

  it('names a case deleted from the cases table whose entries the log still holds', async () => {
    const { db, store } = await backend.make();
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
    await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-1' });
    await engine.open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-2' });
    await store.close();
    // Foreign keys off first: the log's entries refer to the case.
    const keysOff = db.startsWith('postgres') ? 'SET session_replication_role = replica;' : 'PRAGMA foreign_keys = OFF;';
    await backend.tamper(db, `${keysOff} DELETE FROM cases WHERE id = 'case-2'`);
    expect(await backend.query(db, 'SELECT id FROM cases')).toEqual([{ id: 'case-1' }]);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('the audit log has entries for case case-2, which is not in the cases table: the case was deleted');
  });

  it('refuses a database without the case tables, with exit 2, and makes none in it', async () => {
    const db = await backend.bare();
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--db: is not a dueprocess case database \(.*cases.*\)/);
    expect(r.err).toContain('Fix:');
    const tables = db.startsWith('postgres') ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'" : "SELECT name FROM sqlite_master WHERE type = 'table'";
    expect((await backend.query(db, tables)).map((t) => t['name'])).toEqual(['x']);
  });

  it('a chain recomputed after an edit verifies, but not against the head recorded before it', async () => {
    const db = await caseDatabase(backend);
    const [recorded] = (await backend.query(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1')).map((h) => `${String(h['seq'])}:${String(h['hash'])}`);
    expect((await runCliCaptured(['audit', 'verify', '--db', db, '--head', String(recorded)])).code).toBe(0);
    const rows = (await backend.query(db, 'SELECT * FROM audit ORDER BY seq')) as unknown as AuditRow[];
    let prevHash = GENESIS;
    const rewrites = rows.map((row) => {
      const entry = row.entry.replace('sufficient', 'overbroad');
      const hash = createHash('sha256').update(prevHash).update(entry).digest('hex');
      const sql = `UPDATE audit SET entry = '${entry.replaceAll("'", "''")}', ${db.startsWith('postgres') ? '"prevHash"' : 'prevHash'} = '${prevHash}', hash = '${hash}' WHERE seq = ${row.seq}`;
      prevHash = hash;
      return sql;
    });
    // The events table still says what the log said: rewriting the log alone is caught.
    await backend.tamper(db, rewrites.join(';'));
    const alone = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(alone.code).toBe(1);
    expect(alone.out).toContain('case case-1: its 2 applied events are not the 2 its audit log records; its rows were edited outside the service');
    // Rewritten in both, the database agrees with itself: only the head recorded elsewhere tells.
    await backend.tamper(db, "UPDATE events SET event = replace(event, 'sufficient', 'overbroad')");
    expect((await runCliCaptured(['audit', 'verify', '--db', db])).code).toBe(0);
    const r = await runCliCaptured(['audit', 'verify', '--db', db, '--head', String(recorded)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`audit entry 3 has hash ${prevHash}, not ${String(recorded).slice(2)} as the --head given says: the log was rewritten`);
    await backend.tamper(db, 'DELETE FROM audit WHERE seq = 3; UPDATE cases SET version = 2');
    expect((await runCliCaptured(['audit', 'verify', '--db', db, '--head', String(recorded)])).out).toContain('audit entry 3 is gone');
  });

  it('a gagged case whose secrecy column was cleared, to show it to viewers, is caught though the chain is intact', async () => {
    const db = await caseDatabase(backend);
    const store = db.startsWith('postgres') ? await postgresStore(db) : sqliteStore(db);
    await createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY }).send('case-1', { type: 'secrecy.imposed', days: 90 }, { on: '2026-01-18' });
    await store.close();
    expect((await runCliCaptured(['audit', 'verify', '--db', db])).code).toBe(0);
    await backend.tamper(db, `UPDATE cases SET secrecy = ${db.startsWith('postgres') ? 'false' : '0'}`);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('case case-1: secrecy is false in the cases table, true in its stored state; its rows were edited outside the service');
  });

  it('a stored state that is no state of its machine is named, not a crash', async () => {
    const db = await caseDatabase(backend);
    await backend.tamper(db, `UPDATE cases SET snapshot = '{"value":{"nowhere":"at all"},"context":{},"day":0,"endedDay":-1,"seq":0}'`);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('case case-1: its stored state {"nowhere":"at all"} is no state of its machine');
  });

  it('a disclosure column edited by hand is caught', async () => {
    const db = await caseDatabase(backend);
    await backend.tamper(db, `UPDATE cases SET disclosed = '["content"]'`);
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('case case-1: the cases table says ["content"] was disclosed, its audit log []');
  });

  it('a head recorded earlier still verifies once the log has grown past it', async () => {
    const db = await caseDatabase(backend);
    const first = await runCliCaptured(['audit', 'verify', '--db', db]);
    const recorded = /head: (\S+)/.exec(first.out)?.[1] ?? '';
    const store = db.startsWith('postgres') ? await postgresStore(db) : sqliteStore(db);
    await createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY }).open(findKind('subpoena')?.inputs[0]?.input, { id: 'case-2' });
    await store.close();
    const r = await runCliCaptured(['audit', 'verify', '--db', db, '--head', recorded]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('4 entries');
    expect(r.out).toContain('entry 3 still as the --head given');
  });
});

describe('dueprocess audit verify, bad input', () => {
  it.each([
    ['no --db', ['audit', 'verify'], '--db: is required'],
    ['a missing file', ['audit', 'verify', '--db', 'no-such.db'], '--db: does not exist (got "no-such.db")'],
    ['a --head that is not SEQ:HASH', ['audit', 'verify', '--db', 'x.db', '--head', '3'], '--head: is not SEQ:HASH (got "3")'],
    ['an unknown subcommand', ['audit', 'rewrite', '--db', 'x.db'], 'subcommand: is not an audit subcommand (got "rewrite")'],
    ['a file that is not a database', ['audit', 'verify', '--db', tempFile('notes.db', 'plain text, not SQLite')], '--db: is not a dueprocess case database (file is not a database)'],
    ['a server that is not there', ['audit', 'verify', '--db', 'postgres://someone:secret@127.0.0.1:1/cases'], '--db: could not be opened as a PostgreSQL database'],
  ])('rejects %s with exit 2, naming the field, the value and the fix', async (_what, args, message) => {
    const r = await runCliCaptured(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Fix:');
    expect(r.err).not.toContain('secret');
  });
});
