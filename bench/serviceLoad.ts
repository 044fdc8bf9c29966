// (f) The case service under a bounded load on loopback, on SQLite (a temporary file) and on
// PostgreSQL (a throwaway local cluster, fsync on): a fixed workload (SIZES: open cases, event
// writes, case reads, listings, CONCURRENCY in flight) over HTTP through our own keep-alive client,
// against the same workload in-process through `app.request()` (no socket, no HTTP parsing). Fails
// on any unexpected answer, on an acknowledged write not stored exactly once, or a broken audit chain.
// `npm run bench -- service --mixed` runs the reads beside the writes instead of after them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseStore } from '../src/runtime/CaseStore.ts';
import { postgresStore } from '../src/runtime/postgresStore.ts';
import { sqliteStore } from '../src/runtime/sqliteStore.ts';
import { createService } from '../src/service/createService.ts';
import { serveCases } from '../src/service/serveCases.ts';
import { createToken } from '../src/service/tokens.ts';
import { dropDatabases, freshDatabase, startPostgres } from '../test/support/postgresServer.ts';
import { report } from './support/report.ts';
import { type Caller, httpCaller, inProcessCaller, summarize } from './serviceLoadClient.ts';
import { type LoadRun, type Phase, type Sizes, TODAY, type Verdict, WRITES_PER_CASE, runWorkload, verifyStore } from './serviceLoadWorkload.ts';

/** `--mixed` runs the reads beside the writes, so reads of cases under secrecy (audited) race writes to them. */
const MIXED = process.argv.includes('--mixed');
const SIZES: Sizes = { cases: 200, reads: 4000, lists: 50, concurrency: 16, mixed: MIXED };
/** Run once per store before measuring, so neither side pays for JIT compilation or cold pools. */
const WARM_UP: Sizes = { cases: 20, reads: 200, lists: 5, concurrency: 16, mixed: MIXED };
const PHASES: Phase[] = ['open', 'write', 'read', 'list'];

interface StoreKind {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<CaseStore>;
  dispose(): Promise<void>;
}

/** Runs `work` with a counsel token `name` and a caller for it, over HTTP or in-process. */
type Transport = (store: CaseStore, name: string, work: (call: Caller) => Promise<LoadRun>) => Promise<LoadRun>;

const serviceLog: string[] = [];

const overHttp: Transport = async (store, name, work) => {
  // No scheduled tick during the run: a tick to TODAY would move every case's clock past the events' dates.
  const service = await serveCases({ store, policy: 'cloudflare', port: 0, host: '127.0.0.1', clock: () => TODAY, tickEveryMs: 3_600_000, log: (line) => serviceLog.push(line) });
  const { token } = await createToken(store, { role: 'counsel', name }, TODAY);
  const client = httpCaller(service.url, token, SIZES.concurrency * (MIXED ? 2 : 1));
  try {
    return await work(client.call);
  } finally {
    client.close();
    await service.close();
  }
};

const inProcess: Transport = async (store, name, work) => {
  const { app } = createService({ store, policy: 'cloudflare', clock: () => TODAY });
  const { token } = await createToken(store, { role: 'counsel', name }, TODAY);
  return work(inProcessCaller(app, token));
};

/** The workload through `transport` on `store`, then the store checked against what was acknowledged. */
async function measure(store: CaseStore, transport: Transport, sizes: Sizes, label: string): Promise<{ run: LoadRun; verdict: Verdict }> {
  const run = await transport(store, `counsel-${label}`, (call) => runWorkload(call, sizes, label));
  return { run, verdict: await verifyStore(store, run) };
}

