import { withinCategories } from '../src/domain/categories.ts';
import { dayNumber } from '../src/domain/date.ts';
import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** The day Regulation (EU) 2023/1543 applies (DOMAIN §2 EU_EEVIDENCE_APPLIES). */
export const E_EVIDENCE_APPLIES = '2026-08-18';

/** Member States bound by the Regulation: the EU but Denmark, which does not take part (DOMAIN §8); Greece as GR or the EU's EL. */
const E_EVIDENCE_STATES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'EL', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'] as const;

/**
 * A European Production Order (Regulation (EU) 2023/1543) served on a US provider that offers
 * services in the Union: answered within 10 days of receipt, an emergency one within 8 hours (the
 * day of receipt, in whole days). The order reaches subscriber,
 * traffic and content data under EU law, but 2702(a) bars a US provider from giving content to a
 * foreign authority without a CLOUD Act agreement, which the EU does not have: the provider gives
 * non-content records and meets a demand for content with an Art. 17 reasoned objection. The
 * order is confidential: informing the person is the issuing authority's duty. When its
 * certificate says the enforcing authority was notified (Art. 8), that authority may refuse it
 * within 10 days (96 hours for an emergency), and an order that is not an emergency waits for it.
 */
export const euProductionOrderSpec = {
  kind: 'euProductionOrder',
  title: 'European Production Order (Regulation (EU) 2023/1543)',
  legalBasis: 'Regulation (EU) 2023/1543 Arts 10, 17; 18 U.S.C. 2702',
  summary: 'A Member State authority orders data straight from the provider: answered within 10 days; non-content records may go, content meets an Art. 17 objection.',
  compels: ['basicSubscriberInfo', 'nonContentRecords'],
  compelsNote: 'EU law reaches content too, but 2702(a) bars a US provider from giving it to a foreign authority without a CLOUD Act agreement; it objects under Art. 17 instead.',
  compelsSources: [
    src('§1 row 17', 'Subscriber data, data requested solely to identify the user, traffic data, content', 'S'),
    src('§1 row 19', '2702(c)(6): non-content records to any person other than a (US) governmental entity', 'S'),
    src('§1 row 8', '2711(4): a governmental entity is a US federal, state or local department or agency, so a foreign authority is not one; DOMAIN has no row for 2711(4) (row 8 says only "any governmental entity"), unverified', '?'),
    src('§1 row 15', 'Content to a foreign government only under a CLOUD Act agreement (2702(b)(9), 2523); DOMAIN has no row for 2702(b)(9): row 15 names only "parallel 2702 exceptions" (tagged L), not that they are the only way, unverified', '?'),
  ],
  secrecy: {
    regime: 'statute',
    title: 'Confidential: the issuing authority, not the provider, informs the person (Art. 13)',
    atReceipt: 'always',
    orderPossible: false,
    endsBy: ['lifted'],
    sources: [
      src('§1 row 17', 'User information is the issuing authority’s duty, with delays allowed (Art. 13); secrecy per issuing-state law', '?'),
      src('§1 row 17', 'Art. 13(4): the provider keeps the order confidential unless the issuing authority asks it to inform the person; DOMAIN names Art. 13 only as uncertain and has no Art. 13(4), unverified', '?'),
    ],
  },
  objectionRequired: {
    when: { categoriesInclude: ['content'] },
    sources: [
      src('§1 row 15', 'content to a foreign government only under a CLOUD Act agreement, which the EU does not have; DOMAIN has no row for 2702(b)(9), and §8 gives the EU-US agreement’s status as unknown, unverified', '?'),
      src('§2 EU_THIRD_COUNTRY_OBJECTION', 'Art. 17: a reasoned objection when compliance would conflict with a third country’s law', '?'),
    ],
  },
  routes: [
    {
      id: 'thirdCountryObjection',
      title: 'Reasoned objection: the order conflicts with the law of a third country (Art. 17)',
      against: 'process',
      window: 'P10D',
      sources: [src('§2 EU_THIRD_COUNTRY_OBJECTION', 'Art. 17: reasoned objection, believed 10 days from receipt', '?'), src('§8', 'Art. 17 review when an order conflicts with third-country law', '?')],
    },
  ],
  respondWithin: {
    length: 'P10D',
    sources: [src('§2 EU_EPOC_PRODUCTION', 'Art. 10: produce within 10 days of receipt', 'S')],
    emergency: {
      length: 'P0D',
      sources: [
        src('§2 EU_EPOC_EMERGENCY', 'Art. 10: in an emergency, produce within 8 hours of receipt', 'S'),
        src('§2', 'Whole days: 8 hours is read as the day of receipt, stricter than the Regulation for an order received late in the day (derived, not law)', '?'),
      ],
    },
  },
  enforcingReview: {
    window: 'P10D',
    emergencyWindow: 'P4D',
    respondWithin: 'P11D',
    sources: [
      src('§2 EU_ENFORCING_OBJECTION', 'the enforcing authority may raise grounds for refusal within 10 days of receipt of the notification (96 hours in emergencies), Arts 10, 12', 'S'),
      src('§2 EU_EPOC_PRODUCTION', 'produce within 10 days of receipt, or at the end of the enforcing authority’s 10-day window', 'S'),
      src('§1 row 17', 'the enforcing state is notified in some cases (Art. 8)', 'S'),
      src('§2', 'Whole days: 96 hours as 4 days, and data due at the end of the 10-day window as the day after it (derived, not law)', '?'),
      src('§1 row 17', 'Art. 12: a ground for refusal raised stops the order’s execution; Art. 10(4): an emergency order is answered within 8 hours, not after the 96 hours; DOMAIN gives the windows, not these effects, unverified', '?'),
    ],
  },
  sample: {
    receivedOn: E_EVIDENCE_APPLIES,
    requester: { name: 'Staatsanwaltschaft Berlin', country: 'DE' },
    target: { usPerson: false, residesInUS: false, residenceCountry: 'DE' },
  },
  requestSchema: demandRequestFor(
    'euProductionOrder',
    {
      test: (r) => (E_EVIDENCE_STATES as readonly string[]).includes(r.requester.country),
      path: ['requester', 'country'],
      message: 'is not a Member State bound by Regulation 2023/1543',
      fix: `give the issuing Member State: one of ${E_EVIDENCE_STATES.join(', ')} (Denmark does not take part)`,
    },
    {
      test: (r) => r.enforcingStateNotified !== true || !withinCategories(r.categories, ['basicSubscriberInfo']),
      path: ['enforcingStateNotified'],
      message: 'is true, but the order asks only for subscriber data, of which the enforcing authority is never notified (Art. 8(1): traffic data and content only)',
      fix: 'leave enforcingStateNotified out, or check the certificate: an order naming a notification asks for traffic data or content',
    },
    {
      test: (r) => dayNumber(r.receivedOn) >= dayNumber(E_EVIDENCE_APPLIES),
      path: ['receivedOn'],
      message: `is before ${E_EVIDENCE_APPLIES}, when Regulation 2023/1543 began to apply`,
      fix: `an order received earlier is no European Production Order: open it as foreignDirect, or give a date from ${E_EVIDENCE_APPLIES}`,
    },
  ),
  sources: [src('§1 row 17', 'Regulation (EU) 2023/1543, applies from 18 Aug 2026', 'S'), src('§2 EU_EEVIDENCE_APPLIES', 'applies from 18 Aug 2026', 'S')],
} as const satisfies DemandSpec;

export const euProductionOrderMachine = createDemandMachine(euProductionOrderSpec);
export const euProductionOrderEntry = demandEntry(euProductionOrderSpec, euProductionOrderMachine);
