import type { DataCategory } from '../../src/domain/categories.ts';
import type { EventOf, LiftReason, ReviewFinding, VocabularyEvent } from '../../src/domain/events.ts';
import type { ProviderPolicy } from '../../src/domain/policy.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { type Rejection, type TimedRun, sendEvent, startRun, stateLabel } from '../../src/time/TimedRun.ts';
import type { DemandSpec } from '../../machines/lifecycle/DemandSpec.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { administrativeSubpoenaEntry, administrativeSubpoenaSpec } from '../../machines/administrativeSubpoena.ts';
import { civilSubpoenaEntry, civilSubpoenaSpec } from '../../machines/civilSubpoena.ts';
import { cloudActAgreementEntry, cloudActAgreementSpec } from '../../machines/cloudActAgreement.ts';
import { euProductionOrderEntry, euProductionOrderSpec } from '../../machines/euProductionOrder.ts';
import { courtOrderEntry, courtOrderSpec } from '../../machines/courtOrder.ts';
import { dmcaSubpoenaEntry, dmcaSubpoenaSpec } from '../../machines/dmcaSubpoena.ts';
import { fisaOrderEntry, fisaOrderSpec } from '../../machines/fisaOrder.ts';
import { foreignDirectEntry, foreignDirectSpec } from '../../machines/foreignDirect.ts';
import { mlatEntry, mlatSpec } from '../../machines/mlat.ts';
import { nationalSecurityLetterEntry, nationalSecurityLetterSpec } from '../../machines/nationalSecurityLetter.ts';
import { penRegisterEntry, penRegisterSpec } from '../../machines/penRegister.ts';
import { searchWarrantEntry, searchWarrantSpec } from '../../machines/searchWarrant.ts';
import { subpoenaEntry, subpoenaSpec } from '../../machines/subpoena.ts';

/** One legal-demand kind built by `createDemandMachine`: its catalogue entry and the spec it came from. */
export interface DemandKind {
  kind: string;
  entry: KindEntry;
  spec: DemandSpec;
}

const kind = (entry: KindEntry, spec: DemandSpec): DemandKind => ({ kind: entry.kind, entry, spec });

/** The 13 kinds of legal demand, in catalogue order. */
export const DEMAND_KINDS: readonly DemandKind[] = [
  kind(subpoenaEntry, subpoenaSpec),
  kind(administrativeSubpoenaEntry, administrativeSubpoenaSpec),
  kind(courtOrderEntry, courtOrderSpec),
  kind(searchWarrantEntry, searchWarrantSpec),
  kind(penRegisterEntry, penRegisterSpec),
  kind(nationalSecurityLetterEntry, nationalSecurityLetterSpec),
  kind(fisaOrderEntry, fisaOrderSpec),
  kind(mlatEntry, mlatSpec),
  kind(foreignDirectEntry, foreignDirectSpec),
  kind(cloudActAgreementEntry, cloudActAgreementSpec),
  kind(euProductionOrderEntry, euProductionOrderSpec),
  kind(civilSubpoenaEntry, civilSubpoenaSpec),
  kind(dmcaSubpoenaEntry, dmcaSubpoenaSpec),
];

export const US_TARGET = { usPerson: true, residesInUS: true, residenceCountry: 'US' } as const;
export const UK_TARGET = { usPerson: false, residesInUS: false, residenceCountry: 'GB' } as const;

/** What a kind needs beyond the common fields to be a valid request. */
const KIND_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> = {
  penRegister: { categories: ['realTimeNonContent'] },
  nationalSecurityLetter: { categories: ['subscriberIdentity', 'tollBillingRecords'] },
  mlat: { requester: { name: 'US District Court, on a request from the UK', country: 'US' }, usProcess: 'subpoena' },
  foreignDirect: { requester: { name: 'Bundeskriminalamt', country: 'DE' }, target: { usPerson: false, residesInUS: false, residenceCountry: 'DE' } },
  cloudActAgreement: { requester: { name: 'Home Office Investigatory Powers Unit', country: 'GB' }, target: UK_TARGET },
  euProductionOrder: { receivedOn: '2026-09-01', requester: { name: 'Staatsanwaltschaft Berlin', country: 'DE' }, target: { usPerson: false, residesInUS: false, residenceCountry: 'DE' } },
};

/** A plain (unparsed) request object of `kind`, valid unless `overrides` break it. */
export function rawRequest(kindName: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: kindName,
    receivedOn: '2026-03-02',
    account: 'customer-1001',
    requester: { name: 'US Attorney, N.D. Cal.', country: 'US' },
    target: US_TARGET,
    categories: ['basicSubscriberInfo'],
    ...KIND_DEFAULTS[kindName],
    ...overrides,
  };
}

