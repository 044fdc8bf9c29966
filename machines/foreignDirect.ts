import { src } from '../src/domain/source.ts';
import type { DemandSpec } from './lifecycle/DemandSpec.ts';
import { createDemandMachine } from './lifecycle/createDemandMachine.ts';
import { demandRequestFor } from './lifecycle/demandRequestFor.ts';
import { demandEntry } from './lifecycle/KindEntry.ts';

/** A non-US authority's request under its own law: discretionary, subscriber data at most. */
export const foreignDirectSpec = {
  kind: 'foreignDirect',
  title: 'Direct foreign request (non-US authority under its own law)',
  legalBasis: 'The requesting country’s law; disclosure voluntary for a US provider',
  summary: 'Judged case by case on local law, international norms and provider policy; at most subscriber data; refused where it conflicts with the privacy law of the user’s country of residence.',
  compels: ['basicSubscriberInfo'],
  compelsNote: 'Nothing is compelled: the provider may give subscriber data at its discretion, never more.',
  compelsSources: [src('§intro source 1', 'Cloudflare: direct requests under local process may get subscriber data at its discretion', 'S')],
  secrecy: {
    regime: 'none',
    title: 'No US gag (foreign secrecy rules do not bind a US provider here)',
    atReceipt: 'never',
    orderPossible: false,
    endsBy: [],
    sources: [src('§3', 'US gag sources are 2705(b), NSL, FISA, 3123(d), wiretap; none applies', '?')],
  },
  routes: [],
  refuseOn: ['foreignLawConflict'],
  sample: { requester: { name: 'Bundeskriminalamt', country: 'DE' }, target: { usPerson: false, residesInUS: false, residenceCountry: 'DE' } },
  requestSchema: demandRequestFor('foreignDirect', {
    test: (r) => r.requester.country !== 'US',
    path: ['requester', 'country'],
    message: 'is the US, and a direct foreign request comes from a non-US authority',
    fix: 'open US process as its own kind (subpoena, courtOrder, searchWarrant …)',
  }),
  sources: [
    src('§intro source 1', 'Cloudflare: non-US direct requests judged case by case', 'S'),
    src('§8', 'Cloudflare would challenge requests that conflict with the privacy law of the user’s country of residence', 'S'),
    src('§8', 'GDPR Art. 48: third-country orders need an international agreement', 'S'),
  ],
} as const satisfies DemandSpec;

export const foreignDirectMachine = createDemandMachine(foreignDirectSpec);
export const foreignDirectEntry = demandEntry(foreignDirectSpec, foreignDirectMachine);
