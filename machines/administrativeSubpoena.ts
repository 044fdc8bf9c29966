import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { COURT_NDO } from './lifecycle/commonSecrecy.ts';
import { VACATE_NDO } from './lifecycle/commonRoutes.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** An agency's administrative subpoena (many from the SEC): basic subscriber information only. */
export const administrativeSubpoenaSpec = {
  kind: 'administrativeSubpoena',
  title: 'Administrative subpoena (e.g. SEC)',
  legalBasis: '18 U.S.C. 2703(c)(2); the agency’s own subpoena statute',
  summary: 'An agency’s subpoena reaches basic subscriber information; no judge reviews it first.',
  compels: ['basicSubscriberInfo'],
  compelsSources: [src('§1 row 1', '18 U.S.C. 2703(c)(2): BSI only', 'S')],
  secrecy: COURT_NDO,
  routes: [
    {
      id: 'motionToQuash',
      title: 'Motion to quash in the issuing court (no SCA deadline for BSI)',
      against: 'process',
      sources: [src('§1 row 1', 'Motion to quash; the SCA fixes no deadline for BSI subpoenas', '?')],
    },
    VACATE_NDO,
  ],
  requestSchema: demandRequestFor('administrativeSubpoena'),
  sources: [
    src('§1 row 1', '18 U.S.C. 2703(c)(2) administrative subpoena', 'S'),
    src('§intro source 1', 'Cloudflare transparency report: administrative subpoenas, many from the SEC', 'S'),
  ],
} as const satisfies DemandSpec;

export const administrativeSubpoenaMachine = createDemandMachine(administrativeSubpoenaSpec);
export const administrativeSubpoenaEntry = demandEntry(administrativeSubpoenaSpec, administrativeSubpoenaMachine);
