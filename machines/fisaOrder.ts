import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A FISA order or Section 702 directive: content and non-content of targets abroad, secret by statute. */
export const fisaOrderSpec = {
  kind: 'fisaOrder',
  title: 'FISA order or Section 702 directive (50 U.S.C. 1881a, 1861, 1805)',
  legalBasis: '50 U.S.C. 1881a (directives); 1861(d); 1805(c)',
  summary: 'Foreign-intelligence process: a Section 702 directive (content and non-content of targeted non-US persons abroad) or a FISC order under Title I; secret with no end date.',
  compels: ['basicSubscriberInfo', 'nonContentRecords', 'content', 'realTimeNonContent'],
  compelsNote: 'A 702 directive targets only non-US persons abroad; a Title I order (1805) may reach others, so the kind accepts any target. Section 215 (1861) lapsed on 15 Mar 2020.',
  compelsSources: [
    src('§1 row 13', '1881a: content and non-content of targeted non-US persons reasonably believed abroad', 'S'),
    src('§1 notes', 'FISA Title I electronic-surveillance orders (1805) also bind providers', 'L'),
    src('§1 notes', 'Modelling inference: a Title I order is not limited to non-US persons, so no target is refused', '?'),
    src('§1 row 12', 'Section 215 business-records authority (1861) lapsed on 15 Mar 2020', 'S'),
  ],
  secrecy: {
    regime: 'statute',
    title: 'FISA secrecy (50 U.S.C. 1861(d), 1881a(i), 1805(c)), open-ended',
    atReceipt: 'always',
    orderPossible: false,
    endsBy: ['lifted', 'courtOrder'],
    sources: [
      src('§1 row 13', '1881a: assist "in a manner that will protect the secrecy of the acquisition"', 'S'),
      src('§3', 'FISA: indefinite; ends by government release or FISC order', 'L'),
    ],
  },
  routes: [
    {
      id: 'petitionToFisc',
      title: 'Petition to the FISC to modify or set aside the directive (review timings unverified)',
      against: 'process',
      sources: [src('§1 row 13', 'Petition to the FISC; appeal to the FISCR; timings not verified', '?')],
    },
    {
      id: 'petitionOnSecrecy',
      title: 'Petition to the FISC on the nondisclosure requirement',
      against: 'secrecy',
      sources: [src('§3', 'FISA secrecy: petition to the FISC', '?')],
    },
  ],
  requestSchema: demandRequestFor('fisaOrder'),
  sources: [src('§1 row 13', '50 U.S.C. 1881a; RISAA P.L. 118-49', 'S'), src('§1 row 12/13 notes', 'no notice to targets', 'L')],
} as const satisfies DemandSpec;

export const fisaOrderMachine = createDemandMachine(fisaOrderSpec);
export const fisaOrderEntry = demandEntry(fisaOrderSpec, fisaOrderMachine);
