import pg from 'pg';
import type { AuditRow, CaseRow, CaseStore, EventRow, OpenKeyRow, StoreTx, TimerRow, TokenRow } from './CaseStore.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, policy TEXT NOT NULL, "machineVersion" TEXT NOT NULL,
  version INTEGER NOT NULL, snapshot TEXT NOT NULL, disclosed TEXT NOT NULL, day0 TEXT NOT NULL,
  "createdAt" TEXT NOT NULL, closed BOOLEAN NOT NULL, secrecy BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS timers (
  "caseId" TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, event TEXT NOT NULL, delay TEXT NOT NULL,
  "dueDate" TEXT NOT NULL, "startedOn" TEXT NOT NULL, "firedAt" TEXT, PRIMARY KEY ("caseId", seq));
CREATE INDEX IF NOT EXISTS timers_pending ON timers ("dueDate", seq) WHERE "firedAt" IS NULL;
CREATE TABLE IF NOT EXISTS events (
  "caseId" TEXT NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL, "idempotencyKey" TEXT,
  event TEXT NOT NULL, "on" TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY ("caseId", seq),
  UNIQUE ("caseId", "idempotencyKey"));
CREATE TABLE IF NOT EXISTS open_keys (
  "idempotencyKey" TEXT PRIMARY KEY, "caseId" TEXT NOT NULL REFERENCES cases(id), opened TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, "caseId" TEXT NOT NULL REFERENCES cases(id), entry TEXT NOT NULL,
  "prevHash" TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_case ON audit ("caseId", seq);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  "createdAt" TEXT NOT NULL, "revokedAt" TEXT);
