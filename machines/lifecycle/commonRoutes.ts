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
 * qualifying foreign government (a partner under an executive agreement: UK in force 3 Oct
 * 2022; Australia reported in force 31 Jan 2024).
 */
export const CLOUD_ACT_MOTION: ChallengeRoute = {
  id: 'cloudActComityMotion',
  title: 'CLOUD Act motion to quash or modify (18 U.S.C. 2703(h))',
  against: 'process',
  window: 'P14D',
  eligible: { usPerson: false, residesInUS: false, residenceCountryIn: ['GB', 'AU'], categoriesInclude: ['content'] },
  sources: [
    src('§1 row 14', '18 U.S.C. 2703(h)(2): 14 days of service; non-US person not residing in the US', 'S'),
    src('§2 CLOUD_MOTION_TO_QUASH', '2703(h)(2)', 'S'),
    src('§8', 'CLOUD Act agreements: US-UK in force 3 Oct 2022 [S]; US-Australia entry into force 31 Jan 2024 [?]', '?'),
  ],
};
