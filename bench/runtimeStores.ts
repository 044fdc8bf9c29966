// The two stores the runtime benchmark drives, each with raw SQL access beside the engine's own
// `CaseStore`: replaying recorded writes, selecting due timers, bulk loading, cloning, reading rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import type { AuditRow, CaseRow, CaseStore, EventRow, StoreTx, TimerRow } from '../src/runtime/CaseStore.ts';
import { postgresStore } from '../src/runtime/postgresStore.ts';
import { sqliteStore } from '../src/runtime/sqliteStore.ts';
import { dropDatabases, freshDatabase } from '../test/support/postgresServer.ts';

/** One row write the engine made, as the `StoreTx` call that made it. */
export type Write =
  | { op: 'insertCase'; row: CaseRow }
  | { op: 'updateCase'; row: CaseRow; expected: number }
  | { op: 'insertTimer'; row: TimerRow }
  | { op: 'cancelTimer'; caseId: string; seq: number }
  | { op: 'markFired'; caseId: string; seq: number; firedAt: string }
  | { op: 'insertEvent'; row: EventRow }
  | { op: 'appendAudit'; row: AuditRow };

/** The audit row of a copied case: the chain continued, the entry that of the template's row `entrySeq`. */
export interface CopiedAudit {
  seq: number;
  caseId: string;
  entrySeq: number;
  prevHash: string;
  hash: string;
}

/** A database of one kind: the engine's store on it, and raw SQL beside it. */
export interface BenchDb {
  store: CaseStore;
  /** Applies each inner list of writes as one transaction of plain SQL, in order. */
  replay(transactions: readonly Write[][]): Promise<void>;
  /** The store's own due-timer query, run bare: no transaction, no `StoreTx`. */
  dueRows(date: string): Promise<TimerRow[]>;
  /**
   * In one transaction, bypassing the engine: every case now stored, with its timers, copied
   * `copies` times with ids `<id>-0001`…, and `audit` appended; then ANALYZE.
   */
  copyCases(copies: number, audit: readonly CopiedAudit[]): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * A second database holding exactly this one's rows now. On PostgreSQL this closes and reopens
   * `store` (a template database may have no other sessions): make engines on it afterwards.
   */
  clone(): Promise<BenchDb>;
  close(): Promise<void>;
}

export interface BenchBackend {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<BenchDb>;
  /** Removes what `fresh` made. */
  dispose(): Promise<void>;
}

/** The store with every write `StoreTx` call logged, one list per committed transaction that wrote. */
export function recorded(store: CaseStore): { store: CaseStore; take(): Write[][] } {
  let log: Write[][] = [];
  const wrap = (tx: StoreTx, writes: Write[]): StoreTx => ({
    ...tx,
    insertCase: (row) => (writes.push({ op: 'insertCase', row }), tx.insertCase(row)),
    updateCase: (row, expected) => (writes.push({ op: 'updateCase', row, expected }), tx.updateCase(row, expected)),
    insertTimer: (row) => (writes.push({ op: 'insertTimer', row }), tx.insertTimer(row)),
    cancelTimer: (caseId, seq) => (writes.push({ op: 'cancelTimer', caseId, seq }), tx.cancelTimer(caseId, seq)),
    markFired: (caseId, seq, firedAt) => (writes.push({ op: 'markFired', caseId, seq, firedAt }), tx.markFired(caseId, seq, firedAt)),
    insertEvent: (row) => (writes.push({ op: 'insertEvent', row }), tx.insertEvent(row)),
    appendAudit: (row) => (writes.push({ op: 'appendAudit', row }), tx.appendAudit(row)),
  });
  return {
    store: {
      transaction: (fn) =>
        store.transaction(async (tx) => {
          const writes: Write[] = [];
          const result = await fn(wrap(tx, writes));
          if (writes.length) log.push(writes);
          return result;
        }),
      close: () => store.close(),
    },
    take: () => {
      const taken = log;
      log = [];
      return taken;
    },
  };
}

