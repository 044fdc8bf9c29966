// The service load test's fixed workload, one `Caller` for all of it (HTTP or in-process): open
// CASES subpoenas, send each the same STEPS (every answer checked against the one expected), read
// them, list them; then check the store holds every acknowledged event exactly once.
import { findKind } from '../machines/catalogue.ts';
import { verifyAudit } from '../src/runtime/auditChain.ts';
import type { CaseStore } from '../src/runtime/CaseStore.ts';
import { type Caller, type PhaseTimes, type Reply, runPool, timed } from './serviceLoadClient.ts';

export interface Sizes {
  cases: number;
  reads: number;
  lists: number;
  concurrency: number;
  /** Reads run beside the writes (each side `concurrency` in flight) instead of after them. */
  mixed?: boolean;
}

/** Today on the service's clock: every event below is dated before it. */
export const TODAY = '2026-12-31';
const RECEIVED = '2026-01-05';

/**
 * What each case is sent, in order, and whether it is accepted. `preservation.extended` is refused
 * (409 notAccepted) once notice is sent; `data.disclosed` on day 25 is accepted, the objection
 * window opened by `notice.sent` on day 3 having passed (the send fires it first).
 */
const STEPS: { on: string; event: Record<string, unknown>; accepted: boolean }[] = [
  { on: '2026-01-05', event: { type: 'review.completed', finding: 'sufficient' }, accepted: true },
  { on: '2026-01-05', event: { type: 'secrecy.imposed', days: 30 }, accepted: true },
  { on: '2026-01-06', event: { type: 'secrecy.lifted', reason: 'lifted' }, accepted: true },
  { on: '2026-01-06', event: { type: 'secrecy.imposed', days: 30 }, accepted: true },
  { on: '2026-01-07', event: { type: 'secrecy.lifted', reason: 'courtOrder' }, accepted: true },
  { on: '2026-01-07', event: { type: 'challenge.filed', route: 'motionToQuash' }, accepted: true },
  { on: '2026-01-08', event: { type: 'challenge.decided', route: 'motionToQuash', outcome: 'lost' }, accepted: true },
  { on: '2026-01-08', event: { type: 'notice.sent' }, accepted: true },
  { on: '2026-01-09', event: { type: 'preservation.extended' }, accepted: false },
  { on: '2026-01-30', event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, accepted: true },
];
export const WRITES_PER_CASE = STEPS.length;
const ACCEPTED = STEPS.filter((s) => s.accepted).length;

export type Phase = 'open' | 'write' | 'read' | 'list';

export interface LoadRun {
  phases: Record<Phase, PhaseTimes>;
  /** Answers other than the one expected (wrong status or body, or no answer), with a few samples. */
  errors: number;
  samples: string[];
  /** Writes answered 409 notAccepted, as expected. */
  refused: number;
  /** Per case id, the idempotency keys of the writes answered 200 ok. */
  acked: Map<string, string[]>;
}

const subpoena = (i: number) => ({ ...(findKind('subpoena')?.inputs[0]?.input as object), receivedOn: RECEIVED, account: `load-${i}` });
const bodyOf = (r: Reply) => (r.body ?? {}) as Record<string, unknown>;

