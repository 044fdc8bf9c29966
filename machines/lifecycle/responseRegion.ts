import { not, or, stateIn } from 'xstate';
import type { ResponseDeadline } from './DemandSpec.ts';

/** The process states in which the demand still waits for the provider's answer. */
const UNANSWERED = ['intake', 'review', 'challengeRequired', 'compliance'] as const;

/**
 * A deadline to answer the process from receipt (a European Production Order's 10 days): met
 * once the process leaves review and compliance (data produced, a challenge or objection filed,
 * a refusal recorded, the demand withdrawn), flagged `overdue` when it passes first, and met late
 * after that. The provider cannot be made to act, so the model flags rather than forbids (design
 * note 9).
 *
 * @example
 * responseRegion('euProductionOrder', { length: 'P10D', sources }) // the `response` region's config
 */
export function responseRegion(machineId: string, deadline: ResponseDeadline) {
  const answered = not(or(UNANSWERED.map((s) => stateIn(`#${machineId}.process.${s}`))));
  return {
    initial: 'due',
    description: `The process must be answered (data produced, an objection filed or a refusal recorded) within ${deadline.length} of receipt.`,
    states: {
      due: {
        always: { guard: answered, target: 'answered' },
        after: { [deadline.length]: { target: 'overdue', meta: { sources: deadline.sources } } },
      },
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
