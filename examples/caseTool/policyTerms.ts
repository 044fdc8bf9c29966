import type { DataCategory } from '../../src/domain/categories.ts';
import { retainedAs } from './categoryLaw.ts';
import type { ProviderPolicy } from '../../src/domain/policy.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import type { FaultId } from './faults.ts';
import { lengthInDays } from './lengthInDays.ts';

/** What a provider's policy, as in force on the day a case was received, asks of the case. */
export interface PolicyTerms {
  /** Days a notified user has to object before disclosure. */
  objectionWindow: number;
  /** Days within which a delayed notice goes out once a gag ends or an emergency passes. */
  delayedNotice: number;
  /** Days within which a gag the policy challenges must be challenged. */
  secrecyChallengeWindow: number;
  /** Days within which legal process is asked for after an emergency disclosure. */
  emergencyFollowUp: number;
  noticeBeforeDisclosure: boolean;
  noticeExceptions: readonly string[];
  challengedFindings: readonly string[];
  challengesOpenEndedGag: boolean;
  /** Fixed-term gags longer than this many days are challenged; null when none are. */
  gagLimit: number | null;
  emergencyCriteria: readonly string[];
  verifiesRequester: boolean;
  /** What the provider's emergency policy lets it disclose; null when it names nothing, leaving the statute's reach. */
  emergencyDiscloses: readonly DataCategory[] | null;
  /** Per record set: its categories and the oldest record that can still exist (null: no limit). */
  retention: readonly { categories: readonly DataCategory[]; maxAge: number | null }[];
}

/**
 * The terms of `policy` for a case received on `receivedOn` (YYYY-MM-DD), in whole days.
 *
 * @example
 * policyTerms(cloudflare, '2026-01-15').objectionWindow // 14
 */
export function policyTerms(policy: ProviderPolicy, receivedOn: string, fault?: FaultId): PolicyTerms {
  const version = policyVersionAt(policy, receivedOn);
  const retentionVersion = fault === 'retention-from-oldest-version' ? (policy.versions[0] ?? version) : version;
  const days = (iso: string) => lengthInDays(iso, fault === 'months-as-30-days');
  return {
    objectionWindow: days(version.notice.objectionWindow),
    delayedNotice: days(version.notice.delayedNoticeWithin),
    secrecyChallengeWindow: days(version.challenges.within),
    emergencyFollowUp: days(version.emergency.followUpWithin),
    noticeBeforeDisclosure: version.notice.beforeDisclosure,
    noticeExceptions: version.notice.exceptions,
    challengedFindings: version.challenges.grounds,
    challengesOpenEndedGag: version.challenges.openEndedSecrecy,
    gagLimit: version.challenges.secrecyLongerThan === null ? null : days(version.challenges.secrecyLongerThan),
    emergencyCriteria: version.emergency.criteria,
    verifiesRequester: version.emergency.verifyRequester,
    emergencyDiscloses: version.emergency.discloses ?? null,
    retention: retentionVersion.retention.map((r) => ({ categories: r.categories, maxAge: r.deletedAfter === null ? null : days(r.deletedAfter) })),
  };
}

/**
 * Whether records of `category`, `age` days old, can still exist: a category no record set lists,
 * or one that some listed set keeps without limit, is always held. A part no set names is kept
 * as its whole is.
 *
 * @example
 * isHeld(policyTerms(cloudflare, '2026-01-15'), 'nonContentRecords', 30) // false: 7 days at most
 */
export function isHeld(terms: PolicyTerms, category: DataCategory, age: number): boolean {
  const listing = (c: DataCategory) => terms.retention.filter((r) => r.categories.includes(c));
  const sets = listing(retainedAs(category, (c) => listing(c).length > 0));
  if (sets.length === 0 || sets.some((r) => r.maxAge === null)) return true;
  return age <= Math.max(...sets.map((r) => r.maxAge ?? 0));
}

/**
 * Whether the policy requires a challenge to a gag of `days` (null: no end date).
 *
 * @example
 * challengesGag(policyTerms(cloudflare, '2026-01-15'), null) // true
 */
export function challengesGag(terms: PolicyTerms, days: number | null): boolean {
  if (days === null) return terms.challengesOpenEndedGag;
  return terms.gagLimit !== null && days > terms.gagLimit;
}
