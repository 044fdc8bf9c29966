import { REPORT_OUTCOMES, type ReportOutcome } from './reportOutcome.ts';
import type { TransparencyReport } from './TransparencyReport.ts';

/** Column headings of the outcomes, in `REPORT_OUTCOMES` order. */
export const OUTCOME_TITLES: Record<ReportOutcome, string> = {
  disclosedInFull: 'Disclosed in full',
  disclosedInPart: 'Disclosed in part',
  refused: 'Refused',
  noRecords: 'No records',
  withdrawn: 'Withdrawn',
  inProcess: 'In process',
};

const cell = (text: string | number) => String(text).replaceAll('|', '\\|');
const row = (cells: readonly (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;
const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((100 * part) / whole)}%)`);

/**
 * A report as Markdown: how many of the period's cases were left out as opened under other
 * policy profiles (when any were), a table of requests by kind and outcome with totals, the
 * emergency figures, the national-security band lines, the kinds kept out of the totals, and
 * what was restated or is published for the first time.
 *
 * @example
 * console.log(renderMarkdown(report)); // # Transparency report 2026H1 (2026-01-01 to 2026-06-30) …
 */
export function renderMarkdown(report: TransparencyReport): string {
  const { period, totals, emergency, nationalSecurity, restated } = report;
  const out = [
    `# Transparency report ${period.id} (${period.from} to ${period.to})`,
    '',
    `As of ${report.asOf} · policy ${report.policy ?? 'not named'} · ${report.periodEnded ? 'period ended' : 'period still running: figures are interim'}`,
    '',
    ...leftOut(report),
    '## Requests by kind and outcome',
    '',
    row(['Kind', 'Received', ...REPORT_OUTCOMES.map((o) => OUTCOME_TITLES[o])]),
    `|---|${REPORT_OUTCOMES.map(() => '---:').join('|')}|---:|`,
    ...report.requests.map((r) => row([r.title, r.received, ...REPORT_OUTCOMES.map((o) => r.outcomes[o])])),
    row(['**Total**', totals.received, ...REPORT_OUTCOMES.map((o) => totals.outcomes[o])]),
    '',
    `Accounts affected: ${totals.accountsAffected} · accounts with data disclosed: ${totals.accountsWithDataDisclosed}`,
    '',
    '## Emergency requests',
    '',
    `Requests: ${emergency.requests} · accounts: ${emergency.accounts} · produced data: ${emergency.producedData}${percent(emergency.producedData, emergency.requests)}`,
    '',
    '## National-security process',
    '',
    `Reported ${nationalSecurity.title}.`,
    '',
    row(['Line', 'Reported']),
    '|---|---|',
    ...nationalSecurity.lines.map((l) => row([l.title, l.value.status === 'notInThisReport' || l.value.status === 'notYetReportable' ? `${l.text}: ${l.value.reason}` : l.text])),
    '',
    ...nationalSecurity.notes.map((n) => `- ${n}`),
    '',
    '## Not counted in the totals',
    '',
    row(['Kind', 'Received', 'Outcomes', 'Why']),
    '|---|---:|---|---|',
    ...report.excluded.map((e) => row([e.title, e.received, Object.entries(e.outcomes).map(([tag, n]) => `${tag} ${n}`).join(', ') || '—', e.reason])),
    '',
    restated.since === null ? '## Restated since first publication' : `## Restated since ${restated.since}`,
    '',
  ];
  const baseline = restated.since === null ? 'first published (on the period’s last day; FISA lines 180 days later)' : `published on ${restated.since}`;
  if (!report.periodEnded && restated.since === null) out.push('Nothing to compare with: the period has not ended.');
  else if (restated.lines.length === 0) out.push(restated.firstPublished.length === 0 ? `Nothing restated: every figure is as ${baseline}.` : `Nothing restated: every figure ${baseline} is unchanged.`);
  else out.push(row(['Figure', 'Was', 'Now', 'Published', 'Note']), '|---|---|---|---|---|', ...restated.lines.map((r) => row([r.line, r.was, r.now, r.since, r.note ?? ''])));
  if (restated.firstPublished.length > 0) {
    out.push('', 'First published in this report, not yet publishable then:', '', row(['Figure', 'Now', 'Publishable from', 'Why not before']), '|---|---|---|---|');
    out.push(...restated.firstPublished.map((f) => row([f.line, f.now, f.reportableFrom, f.reason])));
  }
  return out.join('\n');
}

/** The line saying how many of the period's cases were left out as opened under other profiles; none when none were. */
function leftOut({ otherPolicies }: TransparencyReport): string[] {
  if (otherPolicies.cases === 0) return [];
  const cases = otherPolicies.cases === 1 ? '1 case' : `${otherPolicies.cases} cases`;
  const profiles = otherPolicies.policies.length === 1 ? 'that profile' : 'each of those profiles';
  return [`Left out: ${cases} received in the period, opened under another policy profile (${otherPolicies.policies.join(', ')}); report them with ${profiles}. National-security process is never counted here.`, ''];
}
