import type { DataCategory } from '../domain/categories.ts';
import type { OutcomeTag } from '../domain/tags.ts';

/**
 * What a transparency report needs of one case, as plain dated facts, so the report is a pure
 * function of these (`buildTransparencyReport`) and can be judged as of any date up to the one the
 * summary was built for (`caseSummaries` builds them from a case store).
 *
 * Dates are whole days. A gag is in force at the end of day D when `from <= D` and it has not
 * ended by then (`endedOn` null or after D): a lift dated D, or a gag term whose deadline passes
 * at the end of D, frees the case as of D, as the engine's `tick(D)` fires deadlines due on D.
 */
export interface CaseSummary {
  id: string;
  kind: string;
  /** Day 0 of the case; the case belongs to the period holding it. */
  receivedOn: string;
  /** The account the request names (`request.account`): a customer selector, in 1874's words. */
  account: string;
  /** The categories the request asked for; empty when the kind names none. */
  requested: readonly DataCategory[];
  /** Every accepted disclosure, by date. */
  disclosures: readonly { on: string; categories: readonly DataCategory[] }[];
  /** The outcome tag the case reached and the day it did; null while it has none. */
  outcome: { tag: OutcomeTag; on: string } | null;
  /** Each stretch of time a nondisclosure obligation covered the case, oldest first. */
  secrecy: readonly { from: string; endedOn: string | null }[];
}

/**
 * Whether a gag covered the case at the end of `date`.
 *
 * @example
 * gaggedOn({ ...summary, secrecy: [{ from: '2026-03-01', endedOn: '2026-09-01' }] }, '2026-08-31') // true
 * gaggedOn({ ...summary, secrecy: [{ from: '2026-03-01', endedOn: '2026-09-01' }] }, '2026-09-01') // false
 */
export function gaggedOn(summary: CaseSummary, date: string): boolean {
  return summary.secrecy.some((s) => s.from <= date && (s.endedOn === null || s.endedOn > date));
}

/**
 * The categories disclosed on or before `date`, each once.
 *
 * @example
 * disclosedBy({ ...summary, disclosures: [{ on: '2026-03-01', categories: ['content'] }] }, '2026-02-28') // []
 */
export function disclosedBy(summary: CaseSummary, date: string): DataCategory[] {
  return [...new Set(summary.disclosures.filter((d) => d.on <= date).flatMap((d) => d.categories))];
}

/**
 * The outcome tag reached on or before `date`, or null.
 *
 * @example
 * outcomeBy({ ...summary, outcome: { tag: 'refused', on: '2026-03-01' } }, '2026-03-01') // 'refused'
 */
export function outcomeBy(summary: CaseSummary, date: string): OutcomeTag | null {
  return summary.outcome && summary.outcome.on <= date ? summary.outcome.tag : null;
}
