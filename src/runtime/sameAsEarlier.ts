import { InputError } from '../domain/InputError.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import type { EventRow } from './CaseStore.ts';
import type { SendResult } from './CaseView.ts';

/**
 * The first answer to an idempotency key, when the send repeats the event it was first used for
 * (and its date, when one is given); a different event under the same key is an InputError.
 *
 * @example
 * const earlier = await tx.eventByKey(caseId, key);
 * if (earlier) return sameAsEarlier(earlier, event, '2026-03-03');
 */
export function sameAsEarlier(earlier: EventRow, event: VocabularyEvent, on: string | null): SendResult {
  const json = JSON.stringify(event);
  if (earlier.event === json && (on === null || on === earlier.on)) return JSON.parse(earlier.result) as SendResult;
  const problem = `was first used for ${earlier.event} on ${earlier.on}, not for ${json}${on === null ? '' : ` on ${on}`}; nothing was applied`;
  throw new InputError('keyReused', 'idempotencyKey', earlier.idempotencyKey, problem, 'give each new event a new idempotency key; resend the first event unchanged to get its answer again');
}
