import { not } from 'xstate';
import type { EnforcingReview } from './DemandSpec.ts';

/**
 * The enforcing authority's review of an order it was notified of: open from receipt for its
 * window, during which it may clear the order (`enforcingAuthority.cleared`) or raise a ground for
 * refusal (`enforcingAuthority.refused`, which stops the process). An order that is not an
 * emergency is carried out only once the window has passed or the authority cleared it (the
 * `open` state bars disclosure); an emergency order is answered without waiting (`openUrgently`).
 * A request whose certificate names no notification goes straight to `notNotified`.
 *
 * @example
 * enforcingRegion({ window: 'P10D', emergencyWindow: 'P4D', respondWithin: 'P11D', sources }) // the `enforcing` region's config
 */
export function enforcingRegion(review: EnforcingReview) {
  const decide = { 'enforcingAuthority.cleared': { target: 'cleared' }, 'enforcingAuthority.refused': { target: 'refused', meta: { sources: review.sources } } };
  return {
    initial: 'resolve',
    description: `The enforcing authority, when notified, may raise a ground for refusal within ${review.window} of receipt (${review.emergencyWindow} for an emergency order); an order that is not an emergency waits for it.`,
    states: {
      resolve: {
        always: [
          { guard: not('enforcingStateNotified'), target: 'notNotified' },
          { guard: 'emergencyOrder', target: 'openUrgently', meta: { sources: review.sources } },
          { target: 'open', meta: { sources: review.sources } },
        ],
      },
      notNotified: { type: 'final' as const, description: 'The order names no notification of the enforcing authority: nothing to wait for.' },
      open: {
        tags: ['awaitingEnforcingAuthority'],
        description: `The enforcing authority may still refuse: nothing is disclosed until ${review.window} from receipt have passed or it clears the order.`,
        after: { [review.window]: { target: 'elapsed', meta: { sources: review.sources } } },
        on: decide,
      },
      openUrgently: {
        description: `An emergency order is answered without waiting; the enforcing authority may still refuse within ${review.emergencyWindow}.`,
        after: { [review.emergencyWindow]: { target: 'elapsed', meta: { sources: review.sources } } },
        on: decide,
      },
      elapsed: { type: 'final' as const, description: 'The enforcing authority raised no ground for refusal in time.' },
      cleared: { type: 'final' as const, description: 'The enforcing authority said it raises no ground for refusal.' },
      refused: { type: 'final' as const, description: 'The enforcing authority raised a ground for refusal: the order is not carried out.' },
    },
  };
}
