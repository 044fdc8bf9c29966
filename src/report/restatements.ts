import { REPORT_OUTCOMES } from './reportOutcome.ts';
import type { Restatement, TransparencyReport } from './TransparencyReport.ts';

/** The figures of a report that publications of it are compared by. */
export type Figures = Pick<TransparencyReport, 'requests' | 'totals' | 'emergency' | 'nationalSecurity'>;

/**
 * The stable figure id of a national-security line: its id under `nationalSecurity.`, which the
 * combined structure's ids already start with.
 *
 * @example
 * nationalSecurityFigure('nsl.letters')              // 'nationalSecurity.nsl.letters'
 * nationalSecurityFigure('nationalSecurity.process') // 'nationalSecurity.process'
 */
export function nationalSecurityFigure(lineId: string): string {
  return lineId.startsWith('nationalSecurity.') ? lineId : `nationalSecurity.${lineId}`;
}

/**
 * Every published figure of a report by stable id, as printed. National-security lines count
 * only when they were published (a band or a number): a line first published later, like FISA
 * numbers 180 days on, is not a restatement (`firstPublications` lists it).
 *
 * @example
 * publishedFigures(report).get('totals.accountsAffected') // '6'
 */
export function publishedFigures(report: Figures): Map<string, string> {
  const figures = new Map<string, string>();
  for (const row of report.requests) {
    for (const outcome of REPORT_OUTCOMES) figures.set(`requests.${row.kind}.${outcome}`, String(row.outcomes[outcome]));
  }
  figures.set('totals.received', String(report.totals.received));
  for (const outcome of REPORT_OUTCOMES) figures.set(`totals.${outcome}`, String(report.totals.outcomes[outcome]));
  figures.set('totals.accountsAffected', String(report.totals.accountsAffected));
  figures.set('totals.accountsWithDataDisclosed', String(report.totals.accountsWithDataDisclosed));
  for (const [key, value] of Object.entries(report.emergency)) figures.set(`emergency.${key}`, String(value));
  for (const line of report.nationalSecurity.lines) {
    if (line.value.status === 'band' || line.value.status === 'exact') figures.set(nationalSecurityFigure(line.id), line.text);
  }
  return figures;
}

/**
 * What a later report of a period restates relative to earlier publications of it (DOMAIN §6
 * "Retroactive revision"): each figure whose value differs from the first baseline, in the order
 * given, that published it; in the later report's order. A national-security line moves only
 * when gags lift (no case of the period is added after it ends), so it is noted as such.
 *
 * @example
 * restatements([{ on: '2026-06-30', report: asOfPeriodEnd }], asOfToday)
 * // [{ line: 'nationalSecurity.nsl.letters', was: '0-499', now: '1-499', since: '2026-06-30', note: '…' }]
 */
export function restatements(baselines: readonly { on: string; report: Figures }[], later: Figures): Restatement[] {
  const published = baselines.map((b) => ({ on: b.on, figures: publishedFigures(b.report) }));
  const changed: Restatement[] = [];
  for (const [line, now] of publishedFigures(later)) {
    const first = published.find((b) => b.figures.has(line));
    const was = first?.figures.get(line);
    if (!first || was === undefined || was === now) continue;
    const note = line.startsWith('nationalSecurity.') ? `restated as gags lifted after ${first.on} (DOMAIN §6 retroactive revision)` : undefined;
    changed.push({ line, was, now, since: first.on, ...(note ? { note } : {}) });
  }
  return changed;
}
