import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { openCaseStore } from '../../src/runtime/openCaseStore.ts';
import { freshDatabase } from '../support/postgresServer.ts';
import { JANUARY, JUNE, runStream, streamKeys, streamLines } from './support/caseStream.ts';
import { type Ledger, expectConsistent, firedBySends, firedTimers, readLedger } from './support/ledger.ts';
import { startWorker } from './support/workerProcess.ts';

/**
 * A worker process applying a fixed stream of events (caseStream.ts) is killed with SIGKILL at
 * seeded points and restarted until it finishes: first in January, then in June after an outage
 * during which deadlines fell due. Each phase has two kills: one the worker deals itself inside
 * the transaction of a seeded write (dyingStore.ts: an exact point, mid-transaction; June's
 * falls in the start-up tick that fires the overdue deadlines), and one the test deals from
 * outside after a seeded number of printed lines (landing wherever the worker then is). After
 * every run the store is consistent (ledger.ts) and holds every acknowledged send exactly once,
 * with the answer acknowledged; in the end it is row for row what one uninterrupted run leaves.
 */

const SEED = 10;
const BATCH = '3';

/** mulberry32: a seeded uniform draw in [0, 1). */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A phase's worker runs, the last one left to finish. A phase makes 72 writes, June's start-up
 * tick the first 32 of them; an outside kill comes with a few lines still to print. Seed 10 kills
 * at write 31 and after line 17 in January, at write 23 and after line 25 in June. (Each run
 * costs a second or more of start-up, mostly loading TypeScript through tsx: hence few kills.)
 */
function killPlan(today: string, random: () => number): { dieAtWrite?: number; killAfterLine?: number }[] {
  const draw = (max: number) => 1 + Math.floor(random() * max);
  return [{ dieAtWrite: draw(today === JANUARY ? 60 : 32) }, { killAfterLine: draw(streamLines(today) - 4) }, {}];
}

const dir = mkdtempSync(join(tmpdir(), 'dueprocess-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const TARGETS: { name: string; fresh: () => Promise<string> }[] = [
  { name: 'an SQLite file', fresh: async () => join(dir, `cases-${files++}.db`) },
  { name: 'PostgreSQL', fresh: () => freshDatabase(inject('postgresUrl')) },
];

/** Runs the stream in this process, uninterrupted, on a fresh database: what the crashed runs must end as. */
async function reference(db: string): Promise<Ledger> {
  for (const today of [JANUARY, JUNE]) {
    const store = await openCaseStore(db);
    await runStream(createCaseEngine({ store, policy: 'cloudflare', clock: () => today }), today, () => undefined, Number(BATCH));
    await store.close();
  }
  return readLedger(db);
}

describe.concurrent.each(TARGETS)('a case worker killed with SIGKILL on $name', ({ fresh }) => {
  it('loses no acknowledged send, applies none twice, and fires the deadlines that fell due while it was down', { timeout: 60_000 }, async ({ onTestFinished }) => {
    const db = await fresh();
    const random = seeded(SEED);
    /** Each acknowledged key and the answer first acknowledged for it. */
    const acked = new Map<string, string>();
    let ledger: Ledger | undefined;
    for (const today of [JANUARY, JUNE]) {
      for (const { dieAtWrite, killAfterLine } of killPlan(today, random)) {
        const worker = startWorker(['stream', db, today, '--batch', BATCH, ...(dieAtWrite ? ['--die-at-write', String(dieAtWrite)] : [])]);
        onTestFinished(() => void worker.kill());
        if (killAfterLine) {
          await worker.untilLine((_, n) => n === killAfterLine);
          worker.kill();
        }
        const { code, signal, lines, stderr } = await worker.exited;
        // An outside kill may come after the worker finished; the others end as planned.
        if (killAfterLine) expect(signal === 'SIGKILL' || code === 0, `worker failed:\n${stderr}`).toBe(true);
        else if (dieAtWrite) expect(signal, `the worker did not die at write ${dieAtWrite}: does the stream still write as often as killPlan says?\n${stderr}`).toBe('SIGKILL');
        else expect(code, stderr).toBe(0);
        for (const [, key = '', result = ''] of lines.map((l) => /^ack (\S+) (.*)$/.exec(l)).filter((m) => m !== null)) {
          // A resent key answers what it answered the first time.
          expect(result, `answer to ${key}`).toBe(acked.get(key) ?? result);
          acked.set(key, result);
        }
        ledger = await readLedger(db);
        expectConsistent(ledger);
        const stored = new Map(ledger.events.map((e) => [e.idempotencyKey, e.result]));
        for (const [key, result] of acked) expect(stored.get(key), `acknowledged ${key}`).toBe(result);
      }
      if (today === JANUARY && ledger) {
        // Deadlines armed in January and due before June (4 challenge windows, 4 secrecy terms): pending, until the June restart.
        const overdue = ledger.timers.filter((t) => t.dueDate > JANUARY && t.dueDate <= JUNE);
        expect(overdue).toHaveLength(8);
        expect(overdue.filter((t) => t.firedAt !== null)).toEqual([]);
      }
    }
    if (!ledger) throw new Error('no run');
    expect([...acked.keys()].sort()).toEqual(streamKeys(JUNE).sort());
    expect([...acked.values()].map((r) => (JSON.parse(r) as { ok: boolean }).ok)).not.toContain(false);
    // Those 8 and the 4 delayed notices the secrecy terms started fired on the June restart; the
    // notices June's lifted secrecy started are pending.
    const due = ledger.timers.filter((t) => t.dueDate <= JUNE);
    expect(due.map((t) => t.firedAt)).toEqual(Array(12).fill(JUNE));
    expect(ledger.timers.filter((t) => t.dueDate > JUNE).map((t) => t.firedAt)).toEqual(Array(4).fill(null));
    expect(firedTimers(ledger)).toHaveLength(due.length);
    // Fired by the start-up tick, not left for June's sends to fire on the way.
    expect(firedBySends(ledger)).toEqual([]);
    expect(ledger.raw).toEqual((await reference(await fresh())).raw);
  });
});
