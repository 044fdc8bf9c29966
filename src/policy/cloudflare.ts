import type { ProviderPolicy } from '../domain/policy.ts';

const TRUST_HUB = 'cloudflare.com/trust-hub/law-enforcement';

/**
 * Cloudflare's published law-enforcement policy. Values Cloudflare does not publish (how long a
 * notified user gets, how soon a delayed notice goes out) are parameters, tagged [?].
 */
export const cloudflare: ProviderPolicy = {
  id: 'cloudflare',
  name: 'Cloudflare',
  versions: [
    {
      title: 'Trust hub law-enforcement policy and transparency reports',
      notice: { beforeDisclosure: true, exceptions: [], objectionWindow: 'P14D', delayedNoticeWithin: 'P7D', afterEmergency: false },
      challenges: { grounds: ['overbroad', 'defective', 'foreignLawConflict'], openEndedSecrecy: true, secrecyLongerThan: 'P1Y', within: 'P30D' },
      retention: [
        { records: 'account and billing records', categories: ['basicSubscriberInfo'], deletedAfter: null },
        { records: 'transactional logs (visitor IPs, support logs)', categories: ['nonContentRecords'], deletedAfter: 'P7D' },
      ],
      emergency: { criteria: ['deathOrSeriousInjury'], verifyRequester: true, followUpWithin: 'P7D' },
      transparency: { nationalSecurityBands: 'bands250' },
      sources: {
        'notice.beforeDisclosure': `DOMAIN §4 [S] ${TRUST_HUB}: notifies customers before disclosure unless legally prohibited`,
        'notice.exceptions': `DOMAIN §4 [S] ${TRUST_HUB}: the only stated exception is a legal prohibition`,
        'notice.objectionWindow': 'DOMAIN §11 q10 [?] not published; parameter set to the 14 days of FRCP 45(d)(2)(B) (§1 row 19)',
        'notice.delayedNoticeWithin': 'DOMAIN §4 [?] not published; parameter, near the NDO Fairness Act proposal of 5 business days (§2, not law)',
        'notice.afterEmergency': `DOMAIN §4 [S] ${TRUST_HUB}: the notice promise covers "a subpoena or other legal process"; an emergency disclosure is neither, and no notice after it is promised (Google's promise, §4, is Google's)`,
        'challenges.grounds': `DOMAIN §4 [S] ${TRUST_HUB}: challenges requests that are overbroad, lack due process, or conflict with the privacy law of the user’s country of residence`,
        'challenges.openEndedSecrecy': `DOMAIN §4 [S] ${TRUST_HUB}: challenges requests that restrict notice more than needed; NSL-12-358696 (§intro source 1)`,
        'challenges.secrecyLongerThan': 'DOMAIN §1 row 7 [S] DOJ 2017 policy seeks NDOs of one year or less; parameter [?]',
        'challenges.within': 'DOMAIN §4 [?] no published figure; parameter',
        'retention.0': 'DOMAIN §intro source 1 [S] basic subscriber information is released on valid legal process; that it is held for the account’s life [?] is not published: a parameter',
        'retention.1': 'DOMAIN §intro source 1 [S] transactional data is kept only briefly; the length [?] is a parameter',
        'emergency.criteria': 'DOMAIN §intro source 1 [S] emergency requests answered when a death or serious injury is imminent, each judged case by case',
        'emergency.verifyRequester': 'DOMAIN §5 [S] forged emergency requests (2021-22); §intro source 1 [S] each emergency judged case by case',
        'emergency.followUpWithin': 'DOMAIN §intro source 1 [S] legal process asked for afterwards "when time allows"; the length [?] is a parameter',
        'transparency.nationalSecurityBands':
          'DOMAIN §6 [S] blog.cloudflare.com/cloudflare-transparency-report-on-national-security-orders: the 2014 DOJ/DNI option of combined NSL+FISA numbers in bands of 250, kept in 50 U.S.C. 1874(a)(3) [L]; that Cloudflare reported under it, and its current election [?], are not in DOMAIN: a parameter',
      },
    },
  ],
};
