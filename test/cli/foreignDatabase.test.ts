import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

/** An SQLite file of some other application: one table, one row, the default journal. */
const otherAppDb = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-otherdb-')), 'app.db');
  const db = new Database(file);
  db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);");
  db.close();
  return file;
};

describe('a database of another application is never made a case database', () => {
  it('token create refuses it with exit 2 naming --db, and leaves the file byte for byte as it was', async () => {
    const file = otherAppDb();
    const before = readFileSync(file);
    const { code, err } = await runCliCaptured(['token', 'create', '--role', 'viewer', '--name', 'bob', '--db', file]);
    expect(code).toBe(2);
    expect(err).toContain('--db: is an SQLite database of something else (its tables: invoices), not a case database');
    expect(err).toContain('Fix: give a new file name to create a case database');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('sqliteStore itself refuses it, and opens an empty file or its own database as before', () => {
    expect(() => sqliteStore(otherAppDb())).toThrow(/path: is an SQLite database of something else/);
    const own = join(mkdtempSync(join(tmpdir(), 'dueprocess-owndb-')), 'cases.db');
    sqliteStore(own).db.close();
    const again = sqliteStore(own);
    expect(again.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cases'").get()).toEqual({ n: 1 });
    again.db.close();
  });
});
