import { findKind } from '../../../machines/catalogue.ts';
import type { VocabularyEvent } from '../../../src/domain/events.ts';
import type { CaseEngine } from '../../../src/runtime/createCaseEngine.ts';

/**
 * The crash test's workload: a fixed list of cases, each opened once and sent a fixed list of
 * dated events, every send with an idempotency key made of its case and index. Run on `today`,
 * it sends the events dated on or before `today`, so the same stream run in January and again in
 * June is two phases with an outage between them, and a rerun resumes where a killed one stopped.
 */

/** The first phase: every case opened and its January events sent; no deadline is due yet. */
export const JANUARY = '2026-01-20';
/** The second phase, after an outage past the January deadlines: they fire, then June's events. */
export const JUNE = '2026-06-02';

interface Dated {
  on: string;
  event: VocabularyEvent;
}
interface StreamCase {
  id: string;
  request: unknown;
  events: readonly Dated[];
}

const inputOf = (kind: string): Record<string, unknown> => {
  const input = findKind(kind)?.inputs[0]?.input;
  if (!input) throw new Error(`no request for ${kind}`);
  return input as Record<string, unknown>;
};

const REVIEWED: VocabularyEvent = { type: 'review.completed', finding: 'sufficient' };
const DISCLOSED: VocabularyEvent = { type: 'data.disclosed', categories: ['basicSubscriberInfo'] };
/** What an NSL may disclose: subscriber identity and toll billing records, not all of BSI. */
const NSL_DISCLOSED: VocabularyEvent = { type: 'data.disclosed', categories: ['subscriberIdentity', 'tollBillingRecords'] };

/** A 90-day gag (deadline 2026-04-16, then the delayed notice's 2026-04-23), disclosure, and in June the notice. */
const SUBPOENA: readonly Dated[] = [
  { on: '2026-01-15', event: REVIEWED },
  { on: '2026-01-16', event: { type: 'secrecy.imposed', days: 90 } },
  { on: '2026-01-17', event: DISCLOSED },
  { on: JUNE, event: { type: 'notice.sent' } },
];
/** Certified secrecy arms the challenge window at open (due 2026-02-14); June lifts it, arming a notice due 2026-06-09. */
const NSL: readonly Dated[] = [
  { on: '2026-01-16', event: REVIEWED },
  { on: JUNE, event: NSL_DISCLOSED },
  { on: JUNE, event: { type: 'secrecy.lifted', reason: 'lifted' } },
];

export const STREAM_CASES: readonly StreamCase[] = Array.from({ length: 8 }, (_, i) =>
  i % 2 === 0 ? { id: `subpoena-${i}`, request: inputOf('subpoena'), events: SUBPOENA } : { id: `nsl-${i}`, request: { ...inputOf('nationalSecurityLetter'), secrecyCertified: true }, events: NSL },
);

/** The idempotency keys the stream sends by `today`, in order. */
export const streamKeys = (today: string): string[] => STREAM_CASES.flatMap((c) => c.events.flatMap((e, i) => (e.on <= today ? [`${c.id}#${i}`] : [])));

/** How many lines a run on `today` prints when it is not killed. */
export const streamLines = (today: string): number => 2 + STREAM_CASES.length + streamKeys(today).length;

/**
 * Runs the stream on `today`, printing through `say`: `tick` before and `fired <n>` after the
 * start-up tick, `open <id>` once a case exists, and `ack <key> <result>` after each send resolves.
 * Ticks again after every send. Cases already in the store are not opened again.
 */
export async function runStream(engine: CaseEngine, today: string, say: (line: string) => void, batch: number): Promise<void> {
  say(`tick ${today}`);
  say(`fired ${await engine.tick(today, { batch })}`);
  const existing = new Set((await engine.list()).map((c) => c.id));
  for (const c of STREAM_CASES) {
    if (!existing.has(c.id)) await engine.open(c.request, { id: c.id });
    say(`open ${c.id}`);
    for (const [i, { on, event }] of c.events.entries()) {
      if (on > today) continue;
      const key = `${c.id}#${i}`;
      say(`ack ${key} ${JSON.stringify(await engine.send(c.id, event, { on, idempotencyKey: key }))}`);
      await engine.tick(today, { batch });
    }
  }
}
