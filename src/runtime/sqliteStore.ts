import Database from 'better-sqlite3';
import { InputError } from '../domain/InputError.ts';
import type { AuditRow, CaseRow, CaseStore, EventRow, OpenKeyRow, StoreTx, TimerRow, TokenRow } from './CaseStore.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, policy TEXT NOT NULL, machineVersion TEXT NOT NULL,
  version INTEGER NOT NULL, snapshot TEXT NOT NULL, disclosed TEXT NOT NULL, day0 TEXT NOT NULL,
  createdAt TEXT NOT NULL, closed INTEGER NOT NULL, secrecy INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS timers (
  caseId TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, event TEXT NOT NULL, delay TEXT NOT NULL,
  dueDate TEXT NOT NULL, startedOn TEXT NOT NULL, firedAt TEXT, PRIMARY KEY (caseId, seq));
CREATE INDEX IF NOT EXISTS timers_pending ON timers (dueDate, seq) WHERE firedAt IS NULL;
CREATE TABLE IF NOT EXISTS events (
  caseId TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, idempotencyKey TEXT,
  event TEXT NOT NULL, "on" TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (caseId, seq),
  UNIQUE (caseId, idempotencyKey));
CREATE TABLE IF NOT EXISTS open_keys (
  idempotencyKey TEXT PRIMARY KEY, caseId TEXT NOT NULL REFERENCES cases(id), opened TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, caseId TEXT NOT NULL REFERENCES cases(id), entry TEXT NOT NULL,
  prevHash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_case ON audit (caseId, seq);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  createdAt TEXT NOT NULL, revokedAt TEXT);
CREATE TABLE IF NOT EXISTS assignments (caseId TEXT NOT NULL, counsel TEXT NOT NULL, PRIMARY KEY (caseId, counsel));
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

type Row = Record<string, unknown>;
const toCase = (r: Row): CaseRow => ({ ...(r as unknown as CaseRow), closed: r['closed'] === 1, secrecy: r['secrecy'] === 1 });

/**
 * A `CaseStore` in one SQLite file (or `':memory:'`), made on first open: WAL journal, foreign
 * keys on, each transaction `BEGIN IMMEDIATE` so a second process waits instead of failing late.
 * With `readonly`, the file must exist and is only read: no schema is made, every write fails.
 * A database that holds tables but no `cases` table is another application's: an `InputError`,
 * and the file is left untouched.
 *
 * @example
 * const store = sqliteStore('./cases.db');
 * const engine = createCaseEngine({ store });
 */
