import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { COURT_NDO } from './lifecycle/commonSecrecy.ts';
import { VACATE_NDO } from './lifecycle/commonRoutes.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A 2703(d) court order: non-content records on "specific and articulable facts". */
export const courtOrderSpec = {
  kind: 'courtOrder',
  title: 'Court order (18 U.S.C. 2703(d))',
  legalBasis: '18 U.S.C. 2703(d); 2703(c)(1)(B)',
  summary: 'A judge’s 2703(d) order reaches non-content records and everything a subpoena can; usually with a gag.',
  compels: ['basicSubscriberInfo', 'nonContentRecords'],
  compelsNote: 'Content only on the 2703(b)(1)(B)(ii) prior-notice path, which providers answer with a warrant demand (not modelled).',
  compelsSources: [
    src('§1 row 2', '2703(d): records or other information pertaining to a subscriber, not content', 'S'),
    src('§1 row 3', 'Providers demand a warrant for content (U.S. v. Warshak)', 'L'),
  ],
  secrecy: COURT_NDO,
  routes: [
    {
      id: 'motionToQuash',
      title: 'Motion to quash or modify: unusually voluminous or unduly burdensome ("promptly")',
      against: 'process',
      sources: [src('§1 row 2', '2703(d) last sentence: provider may move promptly; no fixed number of days', 'S')],
    },
    VACATE_NDO,
  ],
  requestSchema: demandRequestFor('courtOrder'),
  sources: [src('§1 row 2', '18 U.S.C. 2703(d)', 'S'), src('§intro source 1', 'Cloudflare: court orders reach briefly-kept transactional data; usually secret', 'S')],
} as const satisfies DemandSpec;

export const courtOrderMachine = createDemandMachine(courtOrderSpec);
export const courtOrderEntry = demandEntry(courtOrderSpec, courtOrderMachine);
