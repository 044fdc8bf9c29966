import type { DataCategory } from '../../src/domain/categories.ts';
import type { LiftReason, ReviewFinding } from '../../src/domain/events.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import { overlap } from './categoryLaw.ts';

/** A way to contest the process itself; `window` is an ISO-8601 deadline from service, if the law sets one. */
export interface ProcessRoute {
  id: string;
  window?: string;
  /** The window ends at the compliance date the process sets, when that comes first. */
  untilComplianceDate?: boolean;
  /** A last day on a Saturday, Sunday or legal holiday runs on to the next day that is none. */
  rollsForward?: boolean;
  /** Who may use the route; open to all when absent. */
  open?: (request: DemandRequest) => boolean;
}

/** A way to contest the gag; `governmentAppliesWithin` is the government's deadline to go to court. */
export interface GagRoute {
  id: string;
  governmentAppliesWithin?: string;
}

/** How a gag can bind this kind of demand, and what ends it. */
export interface GagLaw {
  /** `always`: sealed by statute from receipt; `ifCertified`: when the request certifies the need. */
  atReceipt: 'never' | 'always' | 'ifCertified';
  /** Whether a court order may impose a gag, at receipt or later. */
  courtMayOrder: boolean;
  /** Whether the court may renew or replace its order while it still runs. */
  renewable: boolean;
  endsBy: readonly LiftReason[];
}

/** The law of one kind of legal demand, as the case tool applies it. */
export interface DemandLaw {
  compels: (request: DemandRequest) => readonly DataCategory[];
  gag: GagLaw;
  processRoutes: readonly ProcessRoute[];
  gagRoutes: readonly GagRoute[];
  /** Review findings that end in refusal whatever the policy says. */
  refuseOn: readonly ReviewFinding[];
  /** Requests turned away at intake, with the ground recorded. */
  turnAway: readonly { ground: string; when: (request: DemandRequest) => boolean }[];
  /** An order that runs for a term from the date it bears and may be extended, one extension at a time. */
  term?: { length: string; extension: string };
  /** Days from receipt to answer the process (produce, object or refuse), flagged overdue after. */
  respondWithin?: string;
  /** The same for an emergency order (`emergency: true`): `P0D` is the day of receipt. */
  respondWithinEmergency?: string;
  /** Whether the law turns on the provider having only carried the material (`conduit: true`). */
  readsConduit?: boolean;
  /** Whether the law turns on the order concerning serious crime (`seriousCrime`, true unless given). */
  readsSeriousCrime?: boolean;
  /** Data the provider may not give and must object to, whatever its policy, when a request asks for it. */
  objectTo?: readonly DataCategory[];
  /**
   * When the order names a notified enforcing authority (`enforcingStateNotified`): its window to
   * refuse from receipt (an emergency's shorter), and the answer deadline that replaces
   * `respondWithin` for an order that waits for it.
   */
  enforcingReview?: { window: string; emergencyWindow: string; respondWithin: string };
}

const BSI: readonly DataCategory[] = ['basicSubscriberInfo'];
const RECORDS: readonly DataCategory[] = ['basicSubscriberInfo', 'nonContentRecords'];
const STORED: readonly DataCategory[] = [...RECORDS, 'content'];
const fixed = (categories: readonly DataCategory[]) => () => categories;

// DOMAIN §1 row 7, §3: a 2705(b) order, for as long as the court says; ends by expiry, vacatur or stipulation.
// DOMAIN §1 row 7: a 2705(b) order is renewed by a new one (the DOJ policy covers applications and renewals).
const COURT_GAG: GagLaw = { atReceipt: 'never', courtMayOrder: true, renewable: true, endsBy: ['lifted', 'courtOrder'] };
// DOMAIN §1 row 15: a partner country's gag is per its law, which DOMAIN does not say renews an order.
const PARTNER_GAG: GagLaw = { ...COURT_GAG, renewable: false };
// DOMAIN §1 rows 18-19: no gag on civil process; §3: no US gag source reaches a direct foreign request.
const NO_GAG: GagLaw = { atReceipt: 'never', courtMayOrder: false, renewable: false, endsBy: [] };
// DOMAIN §1 row 7: motion to vacate or modify the 2705(b) order, no statutory deadline.
const VACATE: GagRoute = { id: 'vacateNondisclosure' };
const MOTION_TO_QUASH: ProcessRoute = { id: 'motionToQuash' };
// DOMAIN §1 row 14, §2 CLOUD_MOTION_TO_QUASH: 14 days from service, content process, customer neither a
// US person nor resident, conflict with a qualifying foreign government's law (§8: UK, Australia).
const CLOUD_MOTION: ProcessRoute = {
  id: 'cloudActComityMotion',
  window: 'P14D',
  // Counted as a court counts a statute's days (FRCP 6(a), Fed. R. Crim. P. 45(a), DOMAIN §2 cautions).
  rollsForward: true,
  // Whose law is at risk decides, by default the residence country's; where the customer lives beyond the US does not.
  open: (r) => !r.target.usPerson && !r.target.residesInUS && ['GB', 'AU'].includes(r.target.foreignLawAtRisk ?? r.target.residenceCountry) && overlap(r.categories, ['content']).length > 0,
};
const plain = { refuseOn: [], turnAway: [] };

