import type { DataCategory } from '../../src/domain/categories.ts';
import type { OutcomeTag } from '../../src/domain/tags.ts';
import type { CaseSummary } from '../../src/report/CaseSummary.ts';
import { parsePeriod } from '../../src/report/ReportPeriod.ts';

export const H1 = parsePeriod('2026H1');

let next = 0;

/** A hand-made case summary: a subpoena for basic subscriber information received on 2 Feb 2026, in process. */
export function summary(over: Partial<CaseSummary> = {}): CaseSummary {
  next += 1;
  return { id: `case-${next}`, kind: 'subpoena', receivedOn: '2026-02-02', account: `account-${next}`, requested: ['basicSubscriberInfo'], disclosures: [], outcome: null, secrecy: [], ...over };
}

/** A summary closed on `on` with `tag`, having disclosed `categories` that day (none by default). */
export function closed(tag: OutcomeTag, on: string, categories: DataCategory[] = [], over: Partial<CaseSummary> = {}): CaseSummary {
  return summary({ outcome: { tag, on }, disclosures: categories.length ? [{ on, categories }] : [], ...over });
}

/** An NSL gagged from receipt until `liftedOn` (never, by default). */
export function nsl(liftedOn: string | null = null, over: Partial<CaseSummary> = {}): CaseSummary {
  const receivedOn = over.receivedOn ?? '2026-03-01';
  return summary({ kind: 'nationalSecurityLetter', receivedOn, requested: ['subscriberIdentity', 'tollBillingRecords'], secrecy: [{ from: receivedOn, endedOn: liftedOn }], ...over });
}

/** A FISA order, gagged from receipt; a content order unless `categories` leave content out. */
export function fisa(categories: DataCategory[] = ['content'], over: Partial<CaseSummary> = {}): CaseSummary {
  const receivedOn = over.receivedOn ?? '2026-03-01';
  return summary({ kind: 'fisaOrder', receivedOn, requested: categories, secrecy: [{ from: receivedOn, endedOn: null }], ...over });
}
