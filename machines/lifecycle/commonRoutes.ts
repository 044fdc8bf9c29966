import { CLOUD_ACT_PARTNERS } from '../../src/domain/cloudActPartners.ts';
import { src } from '../../src/domain/source.ts';
import type { ChallengeRoute } from './DemandSpec.ts';

/** Motion to vacate or modify a 2705(b) order; the statute sets no deadline (DOMAIN §1 row 7, §3). */
export const VACATE_NDO: ChallengeRoute = {
  id: 'vacateNondisclosure',
  title: 'Motion to vacate or modify the 2705(b) order',
  against: 'secrecy',
  sources: [src('§1 row 7', '18 U.S.C. 2705(b); First Amendment motions (Microsoft, EDNY 2019-20)', 'S')],
};

/**
 * CLOUD Act comity motion: within 14 days of service, for content process, when the customer is
 * not a US person, does not live in the US, and disclosure risks breaking the law of a
 * qualifying foreign government: a partner whose executive agreement was in force when the
 * process came (`CLOUD_ACT_PARTNERS`). Whose law is at risk is `target.foreignLawAtRisk`, by
 * default the customer's residence country; where the customer lives beyond the US is no
 * condition of the statute. Its 14 days are counted as a court counts a statute's days: a last
 * day on a weekend or legal holiday runs on to the next court day (FRCP 6(a)(1)(C), Fed. R. Crim.
 * P. 45(a)(1)(C); DOMAIN §2 cautions).
 */
export const CLOUD_ACT_MOTION: ChallengeRoute = {
  id: 'cloudActComityMotion',
  title: 'CLOUD Act motion to quash or modify (18 U.S.C. 2703(h))',
  against: 'process',
  window: 'P14D',
  rollsForward: true,
  eligible: { usPerson: false, residesInUS: false, qualifyingForeignLawAtRisk: true, categoriesInclude: ['content'] },
  sources: [
    src('§1 row 14', '18 U.S.C. 2703(h)(2): 14 days of service; non-US person not residing in the US; material risk of violating the laws of a qualifying foreign government', 'S'),
    src('§2 CLOUD_MOTION_TO_QUASH', '2703(h)(2)', 'S'),
    src('§2', 'Day-counting: FRCP 6(a) and Fed. R. Crim. P. 45 for U.S. federal rules, which roll a last day on a weekend or legal holiday', 'L'),
    ...CLOUD_ACT_PARTNERS.map((p) => p.source),
  ],
};