/** A request parsed by the kind's own schema (defaults filled in); throws if the fixture is invalid. */
export function demandRequest(entry: KindEntry, overrides: Record<string, unknown> = {}): DemandRequest {
  const parsed = entry.requestSchema.safeParse(rawRequest(entry.kind, overrides));
  if (!parsed.success) throw new Error(`fixture request for ${entry.kind} is invalid: ${parsed.error.message}`);
  return parsed.data as DemandRequest;
}

const POLICIES = { cloudflare, letsencrypt } satisfies Record<string, ProviderPolicy>;
export type PolicyName = keyof typeof POLICIES;

/**
 * Starts a case on day 0. With `policy`, the machine runs under the version of that profile in
 * force on the request's `receivedOn`; without it, under the strictest defaults.
 */
export function startCase(entry: KindEntry, overrides: Record<string, unknown> = {}, policy?: PolicyName): TimedRun {
  const request = demandRequest(entry, overrides);
  const machine = policy ? withPolicy(entry.machine, policyVersionAt(POLICIES[policy], request.receivedOn)) : entry.machine;
  return startRun(machine, request, 0);
}

export type DayEvent = readonly [day: number, event: VocabularyEvent];

/** Applies `[day, event]` pairs in order; throws, naming the event and state, if one is rejected. */
export function play(run: TimedRun, events: readonly DayEvent[]): TimedRun {
  return events.reduce((current, [day, event]) => {
    const result = sendEvent(current, day, event);
    if (!result.ok) throw new Error(`day ${day}: "${event.type}" was rejected: ${result.rejection.message}`);
    return result.run;
  }, run);
}

/** The rejection of `event` on `day`; throws if the machine takes it instead. */
export function rejectionOf(run: TimedRun, day: number, event: VocabularyEvent): Rejection {
  const result = sendEvent(run, day, event);
  if (result.ok) throw new Error(`day ${day}: expected "${event.type}" to be rejected, but it was taken (now ${stateLabel(result.run.snapshot)})`);
  if (result.run !== run) throw new Error('a rejected event must leave the run unchanged');
  return result.rejection;
}

/** Timers that fired, as `[day, delay name]`, in firing order. */
export function firedTimers(run: TimedRun): [number, string][] {
  return run.steps.flatMap((s) => (s.trigger.kind === 'timer' ? [[s.day, s.trigger.delay] as [number, string]] : []));
}

/** Every step as `[day, what happened]`: `start`, the event type, or `timer <delay>`. */
export function stepLog(run: TimedRun): [number, string][] {
  return run.steps.map((s) => {
    const t = s.trigger;
    return [s.day, t.kind === 'start' ? 'start' : t.kind === 'event' ? t.event.type : `timer ${t.delay}`];
  });
}

/** Pending timers as `[delay name, due day]`, soonest first. */
export function pendingTimers(run: TimedRun): [string, number][] {
  return run.timers.map((t) => [t.delay, t.dueDay]);
}

/** Request overrides that put the case under a gag from receipt, however the kind's secrecy arises. */
export function gaggedOverrides(spec: DemandSpec): Record<string, unknown> {
  if (spec.secrecy.atReceipt === 'always') return {};
  if (spec.secrecy.atReceipt === 'ifCertified') return { secrecyCertified: true };
  return { secrecyOrder: {} };
}

/** The vocabulary events the demand machines take. */
export const ev = {
  review: (finding: ReviewFinding = 'sufficient'): EventOf<'review.completed'> => ({ type: 'review.completed', finding }),
  noticeSent: (): EventOf<'notice.sent'> => ({ type: 'notice.sent' }),
  waive: (reason: EventOf<'notice.waived'>['reason'] = 'futility'): EventOf<'notice.waived'> => ({ type: 'notice.waived', reason }),
  disclose: (...categories: DataCategory[]): EventOf<'data.disclosed'> => ({ type: 'data.disclosed', categories }),
  file: (route: string): EventOf<'challenge.filed'> => ({ type: 'challenge.filed', route }),
  governmentApplied: (route: string): EventOf<'challenge.governmentApplied'> => ({ type: 'challenge.governmentApplied', route }),
  decide: (route: string, outcome: EventOf<'challenge.decided'>['outcome'] = 'won'): EventOf<'challenge.decided'> => ({ type: 'challenge.decided', route, outcome }),
  impose: (days?: number): EventOf<'secrecy.imposed'> => (days === undefined ? { type: 'secrecy.imposed' } : { type: 'secrecy.imposed', days }),
  lift: (reason: LiftReason = 'lifted'): EventOf<'secrecy.lifted'> => ({ type: 'secrecy.lifted', reason }),
  refuse: (ground = 'not valid process'): EventOf<'request.refused'> => ({ type: 'request.refused', ground }),
  withdraw: (): EventOf<'request.withdrawn'> => ({ type: 'request.withdrawn' }),
  extendOrder: (): EventOf<'order.extended'> => ({ type: 'order.extended' }),
};
