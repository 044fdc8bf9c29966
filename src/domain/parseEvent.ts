import { didYouMean } from './didYouMean.ts';
import { EVENT_TYPES, MachineEvent, VocabularyEvent } from './events.ts';
import { InputError, fromZod } from './InputError.ts';

const VOCABULARY = new Set<string>(EVENT_TYPES);

/**
 * An outside event checked against the vocabulary schema, or an `InputError` naming the field
 * under `field` (`event.finding`), the value and the fix. With `ownTypes`, an event whose type is
 * not in the vocabulary passes as given (a user's machine may speak events of its own); a
 * vocabulary type is checked all the same. With `taken`, the event is checked as a machine takes
 * it (`MachineEvent`: no sender-only field, a gag's days left from 0) rather than as sent.
 *
 * @example
 * parseEvent({ type: 'review.completed', finding: 'ok' }, 'event'); // throws: event.finding … use one of "sufficient", …
 * parseEvent({ type: 'poke' }, 'event', { ownTypes: true }); // { type: 'poke' }
 */
export function parseEvent(event: unknown, field: string): VocabularyEvent;
export function parseEvent(event: unknown, field: string, opts: { ownTypes: true; taken?: boolean }): { type: string };
export function parseEvent(event: unknown, field: string, { ownTypes = false, taken = false } = {}): { type: string } {
  const type = (event as { type?: unknown } | null)?.type;
  if (ownTypes && typeof type === 'string' && !VOCABULARY.has(type)) return event as { type: string };
  if (ownTypes && typeof type !== 'string') {
    throw new InputError('invalid', `${field}.type`, type, 'is not an event type', 'give the event as an object with a string "type", such as { "type": "notice.sent" }');
  }
  if (typeof type !== 'string' || !VOCABULARY.has(type)) {
    const meant = typeof type === 'string' ? didYouMean(type, EVENT_TYPES) : undefined;
    const all = EVENT_TYPES.join(', ');
    throw new InputError('invalid', `${field}.type`, type, typeof type === 'string' ? 'is not an event type of the vocabulary' : 'is not an event type', meant ? `did you mean "${meant}"?` : `use one of the vocabulary's types: ${all}`);
  }
  const parsed = (taken ? MachineEvent : VocabularyEvent).safeParse(event);
  if (!parsed.success) throw fromZod(parsed.error, event, field);
  return parsed.data;
}
