import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { NO_SECRECY } from './lifecycle/commonSecrecy.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A private litigant's subpoena (FRCP 45): non-content records only, never content. */
export const civilSubpoenaSpec = {
  kind: 'civilSubpoena',
  title: 'Civil subpoena (FRCP 45)',
  legalBasis: 'Fed. R. Civ. P. 45; 18 U.S.C. 2702(c)(6)',
  summary: 'A private party’s subpoena: non-content records at most, never content; written objection within 14 days of service, or by the compliance date if earlier.',
  compels: ['basicSubscriberInfo', 'nonContentRecords'],
  compelsNote: 'No SCA exception lets a civil litigant compel content (Crispin v. Christian Audigier).',
  compelsSources: [
    src('§1 row 19', '2702(c)(6): non-content to non-government persons; no SCA exception for content', 'S'),
    src('§1 row 19', 'Crispin v. Christian Audigier (C.D. Cal. 2010): no content to civil litigants', 'L'),
  ],
  secrecy: NO_SECRECY,
  routes: [
    {
      id: 'writtenObjection',
      title: 'Written objection (FRCP 45(d)(2)(B)): before the earlier of the compliance date or 14 days after service',
      against: 'process',
      window: 'P14D',
      endsByComplianceDate: true,
      rollsForward: true,
      sources: [
        src('§1 row 19', 'FRCP 45(d)(2)(B): earlier of the compliance date or 14 days after service', 'S'),
        src('§2 FRCP45_OBJECTION', '14 calendar days, computed under FRCP 6(a): a last day on a weekend or legal holiday rolls forward', 'L'),
        src('§2', 'FRCP 6(a)(6)(A) lists the federal legal holidays, each on its observed day (5 U.S.C. 6103); DOMAIN cites 6(a) but not the list, and days declared by the President or Congress or by a state are not modelled, unverified', '?'),
      ],
    },
    {
      id: 'motionToQuash',
      title: 'Timely motion to quash or modify (FRCP 45(d)(3))',
      against: 'process',
      sources: [src('§1 row 19', 'Motion to quash must be "timely"', 'S')],
    },
  ],
  requestSchema: demandRequestFor('civilSubpoena'),
  sources: [src('§1 row 19', 'FRCP 45', 'S'), src('§4', 'Cloudflare: notice before disclosure for government and civil requests alike', 'S')],
} as const satisfies DemandSpec;

export const civilSubpoenaMachine = createDemandMachine(civilSubpoenaSpec);
export const civilSubpoenaEntry = demandEntry(civilSubpoenaSpec, civilSubpoenaMachine);
