import { InputError } from '../domain/InputError.ts';
import { transparencyReportFromStore } from '../report/reportFromStore.ts';
import { parsePeriod } from '../report/ReportPeriod.ts';
import { renderReport, reportFormat } from '../report/renderReport.ts';
import { openCaseStore } from '../runtime/openCaseStore.ts';
import { parseOptions } from './parseOptions.ts';
import { policyOption } from './policyOption.ts';

const USAGE = 'dueprocess report --period 2026H1|2026H2|2026 [--db FILE|URL] [--format md|json|csv] [--as-of YYYY-MM-DD] [--published YYYY-MM-DD] [--policy NAME|FILE]';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * `dueprocess report`: the transparency report of a case database for one period, as of
 * `--as-of` (default today, UTC), restating figures that changed since `--published`, the day a
 * report of the period was published (no earlier than its last day; default: each figure's first
 * publication, the period's last day or, for FISA lines, 180 days later).
 * National-security process appears only in the bands of the policy's 50 U.S.C. 1874
 * structure. `--policy` names a built-in profile or a policy JSON file, as `serve` takes it: the
 * profile a store's cases ran under when `serve --policy FILE` opened them. The database is only
 * read: a file without the case tables is refused, never given them. Exit 2 on bad input.
 */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { period: { type: 'string' }, db: { type: 'string' }, format: { type: 'string' }, 'as-of': { type: 'string' }, published: { type: 'string' }, policy: { type: 'string' } },
    USAGE,
  );
  if (positionals.length) throw new InputError('usage', 'arguments', positionals.join(' '), 'report takes no positional arguments', `usage: ${USAGE}`);
  if (values.period === undefined) throw new InputError('usage', '--period', undefined, 'is required', 'give the half-year or year to report, like --period 2026H1');
  const format = reportFormat(values.format ?? 'md', '--format');
  const asOf = values['as-of'] ?? today();
  const period = parsePeriod(values.period, '--period');
  if (values['as-of'] === undefined && asOf < period.from) {
    throw new InputError('invalid', '--period', values.period, `has not ended, nor begun: it runs from ${period.from} to ${period.to} and today is ${asOf}`, `give a period that has ended, like --period ${lastEndedHalfYear(asOf)}, or --as-of a day from ${period.from} for interim figures`);
  }
  const store = await openCaseStore(values.db ?? 'cases.db', { field: '--db', readonly: true });
  try {
    const report = await transparencyReportFromStore(store, {
      period: values.period,
      asOf,
      ...(values.published === undefined ? {} : { since: values.published }),
      ...(values.policy === undefined ? {} : policyOption(values.policy)),
      names: { period: '--period', asOf: '--as-of', since: '--published', policy: '--policy' },
    });
    console.log(renderReport(report, format));
    return 0;
  } finally {
    await store.close();
  }
}

/** The latest half-year whose last day is on or before `date`. */
function lastEndedHalfYear(date: string): string {
  const year = Number(date.slice(0, 4));
  if (date.endsWith('-12-31')) return `${year}H2`;
  return date >= `${year}-06-30` ? `${year}H1` : `${year - 1}H2`;
}
