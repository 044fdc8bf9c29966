import { withinCategories } from '../src/domain/categories.ts';
import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { NO_SECRECY } from './lifecycle/commonSecrecy.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A DMCA 512(h) subpoena from a court clerk to identify an alleged infringer. */
export const dmcaSubpoenaSpec = {
  kind: 'dmcaSubpoena',
  title: 'DMCA subpoena (17 U.S.C. 512(h))',
  legalBasis: '17 U.S.C. 512(h)',
  summary: 'Issued by a court clerk on a copyright owner’s papers: information sufficient to identify the alleged infringer.',
  // Identity, not the rest of 2703(c)(2) (IPs, session and toll records, payment): a request may ask for all of it, and gets identity.
  compels: ['subscriberIdentity'],
  compelsNote: 'Information sufficient to identify the alleged infringer, to the extent available: who they are (name, address), not their connection, session or payment records.',
  compelsSources: [
    src('§1 row 18', '512(h)(3): information sufficient to identify the alleged infringer', 'S'),
    src('§1 row 18', 'Reading: identity (name, address) is what identifies; IP logs, session and toll records and payment means are more than that', '?'),
  ],
  secrecy: NO_SECRECY,
  routes: [
    {
      id: 'motionToQuash',
      title: 'Motion to quash under FRCP 45 procedure',
      against: 'process',
      sources: [src('§1 row 18', 'FRCP 45 "to the greatest extent practicable"; First Amendment tests sometimes applied', '?')],
    },
  ],
  refuseOn: ['defective'],
  intakeRefusals: [
    {
      ground: 'a conduit: 512(h) reaches only a provider that stores the material',
      when: { conduit: true },
      sources: [src('§1 row 18', 'RIAA v. Verizon, 351 F.3d 1229 (D.C. Cir. 2003): no 512(h) subpoena against a pure 512(a) conduit', 'S')],
    },
  ],
  requestSchema: demandRequestFor('dmcaSubpoena', {
    test: (r) => withinCategories(r.categories, ['basicSubscriberInfo']),
    path: ['categories'],
    message: 'asks for more than a 512(h) subpoena reaches: information sufficient to identify the alleged infringer',
    fix: 'list only "basicSubscriberInfo" or its parts ("subscriberIdentity", "tollBillingRecords")',
  }),
  sources: [
    src('§1 row 18', '17 U.S.C. 512(h); RIAA v. Verizon (D.C. Cir. 2003): no 512(h) subpoena against a pure conduit', 'S'),
  ],
} as const satisfies DemandSpec;

export const dmcaSubpoenaMachine = createDemandMachine(dmcaSubpoenaSpec);
export const dmcaSubpoenaEntry = demandEntry(dmcaSubpoenaSpec, dmcaSubpoenaMachine);
