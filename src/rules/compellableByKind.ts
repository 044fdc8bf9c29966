import { type DataCategory, sharedCategories } from '../domain/categories.ts';
import type { PolicyVersion } from '../domain/policy.ts';
import { EMERGENCY_LAW, emergencyReach } from '../domain/emergencyLaw.ts';
import { type Source, src } from '../domain/source.ts';

const STORED_ALL: readonly DataCategory[] = ['basicSubscriberInfo', 'nonContentRecords', 'content'];

/**
 * What each kind of process may lawfully reach, kept apart from the machines so that a machine
 * that lets more out is caught. For an MLAT request it is what the US process issued reaches;
 * for an emergency, what 2702 allows to the requester, narrowed by the provider's own emergency
 * policy where it names what it discloses (a voluntary disclosure is the provider's to limit).
 * A listed category reaches its parts (`PART_OF`), so no list names a part beside its whole.
 */
export const COMPELLABLE: Readonly<Record<string, { categories: (input: { usProcess?: string; requester?: { country?: string } }, policy?: PolicyVersion) => readonly DataCategory[]; sources: readonly Source[] }>> = {
  subpoena: { categories: () => ['basicSubscriberInfo'], sources: [src('§1 row 1', '2703(c)(2): BSI only', 'S')] },
  administrativeSubpoena: { categories: () => ['basicSubscriberInfo'], sources: [src('§1 row 1', '2703(c)(2): BSI only', 'S')] },
  courtOrder: {
    categories: () => ['basicSubscriberInfo', 'nonContentRecords'],
    sources: [src('§1 row 2', '2703(d): non-content records', 'S'), src('§1 notes', 'SCA ladder: content needs a warrant in practice', 'S')],
  },
  searchWarrant: { categories: () => STORED_ALL, sources: [src('§1 row 4', '2703 warrant: content and all non-content', 'S')] },
  penRegister: { categories: () => ['realTimeNonContent'], sources: [src('§1 row 9', '3121(c): forward-looking, never content', 'S')] },
  nationalSecurityLetter: {
    categories: () => ['subscriberIdentity', 'tollBillingRecords'],
    sources: [
      src('§1 row 11', '2709; OLC 2008: name, address, length of service, toll billing records only', 'S'),
      src('§1 row 11', 'Google: NSLs cannot reach content, search queries or IP addresses', 'S'),
    ],
  },
  fisaOrder: {
    categories: () => [...STORED_ALL, 'realTimeNonContent'],
    sources: [src('§1 row 13', '1881a: content and non-content', 'S'), src('§1 notes', 'Title I (1805) orders also bind providers', 'L')],
  },
  mlat: {
    // What the US process issued for it reaches: that process's own row, so the two cannot drift.
    categories: (input) => (COMPELLABLE[input.usProcess ?? 'subpoena'] ?? COMPELLABLE['subpoena'])?.categories({}) ?? [],
    sources: [src('§1 row 16', 'Same as the matching US process', 'L')],
  },
  foreignDirect: { categories: () => ['basicSubscriberInfo'], sources: [src('§intro source 1', 'Direct foreign requests: subscriber data at most', 'S')] },
  cloudActAgreement: { categories: () => STORED_ALL, sources: [src('§1 row 15', 'As the agreement allows, content included', 'S')] },
  euProductionOrder: {
    categories: () => ['basicSubscriberInfo', 'nonContentRecords'],
    sources: [src('§1 row 19', '2702(c)(6): non-content records to a foreign authority', 'S'), src('§1 row 15', 'no content to a foreign government without a CLOUD Act agreement', 'L')],
  },
  civilSubpoena: {
    categories: () => ['basicSubscriberInfo', 'nonContentRecords'],
    sources: [src('§1 row 19', '2702(c)(6): non-content to any non-government person; no exception for content', 'S'), src('§1 row 19', 'Crispin v. Christian Audigier (C.D. Cal. 2010): no content to civil litigants', 'L')],
  },
  dmcaSubpoena: { categories: () => ['subscriberIdentity'], sources: [src('§1 row 18', '512(h)(3): information sufficient to identify the alleged infringer', 'S'), src('§1 row 18', 'Reading: identity, not connection, session, toll or payment records', 'L')] },
  emergency: {
    categories: (input, policy) => {
      const lawful = emergencyReach(input.requester?.country);
      const promised = policy?.emergency.discloses;
      return promised ? sharedCategories(lawful, promised) : lawful;
    },
    sources: [
      src('§1 row 8', '2702(b)(8) content, (c)(4) records: stored data', 'S'),
      ...EMERGENCY_LAW.sources.slice(2),
      src('§5', 'Provider practice: Let’s Encrypt may disclose account-recovery information in an emergency', 'S'),
    ],
  },
  preservation: { categories: () => [], sources: [src('§1 row 5', '2703(f): nothing is disclosed', 'L')] },
  abuseComplaint: { categories: () => [], sources: [src('§intro source 2', 'No subscriber data to a complainant without legal process', 'S')] },
};

/**
 * Erasure refusals the rule accepts: GDPR Art. 17(3)(a)-(e); none of the Art. 17(1) grounds
 * applying (the data still necessary for their purpose, 17(1)(a), or overriding legitimate grounds
 * after an objection, 17(1)(c)), so no erasure is owed; records public in Certificate
 * Transparency logs, a limit Let's Encrypt states for copies it cannot erase (others run the
 * logs), not an exception in the law; and the grounds open against any request (Art. 12(5), 12(6)).
 * Grounds that answer other rights only (Art. 15(4), 21(1)) are not erasure refusals.
 */
export const ERASURE_GROUNDS: readonly string[] = [
  'freedomOfExpression',
  'legalObligation',
  'publicHealth',
  'archivingResearchStatistics',
  'legalClaims',
  'noErasureGroundApplies',
  'publicCertificateTransparencyLog',
  'manifestlyUnfoundedOrExcessive',
  'identityNotVerified',
];

/** The CLOUD Act comity motion's route id and its window; whose law it protects is `partnerInForce`. */
export const CLOUD_ACT_ROUTE = { id: 'cloudActComityMotion', days: 14 } as const;
