import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import { InputError } from '../domain/InputError.ts';
import type { NationalSecurityBands } from '../domain/policy.ts';
import { BAND_STRUCTURES } from './bandStructures.ts';
import { type CaseSummary, disclosedBy, outcomeBy } from './CaseSummary.ts';
import { firstPublications } from './firstPublications.ts';
import { FISA_DELAY_DAYS, type NationalSecurityCase, nationalSecurityLines } from './nationalSecurityLines.ts';
import { type OutcomeCounts, noOutcomes, reportOutcome } from './reportOutcome.ts';
import { type ReportPeriod, inPeriod, reportDate } from './ReportPeriod.ts';
import { reportScope } from './reportScope.ts';
import { restatements } from './restatements.ts';
import { type ExcludedRow, type KindRow, REPORT_FORMAT, type TransparencyReport } from './TransparencyReport.ts';

export interface ReportOptions {
  period: ReportPeriod;
  /** The publication date; every fact is taken as of its end. */
  asOf: string;
  /**
   * The day an earlier report of the period was published, to list restatements against: from the
   * period's last day to `asOf`. Default: each figure's first publication.
   */
  since?: string;
  structure: NationalSecurityBands;
  /** The policy profile's id, shown in the report. */
  policy?: string;
  /** Cases of the period the caller left out of `cases` as opened under other profiles (national-security kinds not counted). */
  otherPolicies?: { cases: number; policies: string[] };
  /** Option names for error messages, e.g. `{ asOf: '--as-of', since: '--published' }`. */
  names?: { asOf?: string; since?: string };
}

const title = (kind: string) => findKind(kind)?.title ?? kind;

/** The report's figures as of the end of `date`, from the cases received in the period by then. */
function figuresAt(cases: readonly CaseSummary[], period: ReportPeriod, date: string, structure: NationalSecurityBands) {
  const known = cases.filter((c) => inPeriod(period, c.receivedOn) && c.receivedOn <= date);
  const counted = known.filter((c) => reportScope(c.kind).as === 'counted');
  const rows = new Map<string, KindRow>();
  for (const entry of CATALOGUE) if (reportScope(entry.kind).as === 'counted') rows.set(entry.kind, { kind: entry.kind, title: entry.title, received: 0, outcomes: noOutcomes() });
  const totals: OutcomeCounts = noOutcomes();
  // Catalogue kinds first, in catalogue order; a user's own kinds after them, by name.
  for (const c of [...counted].sort((a, b) => a.kind.localeCompare(b.kind))) {
    const row = rows.get(c.kind) ?? { kind: c.kind, title: title(c.kind), received: 0, outcomes: noOutcomes() };
    rows.set(c.kind, row);
    const outcome = reportOutcome(c, date);
    row.received += 1;
    row.outcomes[outcome] += 1;
    totals[outcome] += 1;
  }
  const accounts = (cs: readonly CaseSummary[]) => new Set(cs.map((c) => c.account)).size;
  const producedData = (c: CaseSummary) => disclosedBy(c, date).length > 0;
  const emergencies = counted.filter((c) => {
    const scope = reportScope(c.kind);
    return scope.as === 'counted' && scope.emergency === true;
  });
  const nsCases: NationalSecurityCase[] = known.flatMap((summary) => {
    const scope = reportScope(summary.kind);
    return scope.as === 'nationalSecurity' ? [{ summary, process: scope.process }] : [];
  });
  return {
    requests: [...rows.values()],
    totals: { received: counted.length, outcomes: totals, accountsAffected: accounts(counted), accountsWithDataDisclosed: accounts(counted.filter(producedData)) },
    emergency: { requests: emergencies.length, accounts: accounts(emergencies), producedData: emergencies.filter(producedData).length },
    nationalSecurity: { structure, title: BAND_STRUCTURES[structure].title, lines: nationalSecurityLines(nsCases, { structure, period, date }), notes: NOTES },
    excluded: excludedRows(known, date),
  };
}

function excludedRows(known: readonly CaseSummary[], date: string): ExcludedRow[] {
  const rows = new Map<string, ExcludedRow>();
  for (const entry of CATALOGUE) {
    const scope = reportScope(entry.kind);
    if (scope.as === 'excluded') rows.set(entry.kind, { kind: entry.kind, title: entry.title, reason: scope.reason, received: 0, outcomes: {} });
  }
  for (const c of known) {
    const scope = reportScope(c.kind);
    if (scope.as !== 'excluded') continue;
    const row = rows.get(c.kind) ?? { kind: c.kind, title: title(c.kind), reason: scope.reason, received: 0, outcomes: {} };
    rows.set(c.kind, row);
    const tag = outcomeBy(c, date) ?? 'inProcess';
    row.received += 1;
    row.outcomes[tag] = (row.outcomes[tag] ?? 0) + 1;
  }
  return [...rows.values()].map((r) => ({ ...r, outcomes: Object.fromEntries(Object.entries(r.outcomes).sort(([a], [b]) => a.localeCompare(b))) }));
}

