import { REPORT_OUTCOMES } from './reportOutcome.ts';
import type { TransparencyReport } from './TransparencyReport.ts';

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['section', 'item', 'outcome', 'value', 'bandLow', 'bandHigh', 'note'] as const;

const quote = (field: string | number) => {
  const text = String(field);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A report as CSV (RFC 4180, header row `CSV_COLUMNS`): one `requests` row per counted kind and
 * outcome, `totals` rows (per outcome, then `accountsAffected`, `accountsWithDataDisclosed`),
 * `emergency` rows, one `nationalSecurity` row per band line (`value` as printed, `bandLow` and
 * `bandHigh` for a band, `note` why a line is not reportable), `excluded` rows per kind and
 * outcome tag, and one `restated` row per restated figure (`value` now, `note` what it was).
 *
 * @example
 * renderCsv(report).split('\n')[1] // 'requests,subpoena,disclosedInFull,1,,,'
 */
export function renderCsv(report: TransparencyReport): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  const add = (section: string, item: string, outcome: string, value: string | number, low: string | number = '', high: string | number = '', note = '') => rows.push([section, item, outcome, value, low, high, note]);
  for (const r of report.requests) for (const o of REPORT_OUTCOMES) add('requests', r.kind, o, r.outcomes[o]);
  for (const o of REPORT_OUTCOMES) add('totals', 'all', o, report.totals.outcomes[o]);
  add('totals', 'accountsAffected', '', report.totals.accountsAffected);
  add('totals', 'accountsWithDataDisclosed', '', report.totals.accountsWithDataDisclosed);
  for (const [key, value] of Object.entries(report.emergency)) add('emergency', key, '', value);
  for (const line of report.nationalSecurity.lines) {
    const v = line.value;
    add('nationalSecurity', line.id, '', line.text, v.status === 'band' ? v.low : '', v.status === 'band' ? v.high : '', 'reason' in v ? v.reason : '');
  }
  for (const e of report.excluded) for (const [tag, n] of Object.entries(e.outcomes)) add('excluded', e.kind, tag, n);
  for (const r of report.restated.lines) add('restated', r.line, '', r.now, '', '', `was ${r.was}${r.note ? `; ${r.note}` : ''}`);
  return rows.map((r) => r.map(quote).join(',')).join('\n');
}
