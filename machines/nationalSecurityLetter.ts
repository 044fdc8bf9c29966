import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** An FBI National Security Letter: four record types, no court, an open-ended gag if certified. */
export const nationalSecurityLetterSpec = {
  kind: 'nationalSecurityLetter',
  title: 'National Security Letter (18 U.S.C. 2709)',
  legalBasis: '18 U.S.C. 2709; judicial review under 18 U.S.C. 3511',
  summary: 'The FBI demands name, address, length of service and toll billing records; the gag, if certified, has no end date.',
  compels: ['subscriberIdentity', 'tollBillingRecords'],
  compelsNote: 'Two parts of basic subscriber information: subscriber identity (name, address, length of service) and toll billing records. Not the rest of it (IP addresses, session times, payment), and no content or search queries.',
  compelsSources: [
    src('§1 row 11', '2709: name, address, length of service, toll billing records; OLC 2008: only these 4 types', 'S'),
    src('§1 row 11', 'Google: NSLs cannot reach content, search queries or IP addresses', 'S'),
    src('§1 row 1', '2703(c)(2): IP addresses, session times and payment are basic subscriber information beyond these types', 'S'),
  ],
  secrecy: {
    regime: 'statute',
    title: 'NSL nondisclosure (18 U.S.C. 2709(c)), open-ended until the FBI or a court ends it',
    atReceipt: 'ifCertified',
    orderPossible: false,
    endsBy: ['lifted', 'threeYearReview', 'investigationClosed', 'courtOrder'],
    sources: [
      src('§1 row 11', '2709(c): gag if the FBI certifies a listed harm; indefinite', 'S'),
      src('§2 NSL_FBI_REVIEW_3Y', 'FBI termination procedures: review at the 3rd anniversary of the investigation', 'S'),
      src('§2 NSL_FBI_REVIEW_CLOSE', 'FBI termination procedures: review at closure', 'S'),
    ],
  },
  routes: [
    {
      id: 'petitionToSetAside',
      title: 'Petition to modify or set aside the NSL (unreasonable, oppressive or unlawful)',
      against: 'process',
      sources: [src('§1 row 11', '18 U.S.C. 3511(a)', 'S')],
    },
    {
      id: 'reciprocalNotice',
      title: 'Reciprocal notice: the government must apply for a court nondisclosure order',
      against: 'secrecy',
      governmentMustApplyWithin: 'P30D',
      sources: [
        src('§2 NSL_GOV_APPLICATION', '3511(b)(1)(B): government applies within 30 days of the notice', 'S'),
        src('§2 NSL_GAG_DURING_REVIEW', 'the gag stays in force until the court rules', 'S'),
      ],
    },
    {
      id: 'petitionAgainstNondisclosure',
      title: 'Petition to a district court to modify or set aside the nondisclosure requirement',
      against: 'secrecy',
      sources: [
        src('§1 row 11', '3511(b)(1): notify the government or petition the court', 'S'),
        src('§2 NSL_GAG_DURING_REVIEW', 'the gag stays in force until the court rules', 'S'),
      ],
    },
  ],
  requestSchema: demandRequestFor('nationalSecurityLetter'),
  sources: [
    src('§1 row 11', '18 U.S.C. 2709; 3511', 'S'),
    src('§intro source 1', 'Cloudflare NSL-12-358696: challenged; no data given; gag until Dec 2016', 'S'),
  ],
} as const satisfies DemandSpec;

export const nationalSecurityLetterMachine = createDemandMachine(nationalSecurityLetterSpec);
export const nationalSecurityLetterEntry = demandEntry(nationalSecurityLetterSpec, nationalSecurityLetterMachine);
