import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyRegistry } from '../policy/policyRegistry.ts';
import { resolvePolicy } from '../policy/resolvePolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import type { CaseRow, CaseStore } from '../runtime/CaseStore.ts';
import { createCaseEngine } from '../runtime/createCaseEngine.ts';
import { buildTransparencyReport } from './buildTransparencyReport.ts';
import { caseSummaries } from './caseSummaries.ts';
import { type ReportPeriod, inPeriod, parsePeriod, reportDate } from './ReportPeriod.ts';
import { reportScope } from './reportScope.ts';
import type { TransparencyReport } from './TransparencyReport.ts';

export interface StoreReportOptions {
  /** `2026H1`, `2026H2` or `2026`. */
  period: string;
  /** The publication date (YYYY-MM-DD); facts are taken as of its end. */
  asOf: string;
  /** An earlier publication date to list restatements against; default each figure's first publication. */
  since?: string;
  /** The policy profile whose cases are reported; needed when the store holds cases under several. */
  policy?: string;
  /** The provider's own policy profiles, as `createCaseEngine` takes them. */
  policies?: Readonly<Record<string, ProviderPolicy>>;
  /** Option names for error messages, e.g. `{ period: '--period', asOf: '--as-of' }`. */
  names?: { period?: string; asOf?: string; since?: string; policy?: string };
}

/**
 * The transparency report of a case store: the function the CLI and the HTTP service call. It
 * picks the policy profile (the one given, or the only one the store's cases run under), takes
 * the national-security band structure from the profile's version in force on `asOf`
 * (`transparency.nationalSecurityBands`, `bands1000` when the version names none), summarises the
 * period's cases as of `asOf` by replaying them (`caseSummaries`), counts those left out as opened
 * under other profiles (`otherPolicies`) and builds the report (`buildTransparencyReport`, which
 * documents the semantics). Bad input is an `InputError`.
 *
 * @example
 * const report = await transparencyReportFromStore(await openCaseStore('cases.db'), { period: '2026H1', asOf: '2027-01-15' });
 * report.nationalSecurity.lines.map((l) => `${l.title}: ${l.text}`)
 */
export async function transparencyReportFromStore(store: CaseStore, options: StoreReportOptions): Promise<TransparencyReport> {
  const names = { period: 'period', asOf: 'asOf', since: 'since', policy: 'policy', ...options.names };
  const period = parsePeriod(options.period, names.period);
  const asOf = reportDate(options.asOf, names.asOf);
  const policies = policyRegistry(options.policies ?? {});
  const rows = await createCaseEngine({ store }).list();
  const policy = options.policy ?? onlyPolicy(rows, names.policy, Object.keys(policies));
  if (options.policy === undefined && !Object.hasOwn(policies, policy)) {
    throw new InputError('unknownPolicy', names.policy, policy, 'is the policy profile the store’s cases ran under, and not a built-in one', 'give that profile: its policy JSON file on the command line (--policy FILE), or `policies` through the API');
  }
  const profile = resolvePolicy(policy, names.policy, policies);
  const structure = policyVersionAt(profile, asOf).transparency?.nationalSecurityBands ?? 'bands1000';
  const summaries = await caseSummaries(store, { asOf, from: period.from, to: period.to, policy, ...(options.policies === undefined ? {} : { policies: options.policies }) });
  return buildTransparencyReport(summaries, {
    period,
    asOf,
    ...(options.since === undefined ? {} : { since: options.since }),
    structure,
    policy,
    otherPolicies: otherPolicies(rows, period, asOf, policy),
    names: { asOf: names.asOf, since: names.since },
  });
}

/** The one policy profile the store's cases run under; an `InputError` when there are none or several. */
function onlyPolicy(rows: readonly CaseRow[], field: string, known: readonly string[]): string {
  const policies = [...new Set(rows.map((r) => r.policy))].sort();
  if (policies.length === 1 && policies[0] !== undefined) return policies[0];
  const problem = policies.length === 0 ? 'is needed: the store holds no cases to take the policy from' : `is needed: the store holds cases under ${policies.join(', ')}`;
  throw new InputError('usage', field, undefined, problem, `name the profile whose report this is: one of ${known.join(', ')}`);
}

/**
 * The period's cases (received by `asOf`) opened under a profile other than `policy`, which the
 * report leaves out. National-security kinds are not counted: with the other profile's totals the
 * number would give an exact count of them, which 1874 allows only in bands.
 */
function otherPolicies(rows: readonly CaseRow[], period: ReportPeriod, asOf: string, policy: string): { cases: number; policies: string[] } {
  const left = rows.filter((r) => r.policy !== policy && inPeriod(period, r.day0) && r.day0 <= asOf && reportScope(r.kind).as !== 'nationalSecurity');
  return { cases: left.length, policies: [...new Set(left.map((r) => r.policy))].sort() };
}
