import { afterEach } from 'vitest';
import { findKind } from '../../../machines/catalogue.ts';
import { dayNumber } from '../../../src/domain/date.ts';
import type { VocabularyEvent } from '../../../src/domain/events.ts';
import type { ProviderPolicy } from '../../../src/domain/policy.ts';
import { cloudflare } from '../../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../../src/policy/withPolicy.ts';
import type { CaseStore } from '../../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../../src/runtime/createCaseEngine.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../../src/time/TimedRun.ts';
/** A store under test, with raw SQL access to it (for tampering and byte-level comparison). */
export interface StoreHarness {
  store: CaseStore;
  rows(sql: string): Promise<unknown[]>;
  exec(sql: string): Promise<void>;
  /** Drops the triggers that keep the audit log append-only, as someone with the database's keys could. */
  dropAuditGuard(): Promise<void>;
  /** Closes the store and opens it again, for stores that outlive their process. */
  reopen?: () => Promise<StoreHarness>;
}

/** The engines' today in these tests: after every date they send, tick or open a case on. */
export const TODAY = '2027-12-31';

export const request = (kind: string) => ({
  kind,
  receivedOn: '2026-01-15',
  account: 'account-1',
  requester: { name: 'requester', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
});

export type Dated = [on: string, event: VocabularyEvent];
export const REVIEWED: VocabularyEvent = { type: 'review.completed', finding: 'sufficient' };
export const GAGGED: VocabularyEvent = { type: 'secrecy.imposed', days: 90 };
export const SUBPOENA: Dated[] = [
  ['2026-01-15', REVIEWED],
  ['2026-01-16', GAGGED],
  ['2026-01-17', { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }],
];

/** A provider's own policy: Cloudflare's, with delayed notice due in 21 days instead of 7. */
export const ACME: ProviderPolicy = {
  ...cloudflare,
  id: 'acme',
  name: 'Acme',
  versions: cloudflare.versions.map((v) => ({ ...v, notice: { ...v.notice, delayedNoticeWithin: 'P21D' } })),
};

/** The same case driven directly through TimedRun, for comparison. */
export function reference(kind: string, events: Dated[], endOn?: string, policy: ProviderPolicy = cloudflare): TimedRun {
  const entry = findKind(kind);
  if (!entry) throw new Error(`no kind ${kind}`);
  const day0 = dayNumber('2026-01-15');
  let run = startRun(withPolicy(entry.machine, policyVersionAt(policy, '2026-01-15')), entry.requestSchema.parse(request(kind)), 0);
  for (const [on, event] of events) {
    const result = sendEvent(run, dayNumber(on) - day0, event);
    if (!result.ok) throw new Error(result.rejection.message);
    run = result.run;
  }
  return endOn ? advanceTo(run, dayNumber(endOn) - day0, true) : run;
}

export const TABLES = ['cases', 'timers', 'events', 'open_keys', 'audit'];

/** One contract test's store and engine: `engineOn()` opens a fresh store; it is closed after each test. */
export interface ContractFixture {
  /** The store under test; a test that restarts it puts the reopened harness here. */
  harness: StoreHarness;
  engineOn(): Promise<ReturnType<typeof createCaseEngine>>;
  /** Every row of every table, for byte-level before/after comparison. */
  snapshotRows(): Promise<unknown[][]>;
}

/**
 * The set-up every contract `describe` shares; call it inside the `describe`.
 *
 * @example
 * const f = contractFixture(makeStore);
 * const engine = await f.engineOn();
 */
export function contractFixture(makeStore: () => Promise<StoreHarness>): ContractFixture {
  const fixture: ContractFixture = {
    harness: undefined as unknown as StoreHarness,
    async engineOn() {
      fixture.harness = await makeStore();
      return createCaseEngine({ store: fixture.harness.store, policy: 'cloudflare', clock: () => TODAY });
    },
    snapshotRows: () => Promise.all(TABLES.map((t) => fixture.harness.rows(`SELECT * FROM ${t} ORDER BY 1, 2`))),
  };
  afterEach(async () => fixture.harness.store.close());
  return fixture;
}
