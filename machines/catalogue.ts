import { withSuggestion } from '../src/domain/didYouMean.ts';
import { InputError } from '../src/domain/InputError.ts';
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

/**
 * The error for a kind the catalogue does not have, at `field`: `fix` (by default, the kinds to
 * use) with the kind meant when `kind` is a misspelling of one.
 *
 * @example
 * throw unknownKind('kind', 'subpena'); // kind: is not a kind in the catalogue (got "subpena"). Fix: use one of subpoena, …; did you mean subpoena?
 */
export function unknownKind(field: string, kind: unknown, fix = `use one of ${KIND_NAMES.join(', ')}`, problem = 'is not a kind in the catalogue'): InputError {
  return new InputError('unknownKind', field, kind, problem, withSuggestion(fix, typeof kind === 'string' ? kind : undefined, KIND_NAMES));
}
