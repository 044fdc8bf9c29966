import { withinCategories } from '../domain/categories.ts';
import type { OutcomeTag } from '../domain/tags.ts';
import { type CaseSummary, disclosedBy, outcomeBy } from './CaseSummary.ts';

/** The outcomes a report counts requests by, in the order it prints them. */
export const REPORT_OUTCOMES = ['disclosedInFull', 'disclosedInPart', 'refused', 'noRecords', 'withdrawn', 'inProcess'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** Counts per outcome, every outcome present. */
export type OutcomeCounts = Record<ReportOutcome, number>;

/**
 * A zero count for every outcome.
 *
 * @example
 * noOutcomes().inProcess // 0
 */
export const noOutcomes = (): OutcomeCounts => ({ disclosedInFull: 0, disclosedInPart: 0, refused: 0, noRecords: 0, withdrawn: 0, inProcess: 0 });

/**
 * The outcome a closed case without any disclosure counts as, per vocabulary outcome tag. An
 * order that ran its term unused (`expired`) produced nothing, like Microsoft's "no data found"
 * (DOMAIN §6); the tags only excluded kinds reach (`forwarded`, `released`, `handedToProcess`,
 * `fulfilled`) count the same way should a user's own counted kind end on one.
 */
const WITHOUT_DISCLOSURE: Record<OutcomeTag, ReportOutcome> = {
  disclosed: 'noRecords',
  refused: 'refused',
  withdrawn: 'withdrawn',
  noRecords: 'noRecords',
  expired: 'noRecords',
  forwarded: 'noRecords',
  released: 'noRecords',
  handedToProcess: 'noRecords',
  fulfilled: 'noRecords',
};

/**
 * A request's outcome at the end of `date`. No outcome tag yet: `inProcess`, even while an order
 * in effect is producing data. Closed with data disclosed, whatever the tag (a pen register
 * withdrawn mid-term still produced data): `disclosedInFull` when every requested category went
 * out (itself or a category it is part of), else `disclosedInPart` (DOMAIN §6, Microsoft's
 * content / non-content / rejected / no data found split; Cloudflare's "answered"). Closed
 * without data: per `WITHOUT_DISCLOSURE`.
 *
 * @example
 * reportOutcome({ ...summary, requested: ['content'], disclosures: [], outcome: { tag: 'refused', on: '2026-02-01' } }, '2026-06-30') // 'refused'
 */
export function reportOutcome(summary: CaseSummary, date: string): ReportOutcome {
  const tag = outcomeBy(summary, date);
  if (tag === null) return 'inProcess';
  const disclosed = disclosedBy(summary, date);
  if (disclosed.length === 0) return WITHOUT_DISCLOSURE[tag];
  return withinCategories(summary.requested, disclosed) ? 'disclosedInFull' : 'disclosedInPart';
}