const NOTES = [
  'Counts of national-security process appear only in the bands 50 U.S.C. 1874 allows; a band’s lower bound rises to the cases whose gags have lifted, and a line is exact only when no counted case is gagged (DOMAIN §6).',
  'FISA numbers are published only for a period that ended at least 180 days before (1874(b)); FISA non-content selectors are not broken down by subchapter.',
];

/**
 * A transparency report for `period` as of the end of `asOf`, a pure function of case summaries.
 * Semantics (DOMAIN §6 unless said):
 *
 * - A case counts in the period holding its `receivedOn` and only once it was received by `asOf`.
 * - Counted kinds are reported by kind and outcome (`reportOutcome`, as of `asOf`), with distinct
 *   accounts named (`accountsAffected`) and those whose data went out.
 * - Emergency requests (§5: Google, Microsoft) are counted by kind and summed apart: requests,
 *   distinct accounts, and how many produced data by `asOf`.
 * - NSLs and FISA orders appear only in the bands of the policy's 1874 structure
 *   (`nationalSecurityLines`), gags judged as of `asOf`.
 * - Preservation requests (§1 row 5, §6 Google), abuse complaints and data-subject requests are
 *   left out of the totals and listed apart (`REPORT_SCOPES`).
 * - `restated` lists every figure that differs from the same report as of `since`, the
 *   "retroactive revision" of §6, and apart, as `firstPublished`, the lines that could not yet be
 *   published on `since` (FISA's 180 days). Without `since`, each figure is compared with its
 *   first publication: the period's last day, or for lines counting FISA process the day they
 *   became reportable, 180 days later (1874(b)), when `asOf` has reached it.
 *
 * `asOf` before the period starts, or `since` before the period's last day (no report of it
 * could be published yet) or after `asOf`, is an `InputError`.
 *
 * @example
 * const report = buildTransparencyReport(summaries, { period: parsePeriod('2026H1'), asOf: '2027-01-15', structure: 'bands250' });
 * report.totals.outcomes.disclosedInFull // 4
 * report.nationalSecurity.lines[0]?.text // '1-249'
 */
export function buildTransparencyReport(cases: readonly CaseSummary[], options: ReportOptions): TransparencyReport {
  const { period, structure } = options;
  const names = { asOf: options.names?.asOf ?? 'asOf', since: options.names?.since ?? 'since' };
  const asOf = reportDate(options.asOf, names.asOf);
  if (asOf < period.from) throw new InputError('invalid', names.asOf, asOf, `is before period ${period.id} starts`, `give a date on or after ${period.from}`);
  const given = options.since === undefined ? undefined : publicationDate(options.since, period, asOf, names.since);
  const now = figuresAt(cases, period, asOf, structure);
  const firstPublicationDays = [period.to, isoDate(dayNumber(period.to) + FISA_DELAY_DAYS)];
  const baselines = (given === undefined ? firstPublicationDays : [given]).filter((d) => d <= asOf).map((on) => ({ on, report: figuresAt(cases, period, on, structure) }));
  const restated = { since: given ?? null, lines: restatements(baselines, now), firstPublished: firstPublications(baselines, now) };
  const otherPolicies = options.otherPolicies ?? { cases: 0, policies: [] };
  return { format: REPORT_FORMAT, period, asOf, periodEnded: asOf >= period.to, policy: options.policy ?? null, otherPolicies, ...now, restated };
}

/**
 * A `since` date checked: a day a report of the period could have been published (from its last
 * day, when its figures are first taken) and not after the report date.
 */
function publicationDate(value: string, period: ReportPeriod, asOf: string, field: string): string {
  const on = reportDate(value, field);
  const fix =
    asOf >= period.to
      ? `give the day the period’s report was published, from ${period.to} (the period’s last day, the earliest) to ${asOf} (the report date), or leave ${field} out to compare each figure with its first publication`
      : `leave ${field} out: as of ${asOf} the period has not ended, so no report of it was published yet`;
  if (on < period.to) throw new InputError('invalid', field, on, `is before period ${period.id} ended (its last day is ${period.to}): no report of the period could have been published then`, fix);
  if (on > asOf) throw new InputError('invalid', field, on, `is after the report date (${asOf})`, fix);
  return on;
}