async function withStore<T>(kind: StoreKind, fn: (store: CaseStore) => Promise<T>): Promise<T> {
  const store = await kind.fresh();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

function problemsOf(side: string, { run, verdict }: { run: LoadRun; verdict: Verdict }): string[] {
  return [...run.samples.map((s) => `${side} error: ${s}`), ...verdict.problems.map((p) => `${side} store: ${p}`)];
}

async function on(kind: StoreKind): Promise<boolean> {
  // Warm-up: both sides on one store, each counsel seeing only its own cases.
  const warm = await withStore(kind, async (store) => [await measure(store, overHttp, WARM_UP, 'warm-http'), await measure(store, inProcess, WARM_UP, 'warm-local')]);
  const http = await withStore(kind, (store) => measure(store, overHttp, SIZES, 'http'));
  const local = await withStore(kind, (store) => measure(store, inProcess, SIZES, 'local'));

  for (const phase of PHASES) {
    const h = summarize(http.run.phases[phase]);
    const l = summarize(local.run.phases[phase]);
    const ratio = l.perSecond / h.perSecond;
    const together = MIXED && (phase === 'write' || phase === 'read');
    report(
      `service ${kind.name} ${phase} ×${h.requests} (${SIZES.concurrency} in flight${together ? ', writes and reads together' : ''}): HTTP ${h.perSecond.toFixed(0)} req/s, p50 ${ms(h.p50)} · p95 ${ms(h.p95)} · p99 ${ms(h.p99)} · max ${ms(h.max)} ms · in-process app.request() ${l.perSecond.toFixed(0)} req/s, p50 ${ms(l.p50)} · p99 ${ms(l.p99)} ms · HTTP/in-process ${ratio.toFixed(2)}× the time per request`,
      { bench: 'service', store: kind.name, phase, mixed: together, concurrency: SIZES.concurrency, client: 'node:http keep-alive', http: h, baseline: 'in-process app.request()', inProcess: l, ratio },
    );
  }
  const warmErrors = warm.reduce((n, w) => n + w.run.errors, 0);
  const errors = http.run.errors + local.run.errors + warmErrors;
  const lost = http.verdict.lost + local.verdict.lost + warm.reduce((n, w) => n + w.verdict.lost, 0);
  const problems = [...problemsOf('HTTP', http), ...problemsOf('in-process', local), ...warm.flatMap((w, i) => problemsOf(i === 0 ? 'warm-up HTTP' : 'warm-up in-process', w))];
  const acked = (run: LoadRun) => [...run.acked.values()].reduce((n, keys) => n + keys.length, 0);
  const passed = errors === 0 && lost === 0 && problems.length === 0;
  report(
    `service ${kind.name} check ${passed ? 'passed' : 'FAILED'}: HTTP ${acked(http.run)} writes acknowledged, ${http.run.refused} refused as expected, ${http.run.errors} errors, ${http.verdict.lost} lost, audit chain ${http.verdict.auditOk ? `verified (${http.verdict.auditEntries} entries)` : 'BROKEN'} · in-process ${acked(local.run)} acknowledged, ${local.run.refused} refused, ${local.run.errors} errors, ${local.verdict.lost} lost, audit ${local.verdict.auditOk ? 'verified' : 'BROKEN'} · warm-up ${warmErrors} errors`,
    { bench: 'service-check', store: kind.name, mixed: MIXED, passed, writes: SIZES.cases * WRITES_PER_CASE, acknowledged: acked(http.run), refused: http.run.refused, errors, warmUpErrors: warmErrors, lost, auditOk: http.verdict.auditOk && local.verdict.auditOk, problems },
  );
  for (const p of problems) console.log(`  ${p}`);
  return passed;
}

function sqliteKind(): StoreKind {
  const dir = mkdtempSync(join(tmpdir(), 'dueprocess-service-'));
  let n = 0;
  return { name: 'sqlite', fresh: async () => sqliteStore(join(dir, `cases${n++}.sqlite`)), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

function postgresKind(serverUrl: string): StoreKind {
  const made: string[] = [];
  return {
    name: 'postgres',
    fresh: async () => {
      const url = await freshDatabase(serverUrl);
      made.push(new URL(url).pathname.slice(1));
      return postgresStore(url);
    },
    dispose: () => dropDatabases(serverUrl, made),
  };
}

async function each(kind: StoreKind): Promise<boolean> {
  try {
    return await on(kind);
  } finally {
    await kind.dispose();
  }
}

/** Returns false on any unexpected answer or lost event, on either store. */
export async function serviceLoad(): Promise<boolean> {
  const sqlite = await each(sqliteKind());
  const server = await startPostgres({ durable: true });
  let postgres: boolean;
  try {
    postgres = await each(postgresKind(server.url));
  } finally {
    await server.stop();
  }
  for (const line of serviceLog) console.log(`  service log: ${line}`);
  return sqlite && postgres;
}
