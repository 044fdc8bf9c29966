import type { AnyMachineSnapshot } from 'xstate';

/** The user-notice status a snapshot's vocabulary tags say, for display. */
export function noticeStatus(snapshot: AnyMachineSnapshot): string {
  if (snapshot.hasTag('overdue') && snapshot.hasTag('noticeDue')) return 'overdue';
  if (snapshot.hasTag('noticeDue')) return 'due';
  if (snapshot.hasTag('noticeSent')) return 'sent';
  if (snapshot.hasTag('noticeDeferred')) return 'deferred';
  if (snapshot.hasTag('noticeWaived')) return 'waived';
  if (snapshot.hasTag('noticeNotRequired')) return 'not required';
  return 'not sent';
}
