import { not, or, stateIn } from 'xstate';
import type { ResponseDeadline } from './DemandSpec.ts';

/** The process states in which the demand still waits for the provider's answer. */
const UNANSWERED = ['intake', 'review', 'challengeRequired', 'compliance'] as const;

/**
 * A deadline to answer the process from receipt (a European Production Order's 10 days): met
 * once the process leaves review and compliance (data produced, a challenge or objection filed,
 * a refusal recorded, the demand withdrawn), flagged `overdue` when it passes first, and met late
 * after that. An emergency order (`emergency: true`) is due by the shorter `emergency.length`
 * instead. The provider cannot be made to act, so the model flags rather than forbids (design
 * note 9).
 *
 * @example
 * responseRegion('euProductionOrder', { length: 'P10D', sources }) // the `response` region's config
 */
export function responseRegion(machineId: string, deadline: ResponseDeadline) {
  const answered = not(or(UNANSWERED.map((s) => stateIn(`#${machineId}.process.${s}`))));
  const urgent = deadline.emergency;
  const due = (length: string, sources: ResponseDeadline['sources'], description?: string) => ({
    ...(description ? { description } : {}),
    always: { guard: answered, target: 'answered' },
    after: { [length]: { target: 'overdue', meta: { sources } } },
  });
  return {
    initial: urgent ? 'resolve' : 'due',
    description: `The process must be answered (data produced, an objection filed or a refusal recorded) within ${deadline.length} of receipt${urgent ? `, an emergency order within ${urgent.length}` : ''}.`,
    states: {
      ...(urgent
        ? {
            resolve: { always: [{ guard: 'emergencyOrder', target: 'dueUrgently', meta: { sources: urgent.sources } }, { target: 'due' }] },
            dueUrgently: due(urgent.length, urgent.sources, `An emergency order: answered within ${urgent.length} (whole days: ${urgent.length === 'P0D' ? 'the day of receipt' : urgent.length}).`),
          }
        : {}),
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
