import { src } from '../../src/domain/source.ts';
import type { SecrecySpec } from './DemandSpec.ts';

/** A 2705(b) preclusion-of-notice order: the court sets the length, with or without an end date. */
export const COURT_NDO: SecrecySpec = {
  regime: 'courtOrder',
  title: 'Preclusion-of-notice order (18 U.S.C. 2705(b))',
  atReceipt: 'never',
  orderPossible: true,
  renewal: { sources: [src('§1 row 7', 'DOJ 2017 policy covers 2705(b) applications and renewals: an order is renewed by a new one', 'S')] },
  endsBy: ['lifted', 'courtOrder'],
  sources: [
    src('§1 row 7', '18 U.S.C. 2705(b): "for such period as the court deems appropriate", no cap', 'S'),
    src('§3', '2705(b) order ends by expiry date, court vacatur or government stipulation', 'S'),
  ],
};

/** No nondisclosure obligation can attach (civil and DMCA subpoenas). */
export const NO_SECRECY: SecrecySpec = {
  regime: 'none',
  title: 'No gag possible',
  atReceipt: 'never',
  orderPossible: false,
  endsBy: [],
  sources: [src('§1 row 19', 'FRCP 45: a protective order limits use but is no gag on user notice', 'S'), src('§1 row 18', '512(h): no gag; providers notify by policy', 'S')],
};