export function sqliteStore(path: string, { readonly = false } = {}): CaseStore & { db: Database.Database } {
  const db = new Database(path, { readonly, fileMustExist: readonly });
  // Another application's database is left exactly as it was: no journal mode, no tables of ours.
  const tables = readonly ? [] : (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (tables.length && !tables.includes('cases')) {
    db.close();
    throw new InputError('invalid', 'path', path, `is an SQLite database of something else (its tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), not a case database`, 'give a new file name to create a case database, or the one dueprocess serve writes to');
  }
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readonly) db.exec(SCHEMA);
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const all = (sql: string, ...params: unknown[]) => prepared(sql).all(...params) as Row[];
  const one = (sql: string, ...params: unknown[]) => prepared(sql).get(...params) as Row | undefined;
  const run = (sql: string, ...params: unknown[]) => prepared(sql).run(...params);

  const tx: StoreTx = {
    getCase: async (id) => {
      const r = one('SELECT * FROM cases WHERE id = ?', id);
      return r && toCase(r);
    },
    lockCase: async (id) => tx.getCase(id),
    listCases: async ({ kind, closed, secrecy }) => {
      const flag = (b: boolean | undefined) => (b === undefined ? null : Number(b));
      const sql = 'SELECT * FROM cases WHERE (@kind IS NULL OR kind = @kind) AND (@closed IS NULL OR closed = @closed) AND (@secrecy IS NULL OR secrecy = @secrecy) ORDER BY createdAt, id';
      return all(sql, { kind: kind ?? null, closed: flag(closed), secrecy: flag(secrecy) }).map(toCase);
    },
    insertCase: async (c) => {
      run('INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', c.id, c.kind, c.policy, c.machineVersion, c.version, c.snapshot, c.disclosed, c.day0, c.createdAt, Number(c.closed), Number(c.secrecy));
    },
    updateCase: async (c, expected) =>
      run('UPDATE cases SET machineVersion = ?, version = ?, snapshot = ?, disclosed = ?, closed = ?, secrecy = ? WHERE id = ? AND version = ?', c.machineVersion, c.version, c.snapshot, c.disclosed, Number(c.closed), Number(c.secrecy), c.id, expected).changes === 1,
    pendingTimers: async (caseId) => all('SELECT * FROM timers WHERE caseId = ? AND firedAt IS NULL ORDER BY dueDate, seq', caseId) as unknown as TimerRow[],
    dueTimers: async (date) => all('SELECT * FROM timers WHERE firedAt IS NULL AND dueDate <= ? ORDER BY dueDate, seq, caseId', date) as unknown as TimerRow[],
    claimDue: async (date, limit, skip) => {
      // Walks the pending index in due order a page at a time instead of grouping every due row.
      const skipped = new Set(skip);
      const ids = new Set<string>();
      for (let offset = 0; ids.size < limit; offset += limit * 4) {
        const page = all('SELECT caseId FROM timers WHERE firedAt IS NULL AND dueDate <= ? ORDER BY dueDate, seq LIMIT ? OFFSET ?', date, limit * 4, offset);
        for (const r of page) if (ids.size < limit && !skipped.has(r['caseId'] as string)) ids.add(r['caseId'] as string);
        if (page.length < limit * 4) break;
      }
      return [...ids];
    },
    insertTimer: async (t) => {
      run('INSERT INTO timers VALUES (?, ?, ?, ?, ?, ?, ?)', t.caseId, t.seq, t.event, t.delay, t.dueDate, t.startedOn, t.firedAt);
    },
    cancelTimer: async (caseId, seq) => {
      run('DELETE FROM timers WHERE caseId = ? AND seq = ? AND firedAt IS NULL', caseId, seq);
    },
    markFired: async (caseId, seq, firedAt) => {
      run('UPDATE timers SET firedAt = ? WHERE caseId = ? AND seq = ?', firedAt, caseId, seq);
    },
    lastEventSeq: async (caseId) => Number(one('SELECT coalesce(max(seq), 0) AS n FROM events WHERE caseId = ?', caseId)?.['n'] ?? 0),
    caseVersions: async () => all('SELECT id, version FROM cases') as unknown as { id: string; version: number }[],
    events: async (caseId) => all('SELECT * FROM events WHERE caseId = ? ORDER BY seq', caseId) as unknown as EventRow[],
    eventByKey: async (caseId, key) => one('SELECT * FROM events WHERE caseId = ? AND idempotencyKey = ?', caseId, key) as EventRow | undefined,
    insertEvent: async (e) => {
      run('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)', e.caseId, e.seq, e.idempotencyKey, e.event, e.on, e.result);
    },
    openByKey: async (key) => one('SELECT * FROM open_keys WHERE idempotencyKey = ?', key) as OpenKeyRow | undefined,
    insertOpenKey: async (k) => {
      run('INSERT INTO open_keys VALUES (?, ?, ?)', k.idempotencyKey, k.caseId, k.opened);
    },
    lastAudit: async () => one('SELECT * FROM audit ORDER BY seq DESC LIMIT 1') as AuditRow | undefined,
    appendAudit: async (a) => {
      run('INSERT INTO audit VALUES (?, ?, ?, ?, ?)', a.seq, a.caseId, a.entry, a.prevHash, a.hash);
    },
    audit: async () => all('SELECT * FROM audit ORDER BY seq') as unknown as AuditRow[],
    auditOf: async (caseId) => all('SELECT * FROM audit WHERE caseId = ? ORDER BY seq', caseId) as unknown as AuditRow[],
    insertToken: async (t) => {
      run('INSERT INTO tokens VALUES (?, ?, ?, ?, ?, ?)', t.id, t.name, t.role, t.hash, t.createdAt, t.revokedAt);
    },
    tokenByHash: async (hash) => one('SELECT * FROM tokens WHERE hash = ?', hash) as TokenRow | undefined,
    tokens: async () => all('SELECT * FROM tokens ORDER BY createdAt, id') as unknown as TokenRow[],
    revokeToken: async (id, at) => run('UPDATE tokens SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL', at, id).changes === 1,
    assign: async (caseId, counsel) => {
      run('INSERT OR IGNORE INTO assignments VALUES (?, ?)', caseId, counsel);
    },
    unassign: async (caseId, counsel) => {
      run('DELETE FROM assignments WHERE caseId = ? AND counsel = ?', caseId, counsel);
    },
    assignments: async () => all('SELECT caseId, counsel FROM assignments ORDER BY caseId, counsel') as unknown as { caseId: string; counsel: string }[],
    assignedCounsel: async (caseId) => all('SELECT counsel FROM assignments WHERE caseId = ? ORDER BY counsel', caseId).map((r) => r['counsel'] as string),
  };

  // One connection: transactions run one after another, never interleaved across awaits.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    db,
    transaction<T>(fn: (t: StoreTx) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec(readonly ? 'BEGIN' : 'BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
      db.close();
    },
  };
}
