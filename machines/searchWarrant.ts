import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { COURT_NDO } from './lifecycle/commonSecrecy.ts';
import { CLOUD_ACT_MOTION, VACATE_NDO } from './lifecycle/commonRoutes.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A search warrant on probable cause: content and everything else stored. */
export const searchWarrantSpec = {
  kind: 'searchWarrant',
  title: 'Search warrant (18 U.S.C. 2703(a), (b)(1)(A))',
  legalBasis: '18 U.S.C. 2703(a), (b)(1)(A), (c)(1)(A); Fed. R. Crim. P. 41; 18 U.S.C. 2713',
  summary: 'A judge’s warrant on probable cause reaches stored content and all non-content, wherever stored.',
  compels: ['basicSubscriberInfo', 'nonContentRecords', 'content'],
  compelsSources: [
    src('§1 row 4', '2703(a)/(b)(1)(A): content plus all non-content', 'S'),
    src('§1 row 14', '18 U.S.C. 2713: data in the provider’s control, wherever stored', 'S'),
  ],
  secrecy: COURT_NDO,
  routes: [
    CLOUD_ACT_MOTION,
    {
      id: 'motionToQuash',
      title: 'Motion to quash or modify under court practice',
      against: 'process',
      sources: [src('§1 row 4', 'No statutory provider motion except 2703(h); court practice', 'L')],
    },
    VACATE_NDO,
  ],
  requestSchema: demandRequestFor('searchWarrant'),
  sources: [src('§1 row 4', '18 U.S.C. 2703 warrant', 'S'), src('§intro source 1', 'Cloudflare requires a warrant for content', 'S')],
} as const satisfies DemandSpec;

export const searchWarrantMachine = createDemandMachine(searchWarrantSpec);
export const searchWarrantEntry = demandEntry(searchWarrantSpec, searchWarrantMachine);
