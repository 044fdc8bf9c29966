import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { CaseRow } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { postgresStore } from '../../src/runtime/postgresStore.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { freshDatabase } from '../support/postgresServer.ts';
import { expectConsistent, firedBySends, firedTimers, readLedger } from './support/ledger.ts';
import { RACE_CASES, RACE_DAY, SETUP_DAY, openRaceCases, raceEvent, raceKey } from './support/raceWorkload.ts';
import { startWorker } from './support/workerProcess.ts';

/**
 * Two worker processes (two OS processes, each with its own engine and connection pool) on one
 * PostgreSQL database tick the same day over the same 40 cases' deadlines while sending every
 * case the same event under the same idempotency key (raceWorkload.ts). One case is row-locked
 * by the test until both ticks have returned, so the ticks must pass over it rather than wait,
 * and its deadlines are left to the sends. Whether both workers' ticks fire some deadlines is
 * up to the scheduler, so it is not asserted.
 */

const acksOf = (lines: readonly string[]) => new Map(lines.map((l) => /^ack (\S+) (.*)$/.exec(l)).flatMap((m) => (m ? [[m[1] ?? '', m[2] ?? ''] as const] : [])));
const firedOf = (lines: readonly string[]) => Number(/^fired (\d+)$/.exec(lines.find((l) => l.startsWith('fired ')) ?? '')?.[1] ?? NaN);

/** The same workload in one process, one step after another, on SQLite: the states the race must end in. */
async function sequential(): Promise<{ cases: CaseRow[]; timers: unknown[] }> {
  const store = sqliteStore(':memory:');
  try {
    await openRaceCases(createCaseEngine({ store, policy: 'cloudflare', clock: () => SETUP_DAY }));
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => RACE_DAY });
    await engine.tick(RACE_DAY);
    for (const c of await engine.list()) await engine.send(c.id, raceEvent(c.kind), { on: RACE_DAY, idempotencyKey: raceKey(c.id) });
    return { cases: await engine.list(), timers: store.db.prepare('SELECT * FROM timers ORDER BY 1, 2').all() };
  } finally {
    await store.close();
  }
}

describe('two worker processes on one PostgreSQL database', () => {
  it('fire every deadline exactly once and apply every idempotency key once, and a tick passes over a locked case', { timeout: 30_000 }, async ({ onTestFinished }) => {
    const db = await freshDatabase(inject('postgresUrl'));
    const setup = await postgresStore(db);
    const ids = await openRaceCases(createCaseEngine({ store: setup, policy: 'cloudflare', clock: () => SETUP_DAY }));
    const held = ids[1] ?? '';
    await setup.close();

    // The test's own connection: it row-locks the held case until both ticks have returned.
    const locker = new pg.Client({ connectionString: db });
    await locker.connect();
    onTestFinished(() => locker.end().catch(() => undefined));
    const pending = async (caseId: string | null) =>
      (await locker.query('SELECT seq FROM timers WHERE "firedAt" IS NULL AND "dueDate" <= $1 AND ($2::text IS NULL OR "caseId" = $2)', [RACE_DAY, caseId])).rowCount;
    expect(await pending(null)).toBe(RACE_CASES);
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [held]);

    const workers = [startWorker(['race', db, RACE_DAY, '--batch', '1']), startWorker(['race', db, RACE_DAY, '--batch', '1', '--reverse'])];
    onTestFinished(() => workers.forEach((w) => w.kill()));
    await Promise.all(workers.map((w) => w.untilLine((l) => l === 'ready')));
    workers.forEach((w) => w.write('go\n'));
    await Promise.all(workers.map((w) => w.untilLine((l) => l.startsWith('fired '))));
    // Both ticks returned while `held` stayed locked: they passed over it, and its deadline waits.
    expect(await pending(held)).toBe(1);
    await locker.query('COMMIT');

    const exits = await Promise.all(workers.map((w) => w.exited));
    for (const { code, stderr } of exits) expect(code, stderr).toBe(0);
    const ledger = await readLedger(db);
    expectConsistent(ledger);

    // Each key: applied once, and both workers were answered what it answered the first time.
    const [acksA, acksB] = exits.map((e) => acksOf(e.lines));
    expect([...(acksA?.keys() ?? [])].sort()).toEqual(ids.map(raceKey));
    expect(acksB).toEqual(acksA);
    const stored = new Map(ledger.events.filter((e) => e.idempotencyKey?.startsWith('race:')).map((e) => [e.idempotencyKey, e.result]));
    expect(stored).toEqual(acksA);
    expect([...stored.values()].map((r) => (JSON.parse(r) as { ok: boolean }).ok)).not.toContain(false);

    // Every deadline due fired once, on the race day, by a tick or inside a send: the ticks'
    // counts and the send-fired entries add up to all of them. The held case's fired in a send.
    const due = ledger.timers.filter((t) => t.dueDate <= RACE_DAY);
    expect(due.map((t) => t.firedAt)).toEqual(due.map(() => RACE_DAY));
    expect(firedTimers(ledger)).toHaveLength(due.length);
    const byTicks = exits.map((e) => firedOf(e.lines));
    const bySends = firedBySends(ledger);
    expect((byTicks[0] ?? NaN) + (byTicks[1] ?? NaN) + bySends.length).toBe(due.length);
    expect(bySends.filter((a) => a.caseId === held).length).toBe(due.filter((t) => t.caseId === held).length);

    // Each case ends where the same work done one step at a time ends (versions aside: a deadline
    // fired by a tick is a version of its own, one fired inside a send is not).
    const reference = await sequential();
    const strip = ({ id, snapshot, disclosed, closed }: CaseRow) => ({ id, snapshot, disclosed, closed });
    const cases = ledger.cases.map((c) => ({ ...c, closed: Boolean(c.closed) }));
    expect(cases.map(strip)).toEqual(reference.cases.map(strip));
    expect(ledger.raw.timers).toEqual(reference.timers);
  });
});
