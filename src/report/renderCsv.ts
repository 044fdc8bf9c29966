import { REPORT_OUTCOMES } from './reportOutcome.ts';
import type { TransparencyReport } from './TransparencyReport.ts';

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['section', 'item', 'outcome', 'value', 'bandLow', 'bandHigh', 'note'] as const;

const quote = (field: string | number) => {
  const text = String(field);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A report as CSV (RFC 4180, header row `CSV_COLUMNS`), traceable on its own: `report` rows give
 * the context (`format`, `period` with its dates in `note`, `asOf`, `periodEnded`, `policy`,
 * `nationalSecurityStructure`, `restatedSince`, empty for first publication); an `otherPolicies`
 * row how many of the period's cases were left out as opened under other profiles; per counted
 * kind a `requests` row with `outcome` `received`, then one per outcome; `totals` rows likewise
 * (`all`), then `accountsAffected`, `accountsWithDataDisclosed`; `emergency` rows; one
 * `nationalSecurity` row per band line (`value` as printed, `bandLow` and `bandHigh` for a band,
 * `note` why a line is not reportable); `excluded` rows per kind (`received`, then per outcome
 * tag); one `restated` row per restated figure (`value` now, `note` what it was); and one
 * `firstPublished` row per line new since the publication compared with (`note` why it was not in it).
 *
 * @example
 * renderCsv(report).split('\n')[1] // 'report,format,,dueprocess-transparency-report/1,,,'
 */
export function renderCsv(report: TransparencyReport): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  const add = (section: string, item: string, outcome: string, value: string | number, low: string | number = '', high: string | number = '', note = '') => rows.push([section, item, outcome, value, low, high, note]);
  const { period, restated } = report;
  add('report', 'format', '', report.format);
  add('report', 'period', '', period.id, '', '', `${period.from} to ${period.to}`);
  add('report', 'asOf', '', report.asOf);
  add('report', 'periodEnded', '', String(report.periodEnded), '', '', report.periodEnded ? '' : 'period still running: figures are interim');
  add('report', 'policy', '', report.policy ?? '');
  add('report', 'nationalSecurityStructure', '', report.nationalSecurity.structure, '', '', report.nationalSecurity.title);
  add('report', 'restatedSince', '', restated.since ?? '', '', '', restated.since === null ? 'each figure compared with its first publication' : '');
  const others = report.otherPolicies;
  add('otherPolicies', 'cases', '', others.cases, '', '', others.cases === 0 ? '' : `opened under ${others.policies.join(', ')}; national-security process never counted here`);
  for (const r of report.requests) {
    add('requests', r.kind, 'received', r.received);
    for (const o of REPORT_OUTCOMES) add('requests', r.kind, o, r.outcomes[o]);
  }
  add('totals', 'all', 'received', report.totals.received);
  for (const o of REPORT_OUTCOMES) add('totals', 'all', o, report.totals.outcomes[o]);
  add('totals', 'accountsAffected', '', report.totals.accountsAffected);
  add('totals', 'accountsWithDataDisclosed', '', report.totals.accountsWithDataDisclosed);
  for (const [key, value] of Object.entries(report.emergency)) add('emergency', key, '', value);
  for (const line of report.nationalSecurity.lines) {
    const v = line.value;
    add('nationalSecurity', line.id, '', line.text, v.status === 'band' ? v.low : '', v.status === 'band' ? v.high : '', 'reason' in v ? v.reason : '');
  }
  for (const e of report.excluded) {
    add('excluded', e.kind, 'received', e.received);
    for (const [tag, n] of Object.entries(e.outcomes)) add('excluded', e.kind, tag, n);
  }
  for (const r of restated.lines) add('restated', r.line, '', r.now, '', '', `was ${r.was}${r.note ? `; ${r.note}` : ''}`);
  const then = restated.since ?? 'its first publication';
  for (const f of restated.firstPublished) add('firstPublished', f.line, '', f.now, '', '', `not yet reportable on ${then}: ${f.reason}; publishable from ${f.reportableFrom}`);
  return rows.map((r) => r.map(quote).join(',')).join('\n');
}
