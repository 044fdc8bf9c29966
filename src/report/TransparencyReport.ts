import type { NationalSecurityBands } from '../domain/policy.ts';
import type { NationalSecurityLine } from './nationalSecurityLines.ts';
import type { OutcomeCounts } from './reportOutcome.ts';
import type { ReportPeriod } from './ReportPeriod.ts';

/** The `format` field of every report; bumped when a field changes meaning or goes away. */
export const REPORT_FORMAT = 'dueprocess-transparency-report/1';

/** Requests of one counted kind received in the period, by outcome. */
export interface KindRow {
  kind: string;
  title: string;
  received: number;
  outcomes: OutcomeCounts;
}

/** A kind kept out of the totals, listed apart with why; outcomes by vocabulary tag, plus `inProcess`. */
export interface ExcludedRow {
  kind: string;
  title: string;
  reason: string;
  received: number;
  outcomes: Record<string, number>;
}

/** One published figure that differs from an earlier publication of the same period. */
export interface Restatement {
  /** The figure's stable id: `requests.subpoena.inProcess`, `totals.accountsAffected`, `nationalSecurity.nsl.letters`, … */
  line: string;
  was: string;
  now: string;
  /** The date of the publication `was` is from. */
  since: string;
  note?: string;
}

/**
 * A figure published in this report but not in the earlier publication compared with, because it
 * could not yet be published then (a line counting FISA process before 1874(b)'s 180 days had
 * passed): new, not restated.
 */
export interface FirstPublication {
  /** The figure's stable id, as in `Restatement`. */
  line: string;
  now: string;
  /** The first day the figure could be published. */
  reportableFrom: string;
  /** Why it could not be published on the earlier date. */
  reason: string;
}

/**
 * A transparency report for one period as of one date. The JSON form is this object as is; its
 * field names are stable within a `format`:
 *
 * - `period` `{ id, from, to, annual }`, `asOf` (the publication date, judged at its end),
 *   `periodEnded`, `policy` (the profile whose band structure applies, or null);
 * - `otherPolicies`: `cases`, how many cases received in the period (by `asOf`) the report leaves
 *   out because they were opened under another policy profile, and those `policies`; cases of
 *   national-security kinds are never counted there, so the count cannot reveal one;
 * - `requests`: one `KindRow` per counted kind, catalogue order, zero rows included;
 *   `outcomes` has `disclosedInFull`, `disclosedInPart`, `refused`, `noRecords`, `withdrawn`,
 *   `inProcess` (see `reportOutcome`);
 * - `totals`: the same summed, with `accountsAffected` (distinct accounts the counted requests
 *   name) and `accountsWithDataDisclosed`;
 * - `emergency`: `requests`, `accounts`, `producedData` (requests with any data disclosed);
 * - `nationalSecurity`: `structure`, `title`, `lines` (`{ id, title, value, text }`, only bands or
 *   numbers 1874 allows) and `notes`;
 * - `excluded`: kinds outside the totals (preservation, …), by outcome tag;
 * - `restated`: `since` (the earlier publication date given, or null when each figure is
 *   compared with its first publication), `lines` (`{ line, was, now, since, note? }`) and
 *   `firstPublished` (`{ line, now, reportableFrom, reason }`: lines that could not yet be
 *   published on `since`, so are new in this report rather than restated).
 *
 * National-security cases appear only in `nationalSecurity`: never in `requests`, `totals` or
 * `accountsAffected`.
 */
export interface TransparencyReport {
  format: typeof REPORT_FORMAT;
  period: ReportPeriod;
  asOf: string;
  periodEnded: boolean;
  policy: string | null;
  otherPolicies: { cases: number; policies: string[] };
  requests: KindRow[];
  totals: { received: number; outcomes: OutcomeCounts; accountsAffected: number; accountsWithDataDisclosed: number };
  emergency: { requests: number; accounts: number; producedData: number };
  nationalSecurity: { structure: NationalSecurityBands; title: string; lines: NationalSecurityLine[]; notes: string[] };
  excluded: ExcludedRow[];
  restated: { since: string | null; lines: Restatement[]; firstPublished: FirstPublication[] };
}
