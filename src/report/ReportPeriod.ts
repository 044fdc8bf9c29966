import { IsoDate } from '../domain/date.ts';
import { InputError, fromZod } from '../domain/InputError.ts';

/**
 * A reporting period: a half-year (`2026H1` = 1 Jan–30 Jun, `2026H2` = 1 Jul–31 Dec), the
 * semiannual unit of 50 U.S.C. 1874(a)(1)-(3), or a calendar year (`2026`), the unit of
 * 1874(a)(4) (DOMAIN §6). A case belongs to the period that holds its `receivedOn`.
 */
export interface ReportPeriod {
  /** As written: `2026H1`, `2026H2` or `2026`. */
  id: string;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  annual: boolean;
}

const PERIOD = /^(\d{4})(H[12])?$/;

/**
 * Reads a period id; anything else is an `InputError` naming `field`, the value and the fix.
 *
 * @example
 * parsePeriod('2026H1') // { id: '2026H1', from: '2026-01-01', to: '2026-06-30', annual: false }
 * parsePeriod('2026H3', '--period') // throws InputError: --period: is not a reporting period …
 */
export function parsePeriod(text: unknown, field = 'period'): ReportPeriod {
  const match = typeof text === 'string' ? PERIOD.exec(text) : null;
  const year = match?.[1];
  if (!match || year === undefined || year < '1970') {
    throw new InputError('invalid', field, text, 'is not a reporting period', 'give a half-year like 2026H1 (1 Jan-30 Jun) or 2026H2 (1 Jul-31 Dec), or a year like 2026');
  }
  const half = match[2];
  const from = half === 'H2' ? `${year}-07-01` : `${year}-01-01`;
  const to = half === 'H1' ? `${year}-06-30` : `${year}-12-31`;
  return { id: match[0], from, to, annual: half === undefined };
}

/**
 * Whether an ISO date lies in the period, both ends included.
 *
 * @example
 * inPeriod(parsePeriod('2026H1'), '2026-06-30') // true
 */
export function inPeriod(period: ReportPeriod, date: string): boolean {
  return period.from <= date && date <= period.to;
}

/**
 * A report date (`--as-of`, `--published`) checked as a real calendar day; else an `InputError`
 * naming `field`.
 *
 * @example
 * reportDate('2026-02-30', '--as-of') // throws InputError: --as-of: that calendar date does not exist …
 */
export function reportDate(value: unknown, field: string): string {
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, value, field);
  return parsed.data;
}
