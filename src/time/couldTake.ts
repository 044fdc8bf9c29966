import type { AnyMachineSnapshot } from 'xstate';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { eventVariants } from '../explore/eventVariants.ts';
import { acceptedEvents } from './TimedRun.ts';

/**
 * The concrete events, payloads included, that a snapshot would take: every variant
 * (`eventVariants`, from the vocabulary schemas and the kind's declared `alphabet`) of the event
 * types its active states listen for, kept only when `snapshot.can` (guards evaluated) says it
 * would be taken. Move the run to the day first: a deadline that has passed changes the answer.
 *
 * @example
 * couldTake(entry, advanceTo(run, 10).snapshot) // [{ type: 'request.withdrawn' }, …]
 */
export function couldTake(entry: Pick<KindEntry, 'alphabet'>, snapshot: AnyMachineSnapshot): { type: string }[] {
  return eventVariants(acceptedEvents(snapshot), entry.alphabet).filter((e) => snapshot.can(e));
}
