import { not, or, stateIn } from 'xstate';
import type { EnforcingReview, ResponseDeadline } from './DemandSpec.ts';

/** The process states in which the demand still waits for the provider's answer. */
const UNANSWERED = ['intake', 'review', 'challengeRequired', 'compliance'] as const;

/**
 * A deadline to answer the process from receipt (a European Production Order's 10 days): met
 * once the process leaves review and compliance (data produced, a challenge or objection filed,
 * a refusal recorded, the demand withdrawn), flagged `overdue` when it passes first, and met late
 * after that. An emergency order (`emergency: true`) is due by the shorter `emergency.length`
 * instead; one whose enforcing authority was notified and may still refuse it (`review`), by the
 * day after that window ends. The provider cannot be made to act, so the model flags rather than
 * forbids (design note 9).
 *
 * @example
 * responseRegion('euProductionOrder', { length: 'P10D', sources }) // the `response` region's config
 */
export function responseRegion(machineId: string, deadline: ResponseDeadline, review?: EnforcingReview) {
  const answered = not(or(UNANSWERED.map((s) => stateIn(`#${machineId}.process.${s}`))));
  const urgent = deadline.emergency;
  const afterReview = review ? [{ guard: 'enforcingStateNotified', target: 'dueAfterReview', meta: { sources: review.sources } }] : [];
  const due = (length: string, sources: ResponseDeadline['sources'], description?: string) => ({
    ...(description ? { description } : {}),
    always: { guard: answered, target: 'answered' },
    after: { [length]: { target: 'overdue', meta: { sources } } },
  });
  return {
    initial: urgent || review ? 'resolve' : 'due',
    description: `The process must be answered (data produced, an objection filed or a refusal recorded) within ${deadline.length} of receipt${urgent ? `, an emergency order within ${urgent.length}` : ''}${review ? `, one the enforcing authority may still refuse within ${review.respondWithin}` : ''}.`,
    states: {
      ...(urgent || review
        ? { resolve: { always: [...(urgent ? [{ guard: 'emergencyOrder', target: 'dueUrgently', meta: { sources: urgent.sources } }] : []), ...afterReview, { target: 'due' }] } }
        : {}),
      ...(urgent ? { dueUrgently: due(urgent.length, urgent.sources, `An emergency order: answered within ${urgent.length} (whole days: ${urgent.length === 'P0D' ? 'the day of receipt' : urgent.length}).`) } : {}),
      ...(review ? { dueAfterReview: due(review.respondWithin, review.sources, `The enforcing authority was notified: answered by the day after its ${review.window} window ends (${review.respondWithin}).`) } : {}),
      due: due(deadline.length, deadline.sources),
      overdue: {
        tags: ['overdue'],
        description: 'The deadline to answer passed with the process still unanswered.',
        always: { guard: answered, target: 'answeredLate' },
      },
      answered: { type: 'final' as const, description: 'The process was answered in time.' },
      answeredLate: { type: 'final' as const, description: 'The process was answered after its deadline.' },
    },
  };
}
