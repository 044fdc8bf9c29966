import { type Figures, nationalSecurityFigure, publishedFigures } from './restatements.ts';
import type { FirstPublication } from './TransparencyReport.ts';

/**
 * The national-security lines a later report publishes that no earlier publication of the period
 * did, because none could yet (`notYetReportable` then: 1874(b)'s 180 days for a line counting
 * FISA process), with the day each became publishable and why it was not before; in the later
 * report's order. Such a line is new, not restated, so it never reads "as published".
 *
 * @example
 * firstPublications([{ on: '2025-07-01', report: asPublished }], asOfToday)
 * // [{ line: 'nationalSecurity.process', now: '1', reportableFrom: '2025-12-27', reason: 'FISA numbers wait …' }]
 */
export function firstPublications(baselines: readonly { on: string; report: Figures }[], later: Figures): FirstPublication[] {
  const published = baselines.map((b) => publishedFigures(b.report));
  const first: FirstPublication[] = [];
  for (const line of later.nationalSecurity.lines) {
    const id = nationalSecurityFigure(line.id);
    if ((line.value.status !== 'band' && line.value.status !== 'exact') || published.some((figures) => figures.has(id))) continue;
    const then = baselines.at(-1)?.report.nationalSecurity.lines.find((l) => l.id === line.id)?.value;
    if (then?.status === 'notYetReportable') first.push({ line: id, now: line.text, reportableFrom: then.reportableFrom, reason: then.reason });
  }
  return first;
}
