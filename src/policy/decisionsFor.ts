import { type DataCategory, wholesOf } from '../domain/categories.ts';
import { DAY_MS, durationDays } from '../domain/duration.ts';
import type { PolicyVersion } from '../domain/policy.ts';
import type { PolicyDecisions, PolicyDelay } from '../../machines/lifecycle/policySlots.ts';

/**
 * The longest a category's records can exist under a policy version, in days; `null` when no
 * listed record set of that category states a maximum, or none lists it at all. A part of a
 * category (`PART_OF`) is kept as long as the record sets of its whole say, unless some record
 * set names the part itself.
 *
 * @example
 * retentionDays(policyVersionAt(cloudflare, '2026-01-15'), 'nonContentRecords') // 7
 */
export function retentionDays(version: PolicyVersion, category: DataCategory): number | null {
  const named = (c: DataCategory) => version.retention.filter((r) => r.categories.includes(c));
  const rules = [category, ...wholesOf(category)].map(named).find((r) => r.length > 0) ?? [];
  if (rules.length === 0 || rules.some((r) => r.deletedAfter === null)) return null;
  return Math.max(...rules.map((r) => durationDays(r.deletedAfter as string)));
}

/** A policy version as the plain decisions the machines' policy guards ask for. */
export function decisionsFor(version: PolicyVersion): PolicyDecisions {
  const limit = version.challenges.secrecyLongerThan;
  // Asked on every disclosure step the checker explores: each category's answer is worked out once.
  const kept = new Map<DataCategory, number | null>();
  const keptFor = (category: DataCategory) => {
    let max = kept.get(category);
    if (max === undefined) kept.set(category, (max = retentionDays(version, category)));
    return max;
  };
  return {
    challengesFinding: (finding) => (version.challenges.grounds as string[]).includes(finding),
    challengesSecrecy: (days) => (days === null ? version.challenges.openEndedSecrecy : limit !== null && days > durationDays(limit)),
    allowsNoticeException: (reason) => (version.notice.exceptions as string[]).includes(reason),
    noticeBeforeDisclosure: () => version.notice.beforeDisclosure,
    emergencyCriterionMet: (criterion) => criterion !== null && (version.emergency.criteria as string[]).includes(criterion),
    verifiesRequester: () => version.emergency.verifyRequester,
    emergencyDiscloses: () => version.emergency.discloses ?? null,
    retained: (category, age) => {
      const max = keptFor(category);
      return max === null || age <= max;
    },
  };
}

/** The policy's timer lengths, in XState's milliseconds, under the machines' delay names. */
export function delaysFor(version: PolicyVersion): Record<PolicyDelay, number> {
  const ms = (iso: string) => durationDays(iso) * DAY_MS;
  return {
    objectionWindow: ms(version.notice.objectionWindow),
    delayedNotice: ms(version.notice.delayedNoticeWithin),
    secrecyChallengeWindow: ms(version.challenges.within),
    emergencyFollowUp: ms(version.emergency.followUpWithin),
  };
}