CREATE TABLE IF NOT EXISTS assignments ("caseId" TEXT NOT NULL, counsel TEXT NOT NULL, PRIMARY KEY ("caseId", counsel));
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE OR REPLACE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE OR REPLACE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
`;

/** Advisory lock keys: one for the schema, one for the audit chain's tail. */
const SCHEMA_LOCK = 0x6475_0001;
const AUDIT_LOCK = 0x6475_0002;

type Row = Record<string, unknown>;

function txOn(client: pg.PoolClient): StoreTx {
  const all = async (sql: string, ...params: unknown[]) => (await client.query(sql, params)).rows as Row[];
  const one = async (sql: string, ...params: unknown[]) => (await all(sql, ...params))[0];
  const run = async (sql: string, ...params: unknown[]) => (await client.query(sql, params)).rowCount ?? 0;
  return {
    getCase: async (id) => (await one('SELECT * FROM cases WHERE id = $1', id)) as CaseRow | undefined,
    lockCase: async (id) => (await one('SELECT * FROM cases WHERE id = $1 FOR NO KEY UPDATE', id)) as CaseRow | undefined,
    listCases: async ({ kind, closed, secrecy }) =>
      (await all(
        'SELECT * FROM cases WHERE ($1::text IS NULL OR kind = $1) AND ($2::boolean IS NULL OR closed = $2) AND ($3::boolean IS NULL OR secrecy = $3) ORDER BY "createdAt", id',
        kind ?? null,
        closed ?? null,
        secrecy ?? null,
      )) as unknown as CaseRow[],
    insertCase: async (c) => {
      await run('INSERT INTO cases VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', c.id, c.kind, c.policy, c.machineVersion, c.version, c.snapshot, c.disclosed, c.day0, c.createdAt, c.closed, c.secrecy);
    },
    updateCase: async (c, expected) =>
      (await run('UPDATE cases SET "machineVersion" = $1, version = $2, snapshot = $3, disclosed = $4, closed = $5, secrecy = $6 WHERE id = $7 AND version = $8', c.machineVersion, c.version, c.snapshot, c.disclosed, c.closed, c.secrecy, c.id, expected)) === 1,
    pendingTimers: async (caseId) => (await all('SELECT * FROM timers WHERE "caseId" = $1 AND "firedAt" IS NULL ORDER BY "dueDate", seq', caseId)) as unknown as TimerRow[],
    dueTimers: async (date) => (await all('SELECT * FROM timers WHERE "firedAt" IS NULL AND "dueDate" <= $1 ORDER BY "dueDate", seq, "caseId"', date)) as unknown as TimerRow[],
    claimDue: async (date, limit, skip) => {
      const rows = await all(
        `SELECT id FROM cases WHERE id IN (SELECT "caseId" FROM timers WHERE "firedAt" IS NULL AND "dueDate" <= $1) AND NOT (id = ANY($2::text[]))
         ORDER BY id LIMIT $3 FOR NO KEY UPDATE SKIP LOCKED`,
        date,
        skip,
        limit,
      );
      return rows.map((r) => r['id'] as string);
    },
    insertTimer: async (t) => {
      await run('INSERT INTO timers VALUES ($1, $2, $3, $4, $5, $6, $7)', t.caseId, t.seq, t.event, t.delay, t.dueDate, t.startedOn, t.firedAt);
    },
    cancelTimer: async (caseId, seq) => {
      await run('DELETE FROM timers WHERE "caseId" = $1 AND seq = $2 AND "firedAt" IS NULL', caseId, seq);
    },
    markFired: async (caseId, seq, firedAt) => {
      await run('UPDATE timers SET "firedAt" = $1 WHERE "caseId" = $2 AND seq = $3', firedAt, caseId, seq);
    },
    lastEventSeq: async (caseId) => Number((await one('SELECT coalesce(max(seq), 0) AS n FROM events WHERE "caseId" = $1', caseId))?.['n'] ?? 0),
    caseVersions: async () => (await all('SELECT id, version FROM cases')) as unknown as { id: string; version: number }[],
    events: async (caseId) => (await all('SELECT * FROM events WHERE "caseId" = $1 ORDER BY seq', caseId)) as unknown as EventRow[],
    eventByKey: async (caseId, key) => (await one('SELECT * FROM events WHERE "caseId" = $1 AND "idempotencyKey" = $2', caseId, key)) as EventRow | undefined,
    insertEvent: async (e) => {
      await run('INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6)', e.caseId, e.seq, e.idempotencyKey, e.event, e.on, e.result);
    },
    openByKey: async (key) => (await one('SELECT * FROM open_keys WHERE "idempotencyKey" = $1', key)) as OpenKeyRow | undefined,
    insertOpenKey: async (k) => {
      await run('INSERT INTO open_keys VALUES ($1, $2, $3)', k.idempotencyKey, k.caseId, k.opened);
    },
    lastAudit: async () => {
      await run('SELECT pg_advisory_xact_lock($1)', AUDIT_LOCK);
      return (await one('SELECT * FROM audit ORDER BY seq DESC LIMIT 1')) as AuditRow | undefined;
    },
    appendAudit: async (a) => {
      await run('INSERT INTO audit VALUES ($1, $2, $3, $4, $5)', a.seq, a.caseId, a.entry, a.prevHash, a.hash);
    },
    audit: async () => (await all('SELECT * FROM audit ORDER BY seq')) as unknown as AuditRow[],
    auditOf: async (caseId) => (await all('SELECT * FROM audit WHERE "caseId" = $1 ORDER BY seq', caseId)) as unknown as AuditRow[],
    insertToken: async (t) => {
      await run('INSERT INTO tokens VALUES ($1, $2, $3, $4, $5, $6)', t.id, t.name, t.role, t.hash, t.createdAt, t.revokedAt);
    },
    tokenByHash: async (hash) => (await one('SELECT * FROM tokens WHERE hash = $1', hash)) as TokenRow | undefined,
    tokens: async () => (await all('SELECT * FROM tokens ORDER BY "createdAt", id')) as unknown as TokenRow[],
    revokeToken: async (id, at) => (await run('UPDATE tokens SET "revokedAt" = $1 WHERE id = $2 AND "revokedAt" IS NULL', at, id)) === 1,
    assign: async (caseId, counsel) => {
      await run('INSERT INTO assignments VALUES ($1, $2) ON CONFLICT DO NOTHING', caseId, counsel);
    },
    unassign: async (caseId, counsel) => {
      await run('DELETE FROM assignments WHERE "caseId" = $1 AND counsel = $2', caseId, counsel);
    },
    assignments: async () => (await all('SELECT "caseId", counsel FROM assignments ORDER BY "caseId", counsel')) as unknown as { caseId: string; counsel: string }[],
    assignedCounsel: async (caseId) => (await all('SELECT counsel FROM assignments WHERE "caseId" = $1 ORDER BY counsel', caseId)).map((r) => r['counsel'] as string),
  };
}

/**
 * A `CaseStore` on PostgreSQL, for several workers on several machines. The schema is made on first
 * use. A case being written is row-locked (`FOR NO KEY UPDATE`, which still lets an audit entry's
 * foreign key check read it), so sends to one case wait for each other; `claimDue` skips cases
 * another worker holds (`SKIP LOCKED`); appending to the audit chain takes a
 * transaction-scoped advisory lock, so the chain never forks. With `readonly`, no schema is made
 * and every transaction is `READ ONLY`.
 *
 * @example
 * const store = await postgresStore('postgres://dueprocess@127.0.0.1:5432/cases');
 * const engine = createCaseEngine({ store, policy: 'cloudflare' });
 */
export async function postgresStore(connection: string | pg.PoolConfig, { readonly = false } = {}): Promise<CaseStore & { pool: pg.Pool }> {
  const pool = new pg.Pool(typeof connection === 'string' ? { connectionString: connection } : connection);
  const transaction = async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(readonly ? 'BEGIN READ ONLY' : 'BEGIN');
      const result = await fn(txOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  try {
    const client = await pool.connect();
    try {
      if (!readonly) {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { pool, transaction, close: () => pool.end() };
}
