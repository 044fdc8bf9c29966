// (2) `due` and `tick` among many pending deadlines. The engine opens one national security letter
// per received day (each arms a 30-day secrecy-challenge window); the database is then filled to
// PENDING cases by copying those cases' rows and timers with new ids in one bulk SQL transaction,
// the copies' "opened" audit entries chained on as the engine would.
import { createHash } from 'node:crypto';
import { findKind } from '../machines/catalogue.ts';
import { dayNumber, isoDate } from '../src/domain/date.ts';
import type { AuditRow } from '../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../src/runtime/createCaseEngine.ts';
import { allRows } from './runtimeEvents.ts';
import { type BenchBackend, type CopiedAudit, recorded } from './runtimeStores.ts';
import { fmt, msSince, now, report } from './support/report.ts';

/** Pending deadlines in the database. */
export const PENDING = 100_000;
/** Received days the cases spread over: PENDING / DAYS deadlines fall due on each. */
export const DAYS = 100;
/** Rounds of the nothing-due measurements (median), and days ticked with deadlines due (mean). */
const IDLE_ROUNDS = 21;
const DUE_ROUNDS = 2;
const FIRST_DAY = '2026-01-15';
/** After every receipt and every day the benchmark ticks (NSL deadlines fall within a year of the last receipt). */
const LAST_TICK = '2028-12-31';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: msSince(start), value };
}

async function medianOf<T>(fn: () => Promise<T>, rounds: number): Promise<{ ms: number; value: T }> {
  const runs: { ms: number; value: T }[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await timed(fn));
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(rounds / 2)] as { ms: number; value: T };
}

const hashOf = (prevHash: string, entry: string) => createHash('sha256').update(prevHash).update(entry).digest('hex');

/**
 * The "opened" audit rows of the copies `copyCases` makes (`<template>-0001`…), chained on from
 * the last row, each with its template's entry.
 */
function copiedAudit(templates: string[], audit: AuditRow[], copies: number): CopiedAudit[] {
  const opened = new Map(audit.map((a) => [a.caseId, a]));
  let { seq, hash } = audit[audit.length - 1] as AuditRow;
  const rows: CopiedAudit[] = [];
  for (let j = 1; j <= copies; j++) {
    for (const id of templates) {
      const entry = opened.get(id) as AuditRow;
      const prevHash = hash;
      hash = hashOf(prevHash, entry.entry);
      rows.push({ seq: ++seq, caseId: `${id}-${String(j).padStart(4, '0')}`, entrySeq: entry.seq, prevHash, hash });
    }
  }
  return rows;
}