type Row = Record<string, unknown>;

/** Case columns a write never changes: the store's `updateCase` leaves them out too. */
const FIXED = new Set(['id', 'kind', 'policy', 'day0', 'createdAt']);
const TABLE: Record<'insertCase' | 'insertTimer' | 'insertEvent' | 'appendAudit', string> = { insertCase: 'cases', insertTimer: 'timers', insertEvent: 'events', appendAudit: 'audit' };

/**
 * A write as SQL and parameters, `p(i)` spelling the i-th placeholder. Columns come from the row
 * written, so the replay follows the stores' schema as it changes; every identifier is quoted.
 */
function statement(w: Write, p: (i: number) => string): [string, unknown[]] {
  switch (w.op) {
    case 'cancelTimer':
      return [`DELETE FROM timers WHERE "caseId" = ${p(1)} AND seq = ${p(2)} AND "firedAt" IS NULL`, [w.caseId, w.seq]];
    case 'markFired':
      return [`UPDATE timers SET "firedAt" = ${p(1)} WHERE "caseId" = ${p(2)} AND seq = ${p(3)}`, [w.firedAt, w.caseId, w.seq]];
    case 'updateCase': {
      const set = Object.entries(w.row).filter(([k]) => !FIXED.has(k));
      const n = set.length;
      return [`UPDATE cases SET ${set.map(([k], i) => `"${k}" = ${p(i + 1)}`).join(', ')} WHERE id = ${p(n + 1)} AND version = ${p(n + 2)}`, [...set.map(([, v]) => v), w.row.id, w.expected]];
    }
    default:
      return insert(TABLE[w.op], w.row as unknown as Row, p);
  }
}

function insert(table: string, row: Row, p: (i: number) => string): [string, unknown[]] {
  const keys = Object.keys(row);
  return [`INSERT INTO ${table} (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((_, i) => p(i + 1)).join(', ')})`, Object.values(row)];
}

/** better-sqlite3 binds no booleans: the SQLite store keeps them as 0 / 1. */
const forSqlite = (values: unknown[]) => values.map((v) => (typeof v === 'boolean' ? Number(v) : v));

const DUE_SQLITE = 'SELECT * FROM timers WHERE firedAt IS NULL AND dueDate <= ? ORDER BY dueDate, seq, caseId';
const DUE_PG = 'SELECT * FROM timers WHERE "firedAt" IS NULL AND "dueDate" <= $1 ORDER BY "dueDate", seq, "caseId"';

