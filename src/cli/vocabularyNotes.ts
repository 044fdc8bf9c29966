import type { AnyStateMachine } from 'xstate';
import { didYouMean } from '../domain/didYouMean.ts';
import { VocabularyEvent } from '../domain/events.ts';
import { OUTCOME_TAGS, TAGS } from '../domain/tags.ts';
import { machineTags } from '../rules/checkMachine.ts';

const EVENT_TYPES: readonly string[] = VocabularyEvent.options.map((o) => o.shape.type.value);
const TAG_NAMES: readonly string[] = [...Object.values(TAGS), ...OUTCOME_TAGS, 'preserving'];
/** Words some rule keys on: a machine with none of them is checked by the universal rules alone. */
const SPOKEN_TAGS = ['secrecy', 'noticeSent', 'noticeDue', 'preserving'];
const SPOKEN_EVENTS = ['notice.sent', 'data.disclosed', 'secrecy.imposed', 'emergency.assessed', 'complaint.forwarded', 'request.fulfilled', 'response.extended'];

/**
 * What a user's machine says that the rules will not hear: an event type or tag a letter or two
 * off the vocabulary's (rules read only the vocabulary, so `notice.send` turns a rule off
 * without a word), and a machine that speaks none of the secrecy, notice and disclosure
 * vocabulary, for which every rule about them is not applicable and a green result means little.
 *
 * @example
 * vocabularyNotes(machineWithTypo); // ['event "notice.send" is not in the vocabulary, so no rule reads it: did you mean "notice.sent"?']
 */
export function vocabularyNotes(machine: AnyStateMachine): string[] {
  const events = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const tags = [...machineTags(machine)];
  const notes: string[] = [];
  for (const type of events) {
    const meant = EVENT_TYPES.includes(type) ? undefined : didYouMean(type, EVENT_TYPES);
    if (meant) notes.push(`event "${type}" is not in the vocabulary, so no rule reads it: did you mean "${meant}"?`);
  }
  for (const tag of tags) {
    const meant = TAG_NAMES.includes(tag) ? undefined : didYouMean(tag, TAG_NAMES);
    if (meant) notes.push(`tag "${tag}" is not in the vocabulary, so no rule reads it: did you mean "${meant}"?`);
  }
  // Rules see a disclosure only as the event: an outcome reached some other way discloses unseen.
  if (tags.includes('disclosed') && !events.includes('data.disclosed')) {
    notes.push('a state is tagged disclosed but the machine takes no data.disclosed event: the rules see a disclosure only as that event, so notice-before-disclosure, objection-window, delayed-notice and compellable-only do not apply; disclose with data.disclosed');
  }
  if (!SPOKEN_TAGS.some((t) => tags.includes(t)) && !SPOKEN_EVENTS.some((e) => events.includes(e))) {
    notes.push(`the machine has no state tagged ${SPOKEN_TAGS.join(', ')} and no ${SPOKEN_EVENTS.join(', ')} event: only the rules every machine gets (termination, no-silent-deadline) apply to it, so passing says little (README: "Checking your own machine")`);
  }
  return notes;
}
