import { dayNumber, isoDate } from '../domain/date.ts';
import type { NationalSecurityBands } from '../domain/policy.ts';
import { BAND_STRUCTURES, type LineSpec } from './bandStructures.ts';
import { type CaseSummary, gaggedOn } from './CaseSummary.ts';
import type { ReportPeriod } from './ReportPeriod.ts';

/** Days after a period's end before FISA numbers for it may be published (1874(b), DOMAIN §6 [L/?]). */
export const FISA_DELAY_DAYS = 180;

/** What a national-security line may say. */
export type LineValue =
  | { status: 'band'; low: number; high: number }
  | { status: 'exact'; count: number }
  | { status: 'notYetReportable'; reportableFrom: string; reason: string }
  | { status: 'notInThisReport'; reason: string };

/** One line of the national-security section, with its value as printed (`0-249`, `1-499`, `3`, …). */
export interface NationalSecurityLine {
  id: string;
  title: string;
  value: LineValue;
  text: string;
}

/** A national-security case and the process it is, for the lines. */
export interface NationalSecurityCase {
  summary: CaseSummary;
  process: 'nsl' | 'fisa';
}

/**
 * The band a count falls in, never an exact number while any counted case is gagged: `total` in
 * bands of `size` (0 to size-1, size to 2·size-1, …), with the lower bound raised to `known`, what
 * is already public because those cases' gags have lifted, as Google restated an NSL band from
 * 0-499 to 1-499 (DOMAIN §6 "Retroactive revision"). Exact only when something was received and
 * no counted case is gagged: no nondisclosure requirement then binds the count (DOMAIN §6, 1874
 * covers a person "subject to a nondisclosure requirement"). Nothing received is still the
 * lowest band, never "0", so a later band cannot reveal the first gagged letter.
 *
 * @example
 * bandValue(1000, 0, false, 1000) // { status: 'band', low: 1000, high: 1999 }
 * bandValue(3, 1, false, 500)     // { status: 'band', low: 1, high: 499 }
 * bandValue(3, 3, true, 500)      // { status: 'exact', count: 3 }
 */
export function bandValue(total: number, known: number, noneGagged: boolean, size: number): LineValue {
  if (total > 0 && noneGagged) return { status: 'exact', count: total };
  const floor = Math.floor(total / size) * size;
  return { status: 'band', low: Math.max(floor, known), high: floor + size - 1 };
}

/**
 * A line value as printed.
 *
 * @example
 * lineText({ status: 'band', low: 1, high: 499 }) // '1-499'
 */
export function lineText(value: LineValue): string {
  switch (value.status) {
    case 'band':
      return `${value.low}-${value.high}`;
    case 'exact':
      return String(value.count);
    case 'notYetReportable':
      return `not yet reportable (from ${value.reportableFrom})`;
    case 'notInThisReport':
      return 'not in this report';
  }
}

const FISA_CONTENT = 'content';
const processOf = (c: NationalSecurityCase) => (c.process === 'nsl' ? 'nsl' : c.summary.requested.includes(FISA_CONTENT) ? 'fisaContent' : 'fisaNonContent');

/**
 * The national-security lines of a report as of the end of `date`, under `structure`, for cases
 * received in `period` (the caller has kept only those received by `date`). Rules, from DOMAIN §6:
 * the lines and band width are the structure's (1874(a)); an annual structure reports only for a
 * year and a semiannual one only for a half-year; nothing is reportable before the period has
 * ended; a line that counts FISA process waits until 180 days after the period's end (1874(b));
 * each reportable line is a band by `bandValue`, with gags judged as of `date`. A FISA order is a
 * content order when it asks for `content` (1874(a)(1) content and non-content lines; §1 row 13).
 *
 * @example
 * nationalSecurityLines([{ summary: nsl, process: 'nsl' }], { structure: 'bands500', period: parsePeriod('2026H1'), date: '2026-07-01' })
 * // [{ id: 'nsl.letters', text: '0-499', … }, …]
 */
export function nationalSecurityLines(cases: readonly NationalSecurityCase[], opts: { structure: NationalSecurityBands; period: ReportPeriod; date: string }): NationalSecurityLine[] {
  const structure = BAND_STRUCTURES[opts.structure];
  const { period, date } = opts;
  const fisaFrom = isoDate(dayNumber(period.to) + FISA_DELAY_DAYS);
  const valueOf = (spec: LineSpec): LineValue => {
    if (structure.annual !== period.annual) {
      const fix = structure.annual ? `run the report for the whole year, --period ${period.from.slice(0, 4)}` : `run it for each half-year, --period ${period.from.slice(0, 4)}H1 and H2`;
      return { status: 'notInThisReport', reason: `the provider reports ${structure.title}; ${fix}` };
    }
    if (date < period.to) return { status: 'notYetReportable', reportableFrom: period.to, reason: 'the period has not ended' };
    const countsFisa = spec.processes.some((p) => p !== 'nsl');
    if (countsFisa && date < fisaFrom) return { status: 'notYetReportable', reportableFrom: fisaFrom, reason: `FISA numbers wait until ${FISA_DELAY_DAYS} days after the period ends (50 U.S.C. 1874(b))` };
    const counted = cases.filter((c) => spec.processes.includes(processOf(c)));
    const free = counted.filter((c) => !gaggedOn(c.summary, date));
    const noneGagged = free.length === counted.length;
    if (spec.measure === 'process') return bandValue(counted.length, free.length, noneGagged, structure.size);
    const accounts = (cs: readonly NationalSecurityCase[]) => new Set(cs.map((c) => c.summary.account)).size;
    return bandValue(accounts(counted), accounts(free), noneGagged, structure.size);
  };
  return structure.lines.map((spec) => {
    const value = valueOf(spec);
    return { id: spec.id, title: spec.title, value, text: lineText(value) };
  });
}
