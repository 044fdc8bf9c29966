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
 * A report as Markdown: a table of requests by kind and outcome with totals, the emergency
 * figures, the national-security band lines, the kinds kept out of the totals, and what was
 * restated.
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
  else if (restated.lines.length === 0) out.push(`Nothing restated: every figure is as ${baseline}.`);
  else out.push(row(['Figure', 'Was', 'Now', 'Published', 'Note']), '|---|---|---|---|---|', ...restated.lines.map((r) => row([r.line, r.was, r.now, r.since, r.note ?? ''])));
  return out.join('\n');
}
