import type { KindEntry } from './lifecycle/KindEntry.ts';
import { abuseComplaintEntry } from './abuseComplaint.ts';
import { administrativeSubpoenaEntry } from './administrativeSubpoena.ts';
import { civilSubpoenaEntry } from './civilSubpoena.ts';
import { cloudActAgreementEntry } from './cloudActAgreement.ts';
import { courtOrderEntry } from './courtOrder.ts';
import { dataSubjectRequestEntry } from './dataSubjectRequest.ts';
import { dmcaSubpoenaEntry } from './dmcaSubpoena.ts';
import { emergencyEntry } from './emergency.ts';
import { euProductionOrderEntry } from './euProductionOrder.ts';
import { fisaOrderEntry } from './fisaOrder.ts';
import { foreignDirectEntry } from './foreignDirect.ts';
import { mlatEntry } from './mlat.ts';
import { nationalSecurityLetterEntry } from './nationalSecurityLetter.ts';
import { penRegisterEntry } from './penRegister.ts';
import { preservationEntry } from './preservation.ts';
import { searchWarrantEntry } from './searchWarrant.ts';
import { subpoenaEntry } from './subpoena.ts';

/** Every kind of demand dueprocess models, in the order the CLI lists them. */
export const CATALOGUE: readonly KindEntry[] = [
  subpoenaEntry,
  administrativeSubpoenaEntry,
  courtOrderEntry,
  searchWarrantEntry,
  penRegisterEntry,
  nationalSecurityLetterEntry,
  fisaOrderEntry,
  mlatEntry,
  foreignDirectEntry,
  cloudActAgreementEntry,
  euProductionOrderEntry,
  civilSubpoenaEntry,
  dmcaSubpoenaEntry,
  emergencyEntry,
  preservationEntry,
  abuseComplaintEntry,
  dataSubjectRequestEntry,
];

/**
 * The catalogue's kinds by name, in catalogue order: what an unknown kind's fix lists and what a
 * misspelt one is matched against.
 *
 * @example
 * KIND_NAMES[0]; // 'subpoena'
 */
export const KIND_NAMES: readonly string[] = CATALOGUE.map((e) => e.kind);

/** The catalogue entry of a kind, or undefined. */
export function findKind(kind: string): KindEntry | undefined {
  return CATALOGUE.find((e) => e.kind === kind);
}
