import type { z } from 'zod';
import type { DataCategory } from '../../src/domain/categories.ts';
import type { LiftReason, ReviewFinding } from '../../src/domain/events.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import type { Source } from '../../src/domain/source.ts';

/** A test on the request's intake fields; every field given must match. */
export interface RequestCondition {
  usPerson?: boolean;
  residesInUS?: boolean;
  residenceCountryIn?: readonly string[];
  /**
   * Disclosure risks breaking the law of a country with a CLOUD Act agreement in force on the day
   * the request was received (`target.foreignLawAtRisk`, by default the residence country).
   */
  qualifyingForeignLawAtRisk?: boolean;
  /** The request asks for some of this data: one of these categories, a part of one, or a whole holding one. */
  categoriesInclude?: readonly DataCategory[];
  /** The provider was only a conduit for the material (`conduit` on the request). */
  conduit?: boolean;
  /** The order concerns serious crime (`seriousCrime` on the request; absent, it does). */
  seriousCrime?: boolean;
}

/** A way for the provider to contest the process or its gag, with its deadline if the law sets one. */
export interface ChallengeRoute {
  id: string;
  title: string;
  against: 'process' | 'secrecy';
  /** ISO-8601 duration from service; absent when the law fixes no deadline. */
  window?: string;
  /** The window closes at the compliance date the process sets (`complyBy`) when that comes first (FRCP 45(d)(2)(B)). */
  endsByComplianceDate?: boolean;
  /**
   * The window's last day, when a Saturday, a Sunday or a legal holiday, runs on to the next day
   * that is none (FRCP 6(a)(1)(C)), so the window is a few days longer for some receipt dates.
   */
  rollsForward?: boolean;
  /** ISO-8601 duration within which the government must go to court once the provider objects. */
  governmentMustApplyWithin?: string;
  /** Who may use the route; absent means always open. */
  eligible?: RequestCondition;
  sources: readonly Source[];
}

/** How a nondisclosure obligation arises and ends for this kind (DOMAIN §3). */
export interface SecrecySpec {
  regime: 'none' | 'courtOrder' | 'statute';
  title: string;
  /** `always`: sealed by statute from receipt; `ifCertified`: when the request certifies the need. */
  atReceipt: 'never' | 'always' | 'ifCertified';
  /** Whether a court may impose (or re-impose) a gag after receipt. */
  orderPossible: boolean;
  /**
   * Whether the court may renew or replace its order while it still runs: a new order then takes
   * over with its own term (a 2705(b) order extended before it lapses). Refused without `orderPossible`.
   */
  renewal?: { sources: readonly Source[] };
  endsBy: readonly LiftReason[];
  sources: readonly Source[];
}

/** An order that authorises disclosure for a term, renewable by the court (pen register). */
export interface OrderTerm {
  length: string;
  extension: string;
  sources: readonly Source[];
}

/** A deadline from receipt to answer the process: produce, object or refuse (a European Production Order's 10 days). */
export interface ResponseDeadline {
  length: string;
  sources: readonly Source[];
  /** A shorter deadline for an emergency order (`emergency: true` on the request), in whole days: `P0D` is the day of receipt. */
  emergency?: { length: string; sources: readonly Source[] };
}

/**
 * An authority of the provider's own state, notified of the order by its issuer, that may raise
 * a ground for refusal within a window from receipt (a European Production Order's enforcing
 * authority, Reg. 2023/1543 Arts 8, 10, 12). Read only for a request whose certificate says it
 * was notified (`enforcingStateNotified`).
 */
export interface EnforcingReview {
  /** ISO-8601 duration from receipt: an order that is not an emergency is carried out only once it has passed, or once the authority clears it. */
  window: string;
  /** The window for an emergency order, which is answered without waiting for it. */
  emergencyWindow: string;
  /** The deadline to answer a notified order that is not an emergency, in place of `respondWithin.length`: in whole days, the day after its window ends. */
  respondWithin: string;
  sources: readonly Source[];
}

/** Everything that makes one kind of legal demand differ from another: data with citations. */
export interface DemandSpec {
  kind: string;
  title: string;
  legalBasis: string;
  summary: string;
  /** What the process compels; a category listed reaches its parts (`PART_OF`), so no part is listed beside its whole. */
  compels: readonly DataCategory[];
  /** When what is compelled depends on the US process issued (MLAT: DOMAIN §1 row 16). */
  compelsByProcess?: Readonly<Record<NonNullable<DemandRequest['usProcess']>, readonly DataCategory[]>>;
  compelsNote?: string;
  compelsSources: readonly Source[];
  secrecy: SecrecySpec;
  routes: readonly ChallengeRoute[];
  /** Review findings that end in refusal whatever the policy says. */
  refuseOn?: readonly Exclude<ReviewFinding, 'sufficient'>[];
  /** Requests the provider must turn away at intake, e.g. a CLOUD agreement order aimed at a US person. */
  intakeRefusals?: readonly { ground: string; when: RequestCondition; sources: readonly Source[] }[];
  term?: OrderTerm;
  respondWithin?: ResponseDeadline;
  enforcingReview?: EnforcingReview;
  /**
   * Requests the provider must object to rather than answer or refuse: one that meets `when` goes
   * from intake to `challengeRequired`, whatever the policy says (a European Production Order
   * asking for content a US provider may not give).
   */
  objectionRequired?: { when: RequestCondition; sources: readonly Source[] };
  /** Intake fields that differ from a plain US case in the requests the kind is checked with (a law in force later: its date). */
  sample?: Partial<Pick<DemandRequest, 'requester' | 'target' | 'receivedOn'>>;
  requestSchema: z.ZodType<DemandRequest>;
  sources: readonly Source[];
}
