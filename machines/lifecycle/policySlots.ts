import { type DataCategory, partsOf, sharedCategories, withinCategories } from '../../src/domain/categories.ts';
import { DAY_MS, durationDays } from '../../src/domain/duration.ts';

/**
 * The named guards and delays through which a provider policy reaches every catalogue machine
 * (`machine.provide()`, see `src/policy/withPolicy.ts`). The defaults here are the strictest
 * reading: notice first, no exceptions, nothing challenged, every record kept.
 */
export const POLICY_DELAYS = {
  objectionWindow: durationDays('P14D') * DAY_MS,
  delayedNotice: durationDays('P7D') * DAY_MS,
  secrecyChallengeWindow: durationDays('P30D') * DAY_MS,
  emergencyFollowUp: durationDays('P7D') * DAY_MS,
};
export type PolicyDelay = keyof typeof POLICY_DELAYS;

/** Where each policy delay's length sits in a `PolicyVersion`, whose `sources` cite it under that path. */
export const POLICY_DELAY_PATHS: Readonly<Record<PolicyDelay, string>> = {
  objectionWindow: 'notice.objectionWindow',
  delayedNotice: 'notice.delayedNoticeWithin',
  secrecyChallengeWindow: 'challenges.within',
  emergencyFollowUp: 'emergency.followUpWithin',
};

/** The citations of the default lengths above, keyed and worded as a policy's `sources`. */
export const POLICY_DELAY_SOURCES: Readonly<Record<string, string>> = {
  'notice.objectionWindow': 'DOMAIN §11 q10 [?] not published by Cloudflare or Let’s Encrypt; parameter set to the 14 days of FRCP 45(d)(2)(B) (§1 row 19)',
  'notice.delayedNoticeWithin': 'DOMAIN §4 [?] not published; parameter, near the NDO Fairness Act proposal of 5 business days (§2, not law)',
  'challenges.within': 'DOMAIN §4 [?] no published figure; parameter',
  'emergency.followUpWithin': 'DOMAIN §intro source 1 [S] legal process asked for afterwards "when time allows"; the length [?] is a parameter',
};

/** Which request fields the policy's record test reads. */
export interface RecordsInput {
  categories?: readonly DataCategory[];
  dataAgeDays?: number;
}

/** Policy decisions the machines ask about, as plain functions. */
export interface PolicyDecisions {
  challengesFinding(finding: string): boolean;
  challengesSecrecy(secrecyDays: number | null): boolean;
  allowsNoticeException(reason: string): boolean;
  noticeBeforeDisclosure(): boolean;
  emergencyCriterionMet(criterion: string | null): boolean;
  verifiesRequester(): boolean;
  /** What the provider's emergency policy lets it disclose, within what the statute allows; null for all of that. */
  emergencyDiscloses(): readonly DataCategory[] | null;
  retained(category: DataCategory, dataAgeDays: number): boolean;
}

export const DEFAULT_DECISIONS: PolicyDecisions = {
  challengesFinding: () => false,
  challengesSecrecy: () => false,
  allowsNoticeException: () => false,
  noticeBeforeDisclosure: () => true,
  emergencyCriterionMet: (c) => c === 'deathOrSeriousInjury',
  verifiesRequester: () => true,
  emergencyDiscloses: () => null,
  retained: () => true,
};

/**
 * The categories of a request that the provider can still hold, given its age: each requested
 * category it retains, else those of its parts it retains (a policy may keep a part longer).
 *
 * @example
 * availableRecords(DEFAULT_DECISIONS, { categories: ['content'], dataAgeDays: 3700 }) // ['content']
 */
export function availableRecords(decisions: PolicyDecisions, request: RecordsInput): DataCategory[] {
  const age = request.dataAgeDays ?? 0;
  const held = (c: DataCategory): DataCategory[] => (decisions.retained(c, age) ? [c] : partsOf(c).flatMap(held));
  return (request.categories ?? []).flatMap(held);
}

interface SlotArgs {
  context: { request?: object; secrecyDays?: number | null };
  event: { type: string; finding?: string; reason?: string; criterion?: string | null };
}

type DisclosureArgs = SlotArgs & { event: { categories?: readonly DataCategory[] } };

/**
 * Guard implementations for the policy slots, reading `decisions`. Each catalogue machine puts
 * these (with the defaults) in its `setup()`; `withPolicy` provides them again with a profile's.
 */
export function policyGuards(d: PolicyDecisions) {
  // A request is read-only input: what the provider still holds of it is worked out once.
  const held = new WeakMap<object, DataCategory[]>();
  const kept = (request: object | undefined): DataCategory[] => {
    if (!request) return availableRecords(d, {});
    let records = held.get(request);
    if (!records) held.set(request, (records = availableRecords(d, request as RecordsInput)));
    return records;
  };
  return {
    policyChallengesFinding: ({ event }: SlotArgs) => d.challengesFinding(event.finding ?? ''),
    policyChallengesSecrecy: ({ context }: SlotArgs) => d.challengesSecrecy(context.secrecyDays ?? null),
    policyAllowsNoticeException: ({ event }: SlotArgs) => d.allowsNoticeException(event.reason ?? ''),
    policyNoticeBeforeDisclosure: () => d.noticeBeforeDisclosure(),
    policyEmergencyCriterionMet: ({ event }: SlotArgs) => d.emergencyCriterionMet(event.criterion ?? null),
    policyVerifiesRequester: () => d.verifiesRequester(),
    /** The disclosure is within what the provider's emergency policy covers. */
    policyEmergencyCovers: ({ event }: DisclosureArgs) => {
      const covered = d.emergencyDiscloses();
      return covered === null || withinCategories(event.categories ?? [], covered);
    },
    /** Some requested record is still held (and, given `compels`, is one the process reaches). */
    policyHasRecords: ({ context }: SlotArgs, params?: { compels?: readonly DataCategory[] }) => {
      const records = kept(context.request);
      return params?.compels ? sharedCategories(records, params.compels).length > 0 : records.length > 0;
    },
    policyRetains: ({ context, event }: DisclosureArgs) => withinCategories(event.categories ?? [], kept(context.request)),
    /** The disclosure covers everything the process compels that the provider still holds. */
    policyDisclosesAll: ({ context, event }: DisclosureArgs, params: { compels: readonly DataCategory[] }) =>
      withinCategories(sharedCategories(kept(context.request), params.compels), event.categories ?? []),
  };
}
