/**
 * State tags of the compliance vocabulary (DESIGN.md). Rules and tools read these, never a
 * machine's state names.
 */
export const TAGS = {
  /** A nondisclosure obligation covers the request. */
  secrecy: 'secrecy',
  /** The gag in force has no end date. */
  secrecyOpenEnded: 'secrecyOpenEnded',
  /** The gag is being challenged. */
  secrecyChallenged: 'secrecyChallenged',
  /** Policy requires the provider to challenge the gag in force. */
  challengeDue: 'challengeDue',
  /** The process (or complaint, or data-subject request) has an outcome. */
  closed: 'closed',
  awaitingChallenge: 'awaitingChallenge',
  challenged: 'challenged',
  noticeSent: 'noticeSent',
  noticeDeferred: 'noticeDeferred',
  noticeDue: 'noticeDue',
  noticeWaived: 'noticeWaived',
  noticeNotRequired: 'noticeNotRequired',
  /** A deadline passed without the act it required. */
  overdue: 'overdue',
} as const;

/** Tags that name an outcome; a closed state carries exactly one. */
export const OUTCOME_TAGS = ['disclosed', 'refused', 'withdrawn', 'noRecords', 'forwarded', 'released', 'handedToProcess', 'fulfilled', 'expired'] as const;
export type OutcomeTag = (typeof OUTCOME_TAGS)[number];
