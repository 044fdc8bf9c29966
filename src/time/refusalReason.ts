import type { AnyMachineSnapshot } from 'xstate';
import { eventVariants } from '../explore/eventVariants.ts';

const SHOWN = 4;

/**
 * Why a snapshot refuses an outside event, in words a case tool can show: no active state takes
 * its type, or one does and its guards refuse this payload, with the payloads of that type they
 * take here (those the vocabulary schemas can list, at most four named).
 *
 * @example
 * refusalReason(snapshot, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, acceptedEvents(snapshot))
 * // 'its guards refuse this one; here it is taken as {"categories":["subscriberIdentity"]}, …'
 */
export function refusalReason(snapshot: AnyMachineSnapshot, event: { type: string }, accepted: readonly string[]): string {
  if (!accepted.includes(event.type)) return `no active state takes "${event.type}" now`;
  let taken: { type: string }[];
  try {
    taken = eventVariants([event.type], {}).filter((e) => snapshot.can(e));
  } catch {
    // A payload field the schema cannot list (a route, a ground): nothing to name.
    taken = [];
  }
  if (taken.length === 0) return 'its guards refuse it here';
  const payload = (e: { type: string }) => JSON.stringify(Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'type')));
  const more = taken.length > SHOWN ? ` and ${taken.length - SHOWN} more` : '';
  return `its guards refuse this one; here it is taken as ${taken.slice(0, SHOWN).map(payload).join(', ')}${more}`;
}
