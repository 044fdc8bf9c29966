import type { PolicyVersion, ProviderPolicy } from '../domain/policy.ts';

const PRIVACY = 'letsencrypt/website content/en/privacy.md';

const base: PolicyVersion = {
  title: 'Privacy policy, versions to 28 Jun 2024',
  notice: { beforeDisclosure: true, exceptions: ['futility'], objectionWindow: 'P14D', delayedNoticeWithin: 'P7D', afterEmergency: false },
  challenges: { grounds: [], openEndedSecrecy: false, secrecyLongerThan: null, within: 'P30D' },
  retention: [
    { records: 'subscriber validation records (IPs, ACME and HTTP logs)', categories: ['basicSubscriberInfo', 'nonContentRecords'], keptAtLeast: 'P7Y', deletedAfter: 'P10Y' },
    { records: 'relying-party (OCSP) server logs', categories: ['nonContentRecords'], deletedAfter: 'P7D' },
  ],
  emergency: { criteria: ['deathOrSeriousInjury', 'propertyDamage', 'significantFinancialHarm'], verifyRequester: true, followUpWithin: 'P7D', discloses: ['subscriberIdentity'] },
  transparency: { nationalSecurityBands: 'annualBands100' },
  sources: {
    'notice.beforeDisclosure': `DOMAIN §4 [S] ${PRIVACY}: prior notice of a legally required disclosure so the user can object`,
    'notice.exceptions': `DOMAIN §4 [S] ${PRIVACY}: "unless we are prohibited, or it would be futile"`,
    'notice.objectionWindow': 'DOMAIN §4 [?] no number published; parameter set to the 14 days of FRCP 45(d)(2)(B)',
    'notice.delayedNoticeWithin': 'DOMAIN §4 [?] no number published; parameter',
    'notice.afterEmergency': `DOMAIN §4 [S] ${PRIVACY}: prior notice is promised for a legally required disclosure; an emergency disclosure (§5) is a voluntary one, and no notice after it is promised`,
    'challenges.grounds': `DOMAIN §4 [S] ${PRIVACY}: reserves the right to object, commits to no ground`,
    'challenges.openEndedSecrecy': `DOMAIN §4 [S] ${PRIVACY}: no commitment to challenge gags`,
    'challenges.secrecyLongerThan': `DOMAIN §4 [S] ${PRIVACY}: no commitment`,
    'challenges.within': 'DOMAIN §4 [?] unused while nothing is challenged by policy',
    'retention.0': `DOMAIN §7 [S] ${PRIVACY} to 28 Jun 2024: "minimum of seven years ... maximum of ten years"`,
    'retention.1': `DOMAIN §2 LE_RELYING_PARTY_LOGS [S] ${PRIVACY}: normally deleted in under 7 days`,
    'emergency.criteria': `DOMAIN §5 [S] ${PRIVACY}: good faith, to prevent loss of life, injury, property damage or significant financial harm`,
    'emergency.verifyRequester': 'DOMAIN §5 [S] forged emergency requests; [?] not stated by Let’s Encrypt',
    'emergency.followUpWithin': 'DOMAIN §5 [?] not stated by Let’s Encrypt; parameter',
    'emergency.discloses': `DOMAIN §5 [S] ${PRIVACY}: "may disclose account-recovery information"; [?] read as the subscriber's identity and contact details, not records or content`,
    'transparency.nationalSecurityBands': 'DOMAIN §6 [L] 50 U.S.C. 1874(a)(4): annual, all national-security process combined, bands of 100; Let’s Encrypt publishes no election [?], so the parameter picks the finest bands for a service that expects little such process',
  },
};

const twoYears: PolicyVersion = {
  ...base,
  effectiveFrom: '2025-01-15',
  title: 'Privacy policy from 15 Jan 2025: subscriber records kept at least two years',
  retention: [
    { records: 'subscriber validation records (IPs, ACME and HTTP logs)', categories: ['basicSubscriberInfo', 'nonContentRecords'], keptAtLeast: 'P2Y', deletedAfter: null },
    base.retention[1] ?? { records: 'relying-party (OCSP) server logs', categories: ['nonContentRecords'], deletedAfter: 'P7D' },
  ],
  sources: {
    ...base.sources,
    'retention.0': `DOMAIN §7 [S] ${PRIVACY} from 15 Jan 2025: "minimum of two years per trusted root program requirements", no maximum`,
  },
};

/**
 * Let's Encrypt (ISRG) privacy policy, in the versions that matter for a case's date: subscriber
 * records went from 7-10 years to at least two years (15 Jan 2025), and OCSP logs stopped with
 * the OCSP service (6 Aug 2025).
 */
export const letsencrypt: ProviderPolicy = {
  id: 'letsencrypt',
  name: 'Let’s Encrypt',
  versions: [
    base,
    twoYears,
    {
      ...twoYears,
      effectiveFrom: '2025-08-06',
      title: 'From 6 Aug 2025: OCSP service ended, no relying-party logs are made',
      retention: twoYears.retention.slice(0, 1),
      // The relying-party logs are gone, so their citation moves to the list that no longer holds them.
      sources: {
        ...Object.fromEntries(Object.entries(twoYears.sources).filter(([path]) => path !== 'retention.1')),
        retention: 'DOMAIN §7 [S] letsencrypt/website post 2025-08-06: OCSP service turned off, so no relying-party logs are kept',
      },
    },
  ],
};
