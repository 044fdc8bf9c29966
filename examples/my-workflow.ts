// A provider's own workflow, checked with `npx dueprocess check --machine examples/my-workflow.ts`.
// It speaks the vocabulary (events notice.sent, data.disclosed, secrecy.imposed, secrecy.lifted,
// challenge.filed; tags secrecy, secrecyChallenged, overdue, noticeSent, closed, disclosed), so the
// catalogue's rules apply to it.
import { not, setup, stateIn } from 'xstate';

const DAY = 86_400_000;

type Events =
  | { type: 'secrecy.imposed'; days?: number }
  | { type: 'secrecy.lifted'; reason: 'lifted' | 'courtOrder' | 'threeYearReview' | 'investigationClosed' }
  | { type: 'notice.sent' }
  | { type: 'challenge.filed'; route: string }
  | { type: 'data.disclosed'; categories: ('basicSubscriberInfo' | 'content')[] };

const workflow = (noticeDuringGag: boolean) =>
  setup({
    types: {} as { events: Events },
    guards: { notGagged: not(stateIn('#myWorkflow.gag.inForce')) },
    delays: { objectionWindow: 14 * DAY, secrecyChallengeWindow: 30 * DAY },
  }).createMachine({
    id: 'myWorkflow',
    type: 'parallel',
    meta: { alphabet: { 'secrecy.imposed': { days: [undefined] }, 'challenge.filed': { route: ['vacateNondisclosure'] } } },
    states: {
      gag: {
        initial: 'none',
        states: {
          none: { on: { 'secrecy.imposed': 'inForce' } },
          inForce: {
            tags: ['secrecy'],
            on: { 'secrecy.lifted': 'none', ...(noticeDuringGag ? { 'notice.sent': '#myWorkflow.work.told' } : {}) },
            // A gag with no end date is challenged in time, or the case is flagged overdue.
            initial: 'unchallenged',
            states: {
              unchallenged: { after: { secrecyChallengeWindow: 'challengeOverdue' }, on: { 'challenge.filed': 'challenged' } },
              challengeOverdue: { tags: ['overdue'], on: { 'challenge.filed': 'challenged' } },
              challenged: { tags: ['secrecyChallenged'] },
            },
          },
        },
      },
      work: {
        initial: 'received',
        states: {
          received: { on: { 'notice.sent': { guard: 'notGagged', target: 'told' } } },
          told: { tags: ['noticeSent'], after: { objectionWindow: 'mayDisclose' } },
          mayDisclose: { tags: ['noticeSent'], on: { 'data.disclosed': 'done' } },
          done: { type: 'final', tags: ['noticeSent', 'closed', 'disclosed'] },
        },
      },
    },
  });

/** Notifies only when no gag is in force, and waits out the objection window. */
export const safeWorkflow = workflow(false);

/** Lets a notice go out while a gag is in force: the checker rejects it. */
export default workflow(true);