/** The thirteen kinds of legal demand, in catalogue order. */
export const DEMAND_KINDS = [
  'subpoena',
  'administrativeSubpoena',
  'courtOrder',
  'searchWarrant',
  'penRegister',
  'nationalSecurityLetter',
  'fisaOrder',
  'mlat',
  'foreignDirect',
  'cloudActAgreement',
  'euProductionOrder',
  'civilSubpoena',
  'dmcaSubpoena',
] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

/**
 * The thirteen legal-demand kinds, each re-expressed from the law the model's specs cite. The
 * comment on each row names the DOMAIN.md rows it rests on.
 */
export const DEMAND_LAW: Readonly<Record<DemandKind, DemandLaw>> = {
  // DOMAIN §1 row 1: 2703(c)(2), BSI only; FRCP 17(c) motion to quash, no SCA deadline.
  subpoena: { ...plain, compels: fixed(BSI), gag: COURT_GAG, processRoutes: [MOTION_TO_QUASH], gagRoutes: [VACATE] },
  // DOMAIN §1 row 1, §intro source 1: agency subpoena (many from the SEC), BSI only.
  administrativeSubpoena: { ...plain, compels: fixed(BSI), gag: COURT_GAG, processRoutes: [MOTION_TO_QUASH], gagRoutes: [VACATE] },
  // DOMAIN §1 rows 2-3: 2703(d), non-content records; motion "promptly", no fixed days.
  courtOrder: { ...plain, compels: fixed(RECORDS), gag: COURT_GAG, processRoutes: [MOTION_TO_QUASH], gagRoutes: [VACATE] },
  // DOMAIN §1 rows 4 and 14: content and all non-content, wherever stored; CLOUD Act comity motion.
  searchWarrant: { ...plain, compels: fixed(STORED), gag: COURT_GAG, processRoutes: [CLOUD_MOTION, MOTION_TO_QUASH], gagRoutes: [VACATE] },
  // DOMAIN §1 row 9, §3: routing data only, sealed by 3123(d) until the court orders otherwise;
  // §2 PEN_ORDER, PEN_EXTENSION: 60 days from the order's date, extensions of 60 days each.
  penRegister: {
    ...plain,
    compels: fixed(['realTimeNonContent']),
    gag: { atReceipt: 'always', courtMayOrder: false, renewable: false, endsBy: ['courtOrder'] },
    processRoutes: [{ id: 'motionToIssuingCourt' }],
    gagRoutes: [{ id: 'motionToUnseal' }],
    term: { length: 'P60D', extension: 'P60D' },
  },
  // DOMAIN §1 row 11: name, address, length of service, toll billing (not IPs); gag if certified, indefinite,
  // FBI reviews at 3 years and closure (§2 NSL_FBI_REVIEW_3Y, _CLOSE); §2 NSL_GOV_APPLICATION: 30 days.
  nationalSecurityLetter: {
    ...plain,
    compels: fixed(['subscriberIdentity', 'tollBillingRecords']),
    gag: { atReceipt: 'ifCertified', courtMayOrder: false, renewable: false, endsBy: ['lifted', 'threeYearReview', 'investigationClosed', 'courtOrder'] },
    processRoutes: [{ id: 'petitionToSetAside' }],
    gagRoutes: [{ id: 'reciprocalNotice', governmentAppliesWithin: 'P30D' }, { id: 'petitionAgainstNondisclosure' }],
  },
  // DOMAIN §1 row 13, §3: content and non-content of targets abroad; secret with no end date.
  fisaOrder: {
    ...plain,
    compels: fixed([...STORED, 'realTimeNonContent']),
    gag: { atReceipt: 'always', courtMayOrder: false, renewable: false, endsBy: ['lifted', 'courtOrder'] },
    processRoutes: [{ id: 'petitionToFisc' }],
    gagRoutes: [{ id: 'petitionOnSecrecy' }],
  },
  // DOMAIN §1 row 16: the US process a court issues under 3512 decides what is compelled.
  mlat: {
    ...plain,
    compels: (r) => (r.usProcess === 'subpoena' ? BSI : r.usProcess === 'courtOrder' ? RECORDS : STORED),
    gag: COURT_GAG,
    processRoutes: [CLOUD_MOTION, MOTION_TO_QUASH],
    gagRoutes: [VACATE],
  },
  // DOMAIN §intro source 1, §8: subscriber data at the provider's discretion; refused on a conflict
  // with the privacy law of the user's country of residence.
  foreignDirect: { compels: fixed(BSI), gag: NO_GAG, processRoutes: [], gagRoutes: [], refuseOn: ['foreignLawConflict'], turnAway: [] },
  // DOMAIN §1 row 15: as the agreement allows; never aimed at a US person or anyone in the US.
  cloudActAgreement: {
    compels: fixed(STORED),
    gag: PARTNER_GAG,
    processRoutes: [{ id: 'agreementObjection' }],
    gagRoutes: [],
    refuseOn: [],
    turnAway: [
      { ground: 'targets a US person', when: (r) => r.target.usPerson },
      { ground: 'targets a person in the US', when: (r) => r.target.residesInUS },
      // DOMAIN §8: partner orders must relate to serious crime (2523(b)).
      { ground: 'does not concern serious crime', when: (r) => r.seriousCrime === false },
    ],
    readsSeriousCrime: true,
  },
  // DOMAIN §1 row 17, §2 EU_EPOC_PRODUCTION: a European Production Order, answered within 10 days; §1 rows 15
  // and 19: a US provider gives a foreign authority non-content records, never content; §2
  // EU_THIRD_COUNTRY_OBJECTION: an Art. 17 reasoned objection within 10 days, owed when content is asked for;
  // confidential, since informing the person is the issuing authority's duty (Art. 13).
  euProductionOrder: {
    ...plain,
    compels: fixed(RECORDS),
    gag: { atReceipt: 'always', courtMayOrder: false, renewable: false, endsBy: ['lifted'] },
    processRoutes: [{ id: 'thirdCountryObjection', window: 'P10D' }],
    gagRoutes: [],
    respondWithin: 'P10D',
    // §2 EU_EPOC_EMERGENCY: 8 hours, read in whole days as the day of receipt.
    respondWithinEmergency: 'P0D',
    objectTo: ['content'],
    // §2 EU_ENFORCING_OBJECTION: 10 days to refuse, 96 hours (4 whole days) in an emergency;
    // EU_EPOC_PRODUCTION: data at the end of the 10 days, read as the day after they end.
    enforcingReview: { window: 'P10D', emergencyWindow: 'P4D', respondWithin: 'P11D' },
  },
  // DOMAIN §1 row 19, §2 FRCP45_OBJECTION: non-content only; written objection within 14 days, or by the compliance date if earlier.
  civilSubpoena: {
    ...plain,
    compels: fixed(['basicSubscriberInfo', 'nonContentRecords']),
    gag: NO_GAG,
    // FRCP 6(a)(1)(C): the 14 days' last day rolls past a weekend or legal holiday; the compliance date does not.
    processRoutes: [{ id: 'writtenObjection', window: 'P14D', untilComplianceDate: true, rollsForward: true }, MOTION_TO_QUASH],
    gagRoutes: [],
  },
  // DOMAIN §1 row 18: identifying information only; a defective filing is refused.
  // DOMAIN §1 row 18: RIAA v. Verizon, no 512(h) subpoena against a pure 512(a) conduit.
  dmcaSubpoena: {
    compels: fixed(['subscriberIdentity']),
    gag: NO_GAG,
    processRoutes: [MOTION_TO_QUASH],
    gagRoutes: [],
    refuseOn: ['defective'],
    turnAway: [{ ground: 'a conduit: 512(h) reaches only a provider that stores the material', when: (r) => r.conduit === true }],
    readsConduit: true,
  },
};
