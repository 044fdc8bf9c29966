import { CLOUD_ACT_PARTNERS, partnerInForce, partnersText } from '../src/domain/cloudActPartners.ts';
import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

const NOT_US_TARGET = [src('§1 row 15', '2523(b): orders may not target US persons or persons in the US', 'S'), src('§8', 'CLOUD Act agreements', 'S')];

/** An order from a partner country under a CLOUD Act executive agreement (UK, Australia). */
export const cloudActAgreementSpec = {
  kind: 'cloudActAgreement',
  title: 'Order under a CLOUD Act executive agreement (18 U.S.C. 2523)',
  legalBasis: '18 U.S.C. 2523; disclosure permitted by 2511(2)(j) and parallel 2702 exceptions',
  summary: 'A partner country’s authority orders data directly; it may not target a US person or anyone in the US, and must concern serious crime.',
  compels: ['basicSubscriberInfo', 'nonContentRecords', 'content'],
  compelsNote: 'As the agreement and the partner’s law allow.',
  compelsSources: [src('§1 row 15', 'As the agreement and that country’s law allow', 'S')],
  secrecy: {
    regime: 'courtOrder',
    title: 'Nondisclosure under the partner country’s law',
    atReceipt: 'never',
    orderPossible: true,
    endsBy: ['lifted', 'courtOrder'],
    sources: [src('§1 row 15', 'Gag per partner law', 'S')],
  },
  routes: [
    {
      id: 'agreementObjection',
      title: 'Objection under the agreement, raised with the US designated authority',
      against: 'process',
      sources: [src('§1 row 15', 'Objection channels under the agreement', '?')],
    },
  ],
  intakeRefusals: [
    { ground: 'targets a US person', when: { usPerson: true }, sources: NOT_US_TARGET },
    { ground: 'targets a person in the US', when: { residesInUS: true }, sources: NOT_US_TARGET },
    {
      ground: 'does not concern serious crime',
      when: { seriousCrime: false },
      sources: [src('§1 row 15', 'as the agreement allows: serious crime', 'S'), src('§8', 'agreements require partner orders to relate to serious crime (2523(b))', 'S')],
    },
  ],
  sample: { requester: { name: 'UK Home Office', country: 'GB' }, target: { usPerson: false, residesInUS: false, residenceCountry: 'GB' } },
  requestSchema: demandRequestFor('cloudActAgreement', {
    test: (r) => partnerInForce(r.requester.country, r.receivedOn),
    path: ['requester', 'country'],
    message: `is not a partner whose agreement was in force on the day the order was received (${partnersText()})`,
    fix: 'open an earlier or other foreign order as an MLAT or a direct foreign request',
  }),
  sources: [src('§1 row 15', '18 U.S.C. 2523', 'S'), ...CLOUD_ACT_PARTNERS.map((p) => p.source)],
} as const satisfies DemandSpec;

export const cloudActAgreementMachine = createDemandMachine(cloudActAgreementSpec);
export const cloudActAgreementEntry = demandEntry(cloudActAgreementSpec, cloudActAgreementMachine);
