import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { COURT_NDO } from './lifecycle/commonSecrecy.ts';
import { CLOUD_ACT_MOTION, VACATE_NDO } from './lifecycle/commonRoutes.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

const STORED_ALL = ['basicSubscriberInfo', 'nonContentRecords', 'content'] as const;

/** A foreign request through a treaty, executed by a US court as the matching US process. */
export const mlatSpec = {
  kind: 'mlat',
  title: 'MLAT / letters rogatory (foreign request through a US court)',
  legalBasis: 'Bilateral mutual legal assistance treaties; 18 U.S.C. 3512',
  summary: 'A foreign authority’s request, reviewed by DOJ and issued by a US court as a subpoena, 2703(d) order or warrant, and handled like that US process.',
  compels: STORED_ALL,
  compelsByProcess: {
    subpoena: ['basicSubscriberInfo'],
    courtOrder: ['basicSubscriberInfo', 'nonContentRecords'],
    searchWarrant: STORED_ALL,
  },
  compelsNote: 'What the US process issued under 18 U.S.C. 3512 compels: the request names it in "usProcess".',
  compelsSources: [
    src('§1 row 16', '3512: a US court issues orders, including 2703 warrants; same data as US process', 'L'),
    src('§intro source 1', 'Cloudflare treats MLAT requests like the matching US order', 'S'),
  ],
  secrecy: COURT_NDO,
  routes: [
    CLOUD_ACT_MOTION,
    {
      id: 'motionToQuash',
      title: 'Motion to quash or modify, as for the matching US process',
      against: 'process',
      sources: [src('§1 row 16', 'As US law', 'L')],
    },
    VACATE_NDO,
  ],
  requestSchema: demandRequestFor('mlat', {
    test: (r) => r.usProcess !== undefined,
    path: ['usProcess'],
    message: 'is needed: what an MLAT request reaches is what the US process issued for it reaches',
    fix: 'say which US process the court issued: "subpoena", "courtOrder" or "searchWarrant"',
  }),
  sources: [src('§1 row 16', 'MLAT / letters rogatory; 18 U.S.C. 3512', 'L')],
} as const satisfies DemandSpec;

export const mlatMachine = createDemandMachine(mlatSpec);
export const mlatEntry = demandEntry(mlatSpec, mlatMachine);
