import { findKind } from '../../../machines/catalogue.ts';
import type { VocabularyEvent } from '../../../src/domain/events.ts';
import type { CaseEngine } from '../../../src/runtime/createCaseEngine.ts';

/**
 * The two-worker test's workload. The test opens the cases in January, each with deadlines that
 * fall due before `RACE_DAY`; then two workers, on one database, each tick `RACE_DAY` while
 * sending every case the same event under the same idempotency key, one in id order and one in
 * reverse, so both the deadlines and the sends are contended.
 */

export const SETUP_DAY = '2026-01-20';
/** After every setup deadline (2026-02-14, 2026-04-16, 2026-04-23); none is due on the day itself. */
export const RACE_DAY = '2026-06-02';
export const RACE_CASES = 40;

const inputOf = (kind: string): Record<string, unknown> => {
  const input = findKind(kind)?.inputs[0]?.input;
  if (!input) throw new Error(`no request for ${kind}`);
  return input as Record<string, unknown>;
};

const DISCLOSED: VocabularyEvent = { type: 'data.disclosed', categories: ['basicSubscriberInfo'] };
/** What an NSL may disclose: subscriber identity and toll billing records, not all of BSI. */
const NSL_DISCLOSED: VocabularyEvent = { type: 'data.disclosed', categories: ['subscriberIdentity', 'tollBillingRecords'] };

/** Opens the cases: even ones reviewed national security letters (certified secrecy), odd ones gagged, disclosed subpoenas. */
export async function openRaceCases(engine: CaseEngine): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < RACE_CASES; i++) {
    const id = `case-${String(i).padStart(2, '0')}`;
    if (i % 2 === 0) {
      await engine.open({ ...inputOf('nationalSecurityLetter'), secrecyCertified: true }, { id });
      await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-01-16' });
    } else {
      await engine.open(inputOf('subpoena'), { id });
      await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-01-15' });
      await engine.send(id, { type: 'secrecy.imposed', days: 90 }, { on: '2026-01-16' });
      await engine.send(id, DISCLOSED, { on: '2026-01-17' });
    }
    ids.push(id);
  }
  return ids;
}

/** What each worker sends a case on `RACE_DAY`; either way the deadlines due before it fire first. */
export const raceEvent = (kind: string): VocabularyEvent => (kind === 'subpoena' ? { type: 'notice.sent' } : NSL_DISCLOSED);

export const raceKey = (caseId: string) => `race:${caseId}`;

/**
 * One worker's share: prints `ready`, waits for `go`, then at once ticks `RACE_DAY` (printing
 * `fired <n>` when the tick returns) and sends every case its event (printing `ack <key> <result>`).
 */
export async function runRace(engine: CaseEngine, opts: { batch: number; reverse: boolean }, say: (line: string) => void, go: () => Promise<void>): Promise<void> {
  const cases = [...(await engine.list())].sort((a, b) => a.id.localeCompare(b.id));
  if (opts.reverse) cases.reverse();
  say('ready');
  await go();
  const ticking = engine.tick(RACE_DAY, { batch: opts.batch }).then((n) => say(`fired ${n}`));
  for (const c of cases) {
    const key = raceKey(c.id);
    say(`ack ${key} ${JSON.stringify(await engine.send(c.id, raceEvent(c.kind), { on: RACE_DAY, idempotencyKey: key }))}`);
  }
  await ticking;
}
