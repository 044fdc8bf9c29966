import type { VocabularyEvent } from '../../src/domain/events.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { DemandState, NoticeStage } from './DemandState.ts';
import type { FaultId } from './faults.ts';
import type { PolicyTerms } from './policyTerms.ts';

const TAGS: Record<NoticeStage, string[]> = {
  pending: [],
  sent: ['noticeSent'],
  elapsed: ['noticeSent'],
  sentLate: ['noticeSent'],
  waived: ['noticeWaived'],
  deferred: ['noticeDeferred'],
  due: ['noticeDue'],
  overdue: ['noticeDue', 'overdue'],
  notRequired: ['noticeNotRequired'],
};

/**
 * The user notice on a legal demand: told before disclosure unless a gag forbids it, then an
 * objection window; or, after a disclosure made without notice, a delayed notice once no gag is
 * in force, within the policy's delay.
 *
 * @example
 * noticeTrack.take(state, { type: 'notice.sent' }, terms, undefined) // false while gagged
 */
export const noticeTrack = {
  take(s: DemandState, event: VocabularyEvent, terms: PolicyTerms, fault: FaultId | undefined): boolean {
    const gagged = s.gag.phase === 'inForce';
    if (event.type === 'notice.sent') {
      if (s.notice === 'pending' && (!gagged || fault === 'notice-during-gag')) s.notice = 'sent';
      else if ((s.notice === 'due' || s.notice === 'overdue') && !gagged) s.notice = 'sentLate';
      else return false;
      return true;
    }
    if (event.type === 'notice.waived' && s.notice === 'pending' && !gagged && terms.noticeExceptions.includes(event.reason)) {
      s.notice = 'waived';
      return true;
    }
    return false;
  },

  expire(s: DemandState, key: string): void {
    if (key === 'notice:sent') s.notice = 'elapsed';
    else if (key === 'notice:due') s.notice = 'overdue';
  },

  /** One round of consequences of the rest of the case; true when the notice moved. */
  settle(s: DemandState, fault: FaultId | undefined): boolean {
    const gagged = s.gag.phase === 'inForce';
    const before = s.notice;
    if (s.notice === 'pending' && s.disclosed.length > 0) s.notice = 'deferred';
    else if (s.notice === 'pending' && s.stage === 'closed') s.notice = 'notRequired';
    else if (s.notice === 'deferred' && !gagged && fault !== 'delayed-notice-forgotten') s.notice = 'due';
    else if ((s.notice === 'due' || s.notice === 'overdue') && gagged) s.notice = 'deferred';
    return s.notice !== before;
  },

  wanted(s: DemandState, terms: PolicyTerms): WantedDeadline[] {
    if (s.notice === 'sent') return [{ key: 'notice:sent', name: 'objectionWindow', days: terms.objectionWindow }];
    if (s.notice === 'due') return [{ key: 'notice:due', name: 'delayedNotice', days: terms.delayedNotice }];
    return [];
  },

  tags(s: DemandState): string[] {
    return TAGS[s.notice];
  },
};