/** Runs the whole workload through `call`, `concurrency` requests in flight; never throws for a bad answer. */
export async function runWorkload(call: Caller, sizes: Sizes, label: string): Promise<LoadRun> {
  const { cases, reads, lists, concurrency } = sizes;
  const run: LoadRun = { phases: {} as Record<Phase, PhaseTimes>, errors: 0, samples: [], refused: 0, acked: new Map() };
  const fail = (what: string, reply?: Reply, error?: unknown) => {
    run.errors++;
    const why = reply ? `${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}` : String(error);
    if (run.samples.length < 5) run.samples.push(`${what}: ${why}`);
  };
  /** One timed call; a transport failure is an error, answered as status 0. */
  const attempt = async (what: string, method: string, path: string, body?: unknown): Promise<[Reply, number]> => {
    const start = process.hrtime.bigint();
    try {
      return await timed(() => call(method, path, body));
    } catch (error) {
      fail(what, undefined, error);
      return [{ status: 0, body: null }, Number(process.hrtime.bigint() - start) / 1e6];
    }
  };

  const ids: string[] = new Array<string>(cases);
  run.phases.open = await runPool(cases, concurrency, async (i) => {
    const [reply, ms] = await attempt('open', 'POST', '/cases', { request: subpoena(i) });
    const id = bodyOf(reply)['id'];
    if (reply.status === 201 && typeof id === 'string') ids[i] = id;
    else if (reply.status !== 0) fail('open', reply);
    return ms;
  });
  const opened = ids.filter((id) => id !== undefined);
  opened.forEach((id) => run.acked.set(id, []));
  if (opened.length === 0) return { ...run, phases: { ...run.phases, write: empty(), read: empty(), list: empty() } };

  // Step-major order spreads the writes over every case; a case's writes wait for its previous one.
  const n = opened.length;
  const previous: Promise<void>[] = opened.map(() => Promise.resolve());
  const writing = () => runPool(n * STEPS.length, concurrency, async (i) => {
    const c = i % n;
    const k = Math.floor(i / n);
    const id = opened[c] as string;
    let settle!: () => void;
    const before = previous[c] as Promise<void>;
    previous[c] = new Promise<void>((resolve) => (settle = resolve));
    await before;
    try {
      const step = STEPS[k] as (typeof STEPS)[number];
      const key = `${label}-${c}-${k}`;
      const [reply, ms] = await attempt('write', 'POST', `/cases/${id}/events`, { event: step.event, on: step.on, idempotencyKey: key });
      const body = bodyOf(reply);
      const accepted = run.acked.get(id) as string[];
      if (step.accepted && reply.status === 200 && body['ok'] === true && body['version'] === accepted.length + 2) accepted.push(key);
      else if (!step.accepted && reply.status === 409 && (body['error'] as { reason?: string } | undefined)?.reason === 'notAccepted') run.refused++;
      else if (reply.status !== 0) fail(`write ${step.event['type'] as string}`, reply);
      return ms;
    } finally {
      settle();
    }
  });

  // Once the writes are done, a read must show every acknowledged one; during them, any history.
  const reading = (settled: boolean) =>
    runPool(reads, concurrency, async (i) => {
      const id = opened[i % n] as string;
      const [reply, ms] = await attempt('read', 'GET', `/cases/${id}`);
      const body = bodyOf(reply);
      const history = body['history'];
      if (reply.status !== 200 || body['id'] !== id || !Array.isArray(history) || (settled && history.length !== run.acked.get(id)?.length)) {
        if (reply.status !== 0) fail('read', reply);
      }
      return ms;
    });
  if (sizes.mixed) [run.phases.write, run.phases.read] = await Promise.all([writing(), reading(false)]);
  else {
    run.phases.write = await writing();
    run.phases.read = await reading(true);
  }

  // A listing walks every page (the service pages by cursor, at most 1000 cases a page) and must see every case.
  run.phases.list = await runPool(lists, concurrency, async () => {
    let ms = 0;
    let seen = 0;
    let after: string | null = null;
    do {
      const [reply, took] = await attempt('list', 'GET', `/cases?limit=1000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
      ms += took;
      const body = bodyOf(reply);
      const listed = body['cases'];
      if (reply.status !== 200 || !Array.isArray(listed)) {
        if (reply.status !== 0) fail('list', reply);
        return ms;
      }
      seen += listed.length;
      after = typeof body['next'] === 'string' ? body['next'] : null;
    } while (after !== null);
    if (seen !== n) fail('list', undefined, `listed ${seen} cases of ${n}`);
    return ms;
  });
  return run;
}

const empty = (): PhaseTimes => ({ latencies: [], wallMs: 0 });

/** What the store holds against what was acknowledged. */
export interface Verdict {
  /** Acknowledged writes not stored exactly once, plus stored events no one was told were applied. */
  lost: number;
  problems: string[];
  auditEntries: number;
  auditOk: boolean;
}

/**
 * Reads every case's events from the store itself: each acknowledged key exactly once, in the
 * order sent (seq 1…n), nothing else; the case's version one past its events; the audit chain whole.
 */
export async function verifyStore(store: CaseStore, run: LoadRun): Promise<Verdict> {
  const problems: string[] = [];
  let lost = 0;
  await store.transaction(async (tx) => {
    for (const [id, keys] of run.acked) {
      const events = await tx.events(id);
      const stored = events.map((e) => e.idempotencyKey);
      const missing = keys.filter((k) => stored.filter((s) => s === k).length !== 1);
      const stray = stored.filter((s) => s === null || !keys.includes(s));
      lost += missing.length + stray.length;
      if (missing.length || stray.length) problems.push(`case ${id}: acknowledged but not stored once ${JSON.stringify(missing)}, stored unacknowledged ${JSON.stringify(stray)}`);
      else if (stored.join() !== keys.join() || events.some((e, i) => e.seq !== i + 1)) problems.push(`case ${id}: events out of order`);
      const row = await tx.getCase(id);
      if (row?.version !== events.length + 1) problems.push(`case ${id}: version ${row?.version} with ${events.length} events`);
    }
  });
  const audit = await verifyAudit(store);
  if (!audit.ok) problems.push(`audit chain: ${JSON.stringify(audit)}`);
  const expected = [...run.acked.values()].reduce((sum, keys) => sum + keys.length, 0);
  if (run.errors === 0 && expected !== run.acked.size * ACCEPTED) problems.push(`acknowledged ${expected} writes, expected ${run.acked.size * ACCEPTED}`);
  return { lost, problems: problems.slice(0, 5), auditEntries: audit.ok ? audit.entries : 0, auditOk: audit.ok };
}
