import { expect } from 'vitest';
import { type AuditVerdict, verifyAudit } from '../../../src/runtime/auditChain.ts';
import type { CaseRow, CaseStore, EventRow, TimerRow } from '../../../src/runtime/CaseStore.ts';
import { postgresStore } from '../../../src/runtime/postgresStore.ts';
import { sqliteStore } from '../../../src/runtime/sqliteStore.ts';

/** An audit entry as the engine writes it (`what` is 'opened', 'event' or 'deadline'). */
export interface AuditEntry {
  what: string;
  version: number;
  delay?: string;
  due?: string;
  idempotencyKey?: string | null;
}

/** A store's four tables as read after its workers stopped, and the audit chain's verdict. */
export interface Ledger {
  /** Every row of each table, by primary key, as the driver returns them: for byte-level comparison. */
  raw: Record<(typeof TABLES)[number], unknown[]>;
  cases: CaseRow[];
  timers: TimerRow[];
  events: EventRow[];
  audit: { seq: number; caseId: string; entry: AuditEntry }[];
  verdict: AuditVerdict;
}

const TABLES = ['cases', 'timers', 'events', 'audit'] as const;

/** A store on `db` (an SQLite path or a postgres:// URL) with raw reads of a whole table. */
async function openTables(db: string): Promise<{ store: CaseStore; rows: (table: string) => Promise<unknown[]> }> {
  const order = (table: string) => `SELECT * FROM ${table} ORDER BY 1, 2`;
  if (/^postgres(ql)?:\/\//.test(db)) {
    const store = await postgresStore(db);
    return { store, rows: async (table) => (await store.pool.query(order(table))).rows };
  }
  const store = sqliteStore(db);
  return { store, rows: async (table) => store.db.prepare(order(table)).all() };
}

/** Reads the four tables of `db` and verifies its audit chain. */
export async function readLedger(db: string): Promise<Ledger> {
  const { store, rows } = await openTables(db);
  try {
    const [cases = [], timers = [], events = [], audit = []] = await Promise.all(TABLES.map(rows));
    const raw = { cases, timers, events, audit };
    const parsed = (audit as { seq: number; caseId: string; entry: string }[]).map((a) => ({ seq: a.seq, caseId: a.caseId, entry: JSON.parse(a.entry) as AuditEntry }));
    return { raw, cases: cases as CaseRow[], timers: timers as TimerRow[], events: events as EventRow[], audit: parsed, verdict: await verifyAudit(store) };
  } finally {
    await store.close();
  }
}

const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const sorted = (items: string[]) => [...items].sort();

/** The `caseId|delay|due` of every fired timer, and of every 'deadline' audit entry: equal when each fired once. */
export const firedTimers = (ledger: Ledger) => sorted(ledger.timers.filter((t) => t.firedAt !== null).map((t) => `${t.caseId}|${t.delay}|${t.dueDate}`));
export const deadlineEntries = (ledger: Ledger) => sorted(ledger.audit.filter((a) => a.entry.what === 'deadline').map((a) => `${a.caseId}|${a.entry.delay}|${a.entry.due}`));

/** Deadline entries written by a send (which fires what is due before its date): those sharing their case and version with an 'event' entry. */
export const firedBySends = (ledger: Ledger) => {
  const sends = new Set(ledger.audit.filter((a) => a.entry.what === 'event').map((a) => `${a.caseId}@${a.entry.version}`));
  return ledger.audit.filter((a) => a.entry.what === 'deadline' && sends.has(`${a.caseId}@${a.entry.version}`));
};

/**
 * What holds of a store after any crash or race: the audit chain verifies; each case's events
 * are numbered 1..n with no idempotency key twice, and the audit log has one 'event' entry per
 * event, with the same keys in the same order; each case's audit entries carry versions 1..its
 * version, never going back; and every fired timer has exactly one 'deadline' entry.
 */
export function expectConsistent(ledger: Ledger): void {
  expect(ledger.verdict).toMatchObject({ ok: true });
  const keys = ledger.events.flatMap((e) => (e.idempotencyKey === null ? [] : [`${e.caseId}|${e.idempotencyKey}`]));
  expect(new Set(keys).size, 'an idempotency key applied twice').toBe(keys.length);
  const events = groupBy(ledger.events, (e) => e.caseId);
  const audit = groupBy(ledger.audit, (a) => a.caseId);
  for (const c of ledger.cases) {
    const own = events.get(c.id) ?? [];
    expect(own.map((e) => e.seq), `events of ${c.id}`).toEqual(own.map((_, i) => i + 1));
    const entries = audit.get(c.id) ?? [];
    expect(entries[0]?.entry, `first entry of ${c.id}`).toMatchObject({ what: 'opened', version: 1 });
    const eventKeys = entries.filter((a) => a.entry.what === 'event').map((a) => a.entry.idempotencyKey ?? null);
    expect(eventKeys, `event entries of ${c.id}`).toEqual(own.map((e) => e.idempotencyKey));
    const versions = entries.map((a) => a.entry.version);
    expect(versions, `audit versions of ${c.id}`).toEqual([...versions].sort((a, b) => a - b));
    expect([...new Set(versions)], `audit versions of ${c.id}`).toEqual(Array.from({ length: c.version }, (_, i) => i + 1));
  }
  expect(deadlineEntries(ledger), 'one deadline entry per fired timer').toEqual(firedTimers(ledger));
}
