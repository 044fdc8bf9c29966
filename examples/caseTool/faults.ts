import { InputError } from '../../src/domain/InputError.ts';

/**
 * Bugs the case tool can be opened with, for checking that a conformance suite catches them.
 * Each is one conditional in the tool's own code; with no fault the tool behaves as the model.
 */
export const FAULTS = [
  { id: 'notice-during-gag', title: 'The user is notified while a gag is in force' },
  { id: 'window-one-day-long', title: 'A 14-day statutory challenge window is counted as 15 days' },
  { id: 'subpoena-discloses-content', title: 'Content is disclosed on a subpoena: the compellable check is skipped for subpoenas' },
  { id: 'delayed-notice-forgotten', title: 'After a gag ends on a case disclosed in secret, the delayed notice never falls due' },
  { id: 'preservation-extended-twice', title: 'A preservation request is extended a second time' },
  { id: 'emergency-unassessed-disclosure', title: 'Emergency data is disclosed before the good-faith assessment' },
  { id: 'objection-window-ignored', title: 'Data is disclosed while the notified user’s objection window is still open' },
  { id: 'months-as-30-days', title: 'Months are counted as 30 days instead of at their shortest' },
  { id: 'retention-from-oldest-version', title: 'Retention is read from the policy’s oldest version, not the one in force on receipt' },
  { id: 'lapsed-window-accepts-filing', title: 'A challenge is accepted after its statutory window has lapsed' },
  { id: 'nsl-gag-expires', title: 'An NSL gag is treated as ending at the FBI’s three-year review' },
  { id: 'lifted-gag-still-secret', title: 'A gag lifted by the government or a court is still reported as secrecy' },
  { id: 'abuse-closed-uninformed', title: 'An abuse complaint is closed without telling the complainant who the host is' },
  { id: 'disclosed-past-retention', title: 'Records older than the policy’s retention are disclosed' },
  { id: 'access-answered-under-gag', title: 'A data-subject access request is answered while a gag on another case covers the account' },
  { id: 'renewal-keeps-old-term', title: 'A gag order renewed before it lapses still ends on the old order’s date' },
] as const satisfies readonly { id: string; title: string }[];

export type FaultId = (typeof FAULTS)[number]['id'];

/**
 * A fault id checked against `FAULTS`; `undefined` and `''` mean the correct tool.
 *
 * @example
 * faultId(process.env.DUEPROCESS_FAULT, 'DUEPROCESS_FAULT') // 'notice-during-gag', or undefined
 */
export function faultId(value: unknown, field = 'fault'): FaultId | undefined {
  if (value === undefined || value === '') return undefined;
  const found = FAULTS.find((f) => f.id === value);
  if (!found) throw new InputError('invalid', field, value, 'is not a fault the case tool knows', `leave it unset for the correct tool, or use one of ${FAULTS.map((f) => f.id).join(', ')}`);
  return found.id;
}
