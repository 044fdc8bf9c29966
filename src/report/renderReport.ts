import { InputError } from '../domain/InputError.ts';
import { renderCsv } from './renderCsv.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import type { TransparencyReport } from './TransparencyReport.ts';

/** The formats a report prints in. */
export const REPORT_FORMATS = ['md', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A format name checked; else an `InputError` naming `field`.
 *
 * @example
 * reportFormat('pdf', '--format') // throws InputError: --format: is not a report format (got "pdf"). Fix: use one of md, json, csv
 */
export function reportFormat(value: unknown, field = 'format'): ReportFormat {
  if ((REPORT_FORMATS as readonly unknown[]).includes(value)) return value as ReportFormat;
  throw new InputError('invalid', field, value, 'is not a report format', `use one of ${REPORT_FORMATS.join(', ')}`);
}

/**
 * A report in one format: Markdown tables, the JSON object (`TransparencyReport` documents its
 * fields) or CSV.
 *
 * @example
 * renderReport(report, 'json') // '{\n  "format": "dueprocess-transparency-report/1", …'
 */
export function renderReport(report: TransparencyReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'csv':
      return renderCsv(report);
  }
}
