import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { COURT_NDO } from './lifecycle/commonSecrecy.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';

/** ECPA subpoena (grand jury or trial): basic subscriber information only. */
export const subpoenaSpec = {
  kind: 'subpoena',
  title: 'Subpoena (ECPA, grand jury or trial)',
  legalBasis: '18 U.S.C. 2703(c)(2); Fed. R. Crim. P. 17(c)',
  summary: 'A prosecutor’s subpoena reaches basic subscriber information; no judge reviews it first.',
  compels: ['basicSubscriberInfo'],
  compelsNote: 'Content only on the 2703(b)(1)(B)(i) prior-notice path, which providers answer with a warrant demand since Warshak (not modelled).',
  compelsSources: [src('§1 row 1', '18 U.S.C. 2703(c)(2)', 'S'), src('§1 row 3', '2703(b)(1)(B): content with prior notice; providers demand a warrant (U.S. v. Warshak, 6th Cir. 2010)', 'L')],
  secrecy: COURT_NDO,
  routes: [
    {
      id: 'motionToQuash',
      title: 'Motion to quash (FRCP 17(c), unreasonable or oppressive)',
      against: 'process',
      sources: [src('§1 row 1', 'Fed. R. Crim. P. 17(c); no SCA deadline for BSI subpoenas', '?')],
    },
    {
      id: 'vacateNondisclosure',
      title: 'Motion to vacate or modify the 2705(b) order',
      against: 'secrecy',
      sources: [src('§1 row 7', '18 U.S.C. 2705(b); First Amendment motions (Microsoft, EDNY 2019-20)', 'S')],
    },
  ],
  requestSchema: demandRequestFor('subpoena'),
  sources: [src('§1 row 1', '18 U.S.C. 2703(c)(2)', 'S'), src('§1 row 7', '18 U.S.C. 2705(b)', 'S')],
} as const satisfies DemandSpec;

export const subpoenaMachine = createDemandMachine(subpoenaSpec);
export const subpoenaEntry = demandEntry(subpoenaSpec, subpoenaMachine);