/** SQLite files in one temporary directory, WAL and the default (durable) synchronous setting. */
export function sqliteBackend(): BenchBackend {
  const dir = mkdtempSync(join(tmpdir(), 'dueprocess-bench-'));
  let n = 0;
  const open = (path: string): BenchDb => {
    const store = sqliteStore(path);
    const { db } = store;
    const prepared = new Map<string, Database.Statement>();
    const exec = ([sql, values]: [string, unknown[]]) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      statement.run(...forSqlite(values));
    };
    const apply = db.transaction((writes: readonly Write[]) => writes.forEach((w) => exec(statement(w, () => '?'))));
    return {
      store,
      replay: async (transactions) => transactions.forEach((t) => apply(t)),
      dueRows: async (date) => db.prepare(DUE_SQLITE).all(date) as TimerRow[],
      copyCases: async (copies, audit) => {
        const entry = db.prepare('SELECT entry FROM audit WHERE seq = ?').pluck();
        db.transaction(() => {
          for (const [table, key] of [['cases', 'id'], ['timers', 'caseId']] as const) {
            const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => (c === key ? `"${c}" || '-' || printf('%04d', j)` : `"${c}"`));
            db.prepare(`WITH RECURSIVE g(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM g WHERE j < ?) INSERT INTO ${table} SELECT ${columns.join(', ')} FROM ${table}, g`).run(copies);
          }
          audit.forEach((a) => exec(insert('audit', { seq: a.seq, caseId: a.caseId, entry: entry.get(a.entrySeq), prevHash: a.prevHash, hash: a.hash }, () => '?')));
        })();
        db.exec('ANALYZE');
      },
      rows: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
      clone: async () => {
        const copy = join(dir, `db${n++}.sqlite`);
        db.prepare('VACUUM INTO ?').run(copy);
        return open(copy);
      },
      close: () => store.close(),
    };
  };
  return {
    name: 'sqlite',
    fresh: async () => open(join(dir, `db${n++}.sqlite`)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Databases on one PostgreSQL server (see test/support/postgresServer.ts). */
export function postgresBackend(serverUrl: string): BenchBackend {
  const made: string[] = [];
  const open = async (url: string): Promise<BenchDb> => {
    const store = await postgresStore(url);
    const { pool } = store;
    const run = async (client: pg.ClientBase, writes: readonly Write[]) => {
      await client.query('BEGIN');
      for (const w of writes) await client.query(...statement(w, (i) => `$${i}`));
      await client.query('COMMIT');
    };
    const db: BenchDb = {
      store,
      replay: async (transactions) => {
        const client = await pool.connect();
        try {
          for (const t of transactions) await run(client, t);
        } finally {
          client.release();
        }
      },
      dueRows: async (date) => (await pool.query(DUE_PG, [date])).rows as TimerRow[],
      copyCases: async (copies, audit) => {
        const client = await pool.connect();
        const CHUNK = 10_000;
        const columnsOf = async (table: string) => (await client.query('SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [table])).rows.map((r: Row) => r['column_name'] as string);
        try {
          await client.query('BEGIN');
          for (const [table, key] of [['cases', 'id'], ['timers', 'caseId']] as const) {
            const columns = (await columnsOf(table)).map((c) => (c === key ? `"${c}" || '-' || lpad(j::text, 4, '0')` : `"${c}"`));
            await client.query(`INSERT INTO ${table} SELECT ${columns.join(', ')} FROM ${table}, generate_series(1, $1) j`, [copies]);
          }
          for (let i = 0; i < audit.length; i += CHUNK) {
            const chunk = audit.slice(i, i + CHUNK);
            const column = <K extends keyof CopiedAudit>(k: K) => chunk.map((a) => a[k]);
            await client.query(
              `INSERT INTO audit (seq, "caseId", entry, "prevHash", hash) SELECT u.seq, u.c, a.entry, u.p, u.h FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[]) u(seq, c, t, p, h) JOIN audit a ON a.seq = u.t`,
              [column('seq'), column('caseId'), column('entrySeq'), column('prevHash'), column('hash')],
            );
          }
          await client.query('COMMIT');
          await client.query('ANALYZE');
        } finally {
          client.release();
        }
      },
      rows: async (sql) => (await pool.query(sql)).rows as Record<string, unknown>[],
      clone: async () => {
        // CREATE DATABASE … TEMPLATE wants no one else connected to the template.
        await store.close();
        const name = `${new URL(url).pathname.slice(1)}_copy`;
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        const create = `CREATE DATABASE ${name} TEMPLATE ${new URL(url).pathname.slice(1)}`;
        try {
          // FILE_COPY (PostgreSQL 15+) copies the files instead of writing the whole database to the WAL.
          await admin.query(`${create} STRATEGY FILE_COPY`).catch(() => admin.query(create));
        } finally {
          await admin.end();
        }
        made.push(name);
        Object.assign(db, await open(url));
        const copy = new URL(url);
        copy.pathname = `/${name}`;
        return open(copy.toString());
      },
      close: () => store.close(),
    };
    return db;
  };
  return {
    name: 'postgres',
    fresh: async () => {
      const url = await freshDatabase(serverUrl);
      made.push(new URL(url).pathname.slice(1));
      return open(url);
    },
    dispose: () => dropDatabases(serverUrl, made),
  };
}
