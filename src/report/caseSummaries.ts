import { findKind } from '../../machines/catalogue.ts';
import { eventAsOf } from '../domain/eventAsOf.ts';
import type { DataCategory } from '../domain/categories.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { POLICIES } from '../policy/loadPolicy.ts';
import type { PolicyRegistry } from '../policy/policyRegistry.ts';
import { resolvePolicy } from '../policy/resolvePolicy.ts';
import { OUTCOME_TAGS, TAGS } from '../domain/tags.ts';
import { caseMachine } from '../runtime/caseMachine.ts';
import type { CaseRow, CaseStore, StoredSnapshot } from '../runtime/CaseStore.ts';
import { createCaseEngine } from '../runtime/createCaseEngine.ts';
import { advanceTo, sendEvent, startRun } from '../time/TimedRun.ts';
import type { CaseSummary } from './CaseSummary.ts';

/** A case's dated outside events, as `engine.get(id).history` lists them. */
export type CaseHistory = readonly { seq: number; on: string; event: VocabularyEvent }[];

interface StoredRequest {
  account: string;
  categories?: DataCategory[];
}

/**
 * One stored case as it stood at the end of `asOf`, exactly: its machine (the kind's, under the
 * policy version in force on day 0, as the engine builds it) is replayed on the whole-day clock
 * from its request through every event dated on or before `asOf`, then deadlines due by the end
 * of `asOf` fire (as `tick(asOf)` would). Gags, the outcome and disclosures are read off the
 * replayed steps with their dates. The case must have been received by `asOf`. A case under a
 * policy of the provider's own needs `policies` (an engine's `policies`) to hold it.
 *
 * @example
 * const { history } = await engine.get(row.id);
 * summarizeCase(row, history, '2026-12-31').secrecy // [{ from: '2026-01-15', endedOn: '2026-09-01' }]
 */
export function summarizeCase(row: CaseRow, history: CaseHistory, asOf: string, policies: PolicyRegistry = POLICIES): CaseSummary {
  const entry = findKind(row.kind);
  if (!entry) throw new InputError('unknownKind', 'case.kind', row.kind, `is not in the catalogue (case ${row.id})`, 'restore the kind to the catalogue');
  const request = (JSON.parse(row.snapshot) as StoredSnapshot).context as { request: StoredRequest };
  const day0 = dayNumber(row.day0);
  let run = startRun(caseMachine(entry, resolvePolicy(row.policy, 'case.policy', policies), row.day0), request.request, 0);
  for (const { on, event } of history) {
    if (on > asOf) break;
    const sent = sendEvent(run, dayNumber(on) - day0, eventAsOf(event, on));
    if (!sent.ok) throw new Error(`case ${row.id}: its history no longer replays on the ${row.kind} machine: ${sent.rejection.message}`);
    run = sent.run;
  }
  run = advanceTo(run, dayNumber(asOf) - day0, true);

  const secrecy: { from: string; endedOn: string | null }[] = [];
  const disclosures: { on: string; categories: DataCategory[] }[] = [];
  let outcome: CaseSummary['outcome'] = null;
  let gagFrom: string | null = null;
  for (const step of run.steps) {
    const on = isoDate(day0 + step.day);
    const gagged = step.snapshot.hasTag(TAGS.secrecy);
    if (gagged && gagFrom === null) gagFrom = on;
    if (!gagged && gagFrom !== null) {
      secrecy.push({ from: gagFrom, endedOn: on });
      gagFrom = null;
    }
    const tag = OUTCOME_TAGS.find((t) => step.snapshot.hasTag(t));
    if (outcome === null && tag) outcome = { tag, on };
    const event = step.trigger.kind === 'event' ? (step.trigger.event as VocabularyEvent) : null;
    if (event?.type === 'data.disclosed') disclosures.push({ on, categories: event.categories });
  }
  if (gagFrom !== null) secrecy.push({ from: gagFrom, endedOn: null });
  const { account, categories = [] } = request.request;
  return { id: row.id, kind: row.kind, receivedOn: row.day0, account, requested: categories, disclosures, outcome, secrecy };
}

/**
 * Summaries, as of the end of `asOf`, of the stored cases received from `from` to `to` (and by
 * `asOf`), optionally only those under one policy profile; oldest first. `policies` are the
 * provider's own profiles, as `createCaseEngine` takes them.
 *
 * @example
 * const summaries = await caseSummaries(sqliteStore('cases.db'), { asOf: '2027-01-15', from: '2026-01-01', to: '2026-06-30' });
 */
export async function caseSummaries(store: CaseStore, opts: { asOf: string; from?: string; to?: string; policy?: string; policies?: Readonly<Record<string, ProviderPolicy>> }): Promise<CaseSummary[]> {
  const engine = createCaseEngine({ store, ...(opts.policies === undefined ? {} : { policies: opts.policies }) });
  const { asOf, from = '0000-01-01', to = '9999-12-31', policy } = opts;
  const rows = (await engine.list()).filter((r) => r.day0 >= from && r.day0 <= to && r.day0 <= asOf && (policy === undefined || r.policy === policy));
  const summaries: CaseSummary[] = [];
  for (const row of rows) summaries.push(summarizeCase(row, (await engine.get(row.id)).history, asOf, engine.policies));
  return summaries;
}
