import { withinCategories } from '../src/domain/categories.ts';
import { durationDays } from '../src/domain/duration.ts';
import { src } from '../src/domain/source.ts';
import { daysIssuedBeforeReceipt } from './lifecycle/datedRegions.ts';
import type { DemandSpec, OrderTerm } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** The order's term is counted from the date it bears, the earliest it can start, not from the day the provider gets it. */
const TERM: OrderTerm = {
  length: 'P60D',
  extension: 'P60D',
  sources: [src('§2 PEN_ORDER', '3123(c)(1): a period of at most 60 days, from the order (installation); the order sets its start, so its date is the cautious one', 'S'), src('§2 PEN_EXTENSION', '3123(c)(2): extensions of at most 60 days each', 'S')],
};

/** A pen register / trap-and-trace order: forward-looking routing data for 60 days, sealed. */
export const penRegisterSpec = {
  kind: 'penRegister',
  title: 'Pen register / trap and trace order (18 U.S.C. 3121-3127)',
  legalBasis: '18 U.S.C. 3121-3127',
  summary: 'A court order for prospective dialing, routing, addressing and signalling data, never content; sealed by statute.',
  compels: ['realTimeNonContent'],
  compelsSources: [src('§1 row 9', '18 U.S.C. 3121(c): not content', 'S'), src('§intro source 1', 'Cloudflare: limited forward-looking data', 'S')],
  secrecy: {
    regime: 'statute',
    title: 'Sealed by statute (18 U.S.C. 3123(d)) until the court orders otherwise',
    atReceipt: 'always',
    orderPossible: false,
    endsBy: ['courtOrder'],
    sources: [src('§1 row 9', '3123(d): sealed; provider must not disclose unless the court orders otherwise', 'S'), src('§3', '3123(d) ends only by court order', 'S')],
  },
  routes: [
    {
      id: 'motionToIssuingCourt',
      title: 'Motion to the issuing court (not specified by statute)',
      against: 'process',
      sources: [src('§1 row 9', 'Motion to the issuing court', '?')],
    },
    {
      id: 'motionToUnseal',
      title: 'Motion to the issuing court to lift the seal',
      against: 'secrecy',
      sources: [src('§3', '3123(d) pen/trap: motion to the issuing court', '?')],
    },
  ],
  term: TERM,
  requestSchema: demandRequestFor(
    'penRegister',
    {
      test: (r) => withinCategories(r.categories, ['realTimeNonContent']),
      path: ['categories'],
      message: 'asks for more than a pen register order reaches: forward-looking non-content only',
      fix: 'list only "realTimeNonContent"',
    },
    {
      test: (r) => daysIssuedBeforeReceipt(r) < durationDays(TERM.length),
      path: ['issuedOn'],
      message: `is ${durationDays(TERM.length)} days or more before receivedOn: the order's term, counted from its date, ended before it was received`,
      fix: 'give the date of the order in force (an extension order bears its own date), or refuse the expired order',
    },
  ),
  sources: [src('§1 row 9', '18 U.S.C. 3121-3127', 'S')],
} as const satisfies DemandSpec;

export const penRegisterMachine = createDemandMachine(penRegisterSpec);
export const penRegisterEntry = demandEntry(penRegisterSpec, penRegisterMachine);
