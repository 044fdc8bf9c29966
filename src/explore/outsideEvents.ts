import type { AnyStateMachine } from 'xstate';

/**
 * The event types a machine can receive from outside, to explore: its own and the vocabulary's,
 * and the completion and failure of each actor it invokes. The checker does not run invoked
 * actors, so their ending is left to the environment, like any outside event: it may come at any
 * time while the invoking state is active (with the `output` or `error` that `meta.alphabet`
 * declares, or none). Timer events are the explorer's own business.
 *
 * @example
 * outsideEvents(machine); // ['notice.sent', …, 'xstate.done.actor.fetch', 'xstate.error.actor.fetch']
 */
export function outsideEvents(machine: AnyStateMachine): string[] {
  return machine.root.events.filter((t) => !t.startsWith('xstate.') || t.startsWith('xstate.done.actor.') || t.startsWith('xstate.error.actor.'));
}