/** Returns false when the engine and the raw query find different deadlines, or a tick misfires. */
export async function tickCost(backend: BenchBackend): Promise<boolean> {
  const entry = findKind('nationalSecurityLetter');
  if (!entry) throw new Error('catalogue has no nationalSecurityLetter');
  const request = entry.inputs[0]?.input as { receivedOn: string };
  const perDay = PENDING / DAYS;
  const db = await backend.fresh();
  // The engines' today is after every receipt and every tick: an engine refuses a date after its today.
  const opener = createCaseEngine({ store: db.store, policy: 'cloudflare', clock: () => LAST_TICK });
  for (let d = 0; d < DAYS; d++) {
    const receivedOn = isoDate(dayNumber(FIRST_DAY) + d);
    await opener.open({ ...request, receivedOn }, { id: `nsl-${String(d).padStart(3, '0')}` });
  }
  const templates = (await db.rows('SELECT id FROM cases ORDER BY id')).map((r) => r['id'] as string);
  const templateTimers = await db.rows('SELECT * FROM timers ORDER BY 1, 2');
  const templateAudit = (await db.rows('SELECT * FROM audit ORDER BY seq')) as unknown as AuditRow[];
  const audit = copiedAudit(templates, templateAudit, perDay - 1);
  const load = await timed(() => db.copyCases(perDay - 1, audit));
  const pending = Number((await db.rows('SELECT count(*) AS n FROM timers'))[0]?.['n']);
  const firstDue = templateTimers.map((t) => t['dueDate'] as string).sort()[0] as string;
  // The copy for the baseline's writes; `clone` reopens `db.store`, so the engine comes after it.
  const cloned = await timed(() => db.clone());
  const twin = cloned.value;
  const rec = recorded(db.store);
  const engine = createCaseEngine({ store: rec.store, policy: 'cloudflare', clock: () => LAST_TICK });
  console.log(
    `  runtime ${backend.name} tick: ${DAYS} NSL cases opened through the engine, copied ${perDay - 1} times each with new ids (rows, timers, chained "opened" audit entries) to ${pending} pending deadlines, ${perDay} due each day from ${firstDue}, in one bulk SQL transaction + ANALYZE: ${fmt(load.ms)}; copied for the baseline in ${fmt(cloned.ms)}`,
  );

  let ok = true;
  const check = (good: boolean, what: string) => {
    if (!good) console.log(`  runtime ${backend.name} tick: DISAGREE: ${what}`);
    ok &&= good;
  };

  // (a) Nothing due: the day before the first deadline.
  const idle = isoDate(dayNumber(firstDue) - 1);
  const rawIdle = await medianOf(() => db.dueRows(idle), IDLE_ROUNDS);
  const dueIdle = await medianOf(() => engine.due(idle), IDLE_ROUNDS);
  const tickIdle = await medianOf(() => engine.tick(idle), IDLE_ROUNDS);
  check(rawIdle.value.length === 0 && dueIdle.value.length === 0 && tickIdle.value === 0, `on ${idle} raw ${rawIdle.value.length}, due() ${dueIdle.value.length}, tick() ${tickIdle.value}`);
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  report(
    `runtime ${backend.name} nothing due among ${pending} pending: engine.due ${fmt(dueIdle.ms)} · engine.tick ${fmt(tickIdle.ms)} · raw SELECT of due rows ${fmt(rawIdle.ms)} · ratio due ${(dueIdle.ms / rawIdle.ms).toFixed(1)}×, tick ${(tickIdle.ms / rawIdle.ms).toFixed(1)}× (medians of ${IDLE_ROUNDS})`,
    { bench: `runtime-tick-idle:${backend.name}`, pending, due_ms: dueIdle.ms, tick_ms: tickIdle.ms, baseline_ms: rawIdle.ms, baseline: 'raw SELECT of due timer rows', due_ratio: dueIdle.ms / rawIdle.ms, tick_ratio: tickIdle.ms / rawIdle.ms, agree: ok },
  );

  // (b) PENDING / DAYS deadlines due: tick the first DUE_ROUNDS due days, one after another.
  rec.take();
  const seqBefore = templateAudit.length + audit.length;
  const touched: string[] = [];
  const rounds: { due: number; raw: number; tick: number; replay: number; fired: number; transactions: number }[] = [];
  for (let r = 0; r < DUE_ROUNDS; r++) {
    const date = isoDate(dayNumber(firstDue) + r);
    await db.dueRows(date); // the day's index pages read once, so neither timing below pays for it
    const raw = await timed(() => db.dueRows(date));
    const due = await timed(() => engine.due(date));
    const tick = await timed(() => engine.tick(date));
    const writes = rec.take();
    const replay = await timed(() => twin.replay(writes));
    const after = await engine.due(date);
    touched.push(...due.value.map((t) => t.caseId));
    check(JSON.stringify(raw.value) === JSON.stringify(due.value), `on ${date} due() and the raw SELECT return different rows`);
    check(due.value.length === perDay && tick.value === perDay && after.length === 0, `on ${date} ${due.value.length} due, ${tick.value} fired, ${after.length} still due`);
    rounds.push({ due: due.ms, raw: raw.ms, tick: tick.ms, replay: replay.ms, fired: tick.value, transactions: writes.length });
  }
  const touchedList = touched.map((id) => `'${id}'`).join(', ');
  const changed = [`SELECT * FROM cases WHERE id IN (${touchedList}) ORDER BY id`, `SELECT * FROM timers WHERE "caseId" IN (${touchedList}) ORDER BY 1, 2`, `SELECT * FROM audit WHERE seq > ${seqBefore} ORDER BY seq`];
  check((await allRows(db, changed)) === (await allRows(twin, changed)), 'the raw replay of the ticks left other rows than the engine');
  // The chain the ticks extended still verifies (`verifyAudit` reads every case: too slow here).
  const tail = (await db.rows(`SELECT * FROM audit WHERE seq >= ${seqBefore} ORDER BY seq`)) as unknown as AuditRow[];
  const broken = tail.findIndex((a, i) => i > 0 && (a.seq !== (tail[i - 1] as AuditRow).seq + 1 || a.prevHash !== (tail[i - 1] as AuditRow).hash || a.hash !== hashOf(a.prevHash, a.entry)));
  check(tail.length === 1 + rounds.reduce((n, r) => n + r.fired, 0) && broken === -1, `the audit chain the ticks extended does not verify at ${tail[broken]?.seq}`);
  await db.close();
  await twin.close();

  const mean = (k: keyof (typeof rounds)[number]) => rounds.reduce((n, r) => n + r[k], 0) / rounds.length;
  const [due, raw, tick, replay, transactions] = [mean('due'), mean('raw'), mean('tick'), mean('replay'), mean('transactions')];
  report(
    `runtime ${backend.name} ${perDay} due among ${pending} pending: engine.due ${fmt(due)} (${us(due / perDay)}/deadline) vs raw SELECT ${fmt(raw)} · ratio ${(due / raw).toFixed(1)}× · engine.tick ${fmt(tick)} (${us(tick / perDay)}/deadline, ${((perDay / tick) * 1000).toFixed(0)} deadlines/s) vs raw SQL of the same writes in the same ${transactions} transactions ${fmt(replay)} · ratio ${(tick / replay).toFixed(1)}× (means of ${DUE_ROUNDS} days) · ${ok ? 'same rows' : 'DISAGREE'}`,
    {
      bench: `runtime-tick-due:${backend.name}`,
      pending,
      due_count: perDay,
      due_ms: due,
      baseline_due_ms: raw,
      due_ratio: due / raw,
      tick_ms: tick,
      tick_per_deadline_ms: tick / perDay,
      baseline_tick_ms: replay,
      baseline: 'raw SELECT of due rows; raw SQL replay of the rows tick wrote, one transaction per batch',
      tick_ratio: tick / replay,
      agree: ok,
    },
  );
  return ok;
}
