import { and, not, stateIn } from 'xstate';

/**
 * The user-notice region every legal-demand machine shares (DOMAIN §4): notice before
 * disclosure unless a gag forbids it, an objection window after notice, and a delayed notice
 * that falls due when the gag ends after a secret disclosure.
 */
export function noticeRegion(machineId: string) {
  const inSecrecy = stateIn(`#${machineId}.secrecy.inForce`);
  const sendLate = { 'notice.sent': { guard: not(inSecrecy), target: 'sentAfterDisclosure' } };
  const backToDeferred = { guard: inSecrecy, target: 'deferred' };
  return {
    initial: 'pending',
    states: {
      pending: {
        description: 'The user has not been told yet.',
        always: [
          { guard: 'disclosedAnything', target: 'deferred' },
          { guard: 'closedWithoutDisclosure', target: 'notRequired' },
        ],
        on: {
          'notice.sent': { guard: not(inSecrecy), target: 'sent', meta: { sources: NOTICE_SOURCES } },
          'notice.waived': { guard: and([not(inSecrecy), 'policyAllowsNoticeException']), target: 'waived' },
        },
      },
      sent: {
        tags: ['noticeSent'],
        description: 'The user was told; the policy gives them time to object before disclosure.',
        after: { objectionWindow: 'objectionWindowElapsed' },
      },
      objectionWindowElapsed: {
        tags: ['noticeSent'],
        description: 'The user had the whole objection window.',
      },
      waived: {
        tags: ['noticeWaived'],
        description: 'Notice skipped on a ground the policy lists (e.g. futility).',
      },
      deferred: {
        tags: ['noticeDeferred'],
        description: 'Data went out without notice (under a gag or by policy); notice is owed later.',
        always: { guard: not(inSecrecy), target: 'due' },
      },
      due: {
        tags: ['noticeDue'],
        description: 'The gag has ended: the delayed notice must go out within the policy delay.',
        always: backToDeferred,
        after: { delayedNotice: 'overdue' },
        on: sendLate,
      },
      overdue: {
        tags: ['noticeDue', 'overdue'],
        description: 'The delayed notice is late: the policy delay passed without it.',
        always: backToDeferred,
        on: sendLate,
      },
      sentAfterDisclosure: { type: 'final' as const, tags: ['noticeSent'], description: 'Delayed notice sent.' },
      notRequired: { type: 'final' as const, tags: ['noticeNotRequired'], description: 'Nothing was disclosed: no notice is owed.' },
    },
  };
}

const NOTICE_SOURCES = [
  { domain: '§4', cite: 'Provider policies: Cloudflare, Let’s Encrypt, Google notice before disclosure unless prohibited', confidence: 'S' },
];
