// (1) Events applied per second, durably, through the case engine, against the same rows written
// with plain SQL: one transaction per event holding exactly the writes the engine made for it.
import { findKind } from '../machines/catalogue.ts';
import type { VocabularyEvent } from '../src/domain/events.ts';
import { createCaseEngine } from '../src/runtime/createCaseEngine.ts';
import { type BenchBackend, type BenchDb, recorded } from './runtimeStores.ts';
import { fmt, msSince, now, report } from './support/report.ts';

/** Cases opened; each then receives the whole of `STREAM`, the cases taking turns. */
export const EVENT_CASES = 150;

/**
 * A subpoena's life: review, a 90-day gag (arms the secrecy term), disclosure, a challenge to the
 * gag, won (cancels the term, arms the delayed-notice deadline), notice (cancels that).
 */
const STREAM: [on: string, event: VocabularyEvent][] = [
  ['2026-01-15', { type: 'review.completed', finding: 'sufficient' }],
  ['2026-01-16', { type: 'secrecy.imposed', days: 90 }],
  ['2026-01-17', { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }],
  ['2026-01-20', { type: 'challenge.filed', route: 'vacateNondisclosure' }],
  ['2026-02-20', { type: 'challenge.decided', route: 'vacateNondisclosure', outcome: 'won' }],
  ['2026-02-21', { type: 'notice.sent' }],
];

const TABLES = ['SELECT * FROM cases ORDER BY id', 'SELECT * FROM timers ORDER BY 1, 2', 'SELECT * FROM events ORDER BY 1, 2', 'SELECT * FROM audit ORDER BY seq'];

/** Every row of the four tables, for comparing two databases. */
export const allRows = async (db: BenchDb, queries = TABLES) => JSON.stringify(await Promise.all(queries.map((q) => db.rows(q))));

/** Returns false when an event is refused or the raw replay left other rows than the engine. */
export async function eventsPerSecond(backend: BenchBackend): Promise<boolean> {
  const entry = findKind('subpoena');
  if (!entry) throw new Error('catalogue has no subpoena');
  const request = entry.inputs[0]?.input;
  const ours = await backend.fresh();
  const raw = await backend.fresh();
  const rec = recorded(ours.store);
  // Today is the stream's last day: the engine refuses an event dated after its today.
  const engine = createCaseEngine({ store: rec.store, policy: 'cloudflare', clock: () => '2026-02-21' });
  let refused = 0;
  const send = async (id: string, [on, event]: (typeof STREAM)[number], i: number) => {
    const result = await engine.send(id, event, { on, idempotencyKey: `${id}/${i}` });
    if (!result.ok) {
      if (refused++ === 0) console.log(`  runtime ${backend.name}: ${event.type} on ${on} refused for ${id}: ${result.message}`);
    }
  };

  // Untimed: one warm-up case through the whole stream, then the cases opened.
  await engine.open(request, { id: 'warm-up' });
  for (const [i, dated] of STREAM.entries()) await send('warm-up', dated, i);
  const ids = Array.from({ length: EVENT_CASES }, (_, i) => `case-${String(i).padStart(5, '0')}`);
  for (const id of ids) await engine.open(request, { id });
  const before = rec.take();

  const start = now();
  for (const [i, dated] of STREAM.entries()) for (const id of ids) await send(id, dated, i);
  const oursMs = msSince(start);
  const applied = rec.take();

  await raw.replay(before);
  const rawStart = now();
  await raw.replay(applied);
  const rawMs = msSince(rawStart);

  const same = (await allRows(ours)) === (await allRows(raw));
  await ours.close();
  await raw.close();

  const events = ids.length * STREAM.length;
  const writes = applied.reduce((n, t) => n + t.length, 0);
  const ratio = oursMs / rawMs;
  const perSec = (ms: number) => (events / ms) * 1000;
  const ok = refused === 0 && applied.length === events && same;
  const verdict = ok ? 'same rows' : `DISAGREE: ${refused} refused, ${applied.length} transactions for ${events} events, rows ${same ? 'same' : 'differ'}`;
  report(
    `runtime ${backend.name} events: ${events} events (${ids.length} subpoenas × ${STREAM.length}, ${(writes / events).toFixed(1)} row writes each): engine ${perSec(oursMs).toFixed(0)} events/s (${fmt(oursMs)}) · raw SQL, same rows, one transaction per event ${perSec(rawMs).toFixed(0)} events/s (${fmt(rawMs)}) · overhead ${ratio.toFixed(2)}× (aim < 3×) · ${verdict}`,
    {
      bench: `runtime-events:${backend.name}`,
      events,
      row_writes: writes,
      ours_ms: oursMs,
      baseline_ms: rawMs,
      baseline: 'raw SQL replay of the rows the engine wrote, one transaction per event',
      ours_events_per_s: perSec(oursMs),
      baseline_events_per_s: perSec(rawMs),
      overhead: ratio,
      agree: ok,
    },
  );
  return ok;
}
