import { describe, expect, it } from 'vitest';
import { EmergencyRequest, emergencyEntry, emergencyMachine } from '../../machines/emergency.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { send } from '../support/runHelpers.ts';

const request = EmergencyRequest.parse({
  kind: 'emergency',
  receivedOn: '2026-03-01',
  account: 'acct-17',
  requester: { name: 'County Sheriff', country: 'US' },
  categories: ['basicSubscriberInfo', 'content'],
  supervisorContact: 'Sgt. Rivera, +1 555 0100',
});

function rejected(run: TimedRun, day: number, event: VocabularyEvent): boolean {
  return !sendEvent(run, day, event).ok;
}

/** Verified, assessed as a threat to life, ready to disclose. */
function emergencyFound(): TimedRun {
  let run = startRun(emergencyMachine, request, 0);
  run = send(run, 0, { type: 'request.verified', authentic: true });
  return send(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
}

describe('emergency disclosure request', () => {
  it('verifies, assesses, discloses, asks for process and notifies once the emergency has passed', () => {
    let run = emergencyFound();
    expect(run.snapshot.matches({ process: 'emergencyFound' })).toBe(true);

    run = send(run, 1, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] });
    expect(run.snapshot.matches({ process: 'disclosed', followUp: 'awaiting', notice: 'deferred' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed') && run.snapshot.hasTag('noticeDeferred')).toBe(true);
    expect(run.timers.map((t) => [t.delay, t.dueDay])).toEqual([['emergencyFollowUp', 8]]);

    run = send(run, 3, { type: 'process.followUpRequested' });
    expect(run.snapshot.matches({ followUp: 'requested' })).toBe(true);
    expect(run.timers).toEqual([]);

    run = send(run, 10, { type: 'emergency.ended' });
    expect(run.snapshot.matches({ notice: 'due' })).toBe(true);
    expect(run.snapshot.hasTag('noticeDue')).toBe(true);
    expect(run.timers.map((t) => [t.delay, t.dueDay])).toEqual([['delayedNotice', 17]]);

    run = send(run, 12, { type: 'notice.sent' });
    expect(run.snapshot.hasTag('noticeSent')).toBe(true);
    expect(run.snapshot.status).toBe('done');
    expect(run.snapshot.context.disclosed).toEqual(['basicSubscriberInfo']);
  });

  it('marks the follow-up and the notice overdue, each at the end of its due day and in due order', () => {
    let run = send(emergencyFound(), 0, { type: 'data.disclosed', categories: ['content'] });
    run = send(run, 2, { type: 'emergency.ended' });
    expect(run.timers.map((t) => [t.delay, t.dueDay])).toEqual([['emergencyFollowUp', 7], ['delayedNotice', 9]]);

    run = advanceTo(run, 7);
    expect(run.snapshot.hasTag('overdue')).toBe(false);
    run = advanceTo(run, 7, true);
    expect(run.snapshot.matches({ followUp: 'followUpOverdue', notice: 'due' })).toBe(true);
    expect(run.snapshot.hasTag('overdue')).toBe(true);

    run = advanceTo(run, 30, true);
    const fired = run.steps.filter((s) => s.trigger.kind === 'timer').map((s) => [s.trigger.kind === 'timer' && s.trigger.delay, s.day]);
    expect(fired).toEqual([['emergencyFollowUp', 7], ['delayedNotice', 9]]);
    expect(run.snapshot.matches({ notice: 'overdue' })).toBe(true);
    expect(run.snapshot.hasTag('noticeDue')).toBe(true);

    run = send(run, 31, { type: 'process.followUpRequested' });
    run = send(run, 31, { type: 'notice.sent' });
    expect(run.snapshot.matches({ followUp: 'requested', notice: 'sent' })).toBe(true);
    expect(run.snapshot.hasTag('overdue')).toBe(false);
  });

  it('refuses a forged request and owes neither follow-up nor notice', () => {
    let run = startRun(emergencyMachine, request, 0);
    expect(run.snapshot.matches({ process: 'verifying' })).toBe(true);
    run = send(run, 0, { type: 'request.verified', authentic: false });
    expect(run.snapshot.matches({ process: 'refused', followUp: 'notRequired', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('refused')).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: forged request');
    expect(rejected(run, 1, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] })).toBe(true);
  });

  it('does not disclose before verification and assessment', () => {
    let run = startRun(emergencyMachine, request, 0);
    expect(rejected(run, 0, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] })).toBe(true);
    expect(rejected(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' })).toBe(true);
    run = send(run, 0, { type: 'request.verified', authentic: true });
    expect(run.snapshot.matches({ process: 'assessing' })).toBe(true);
    expect(rejected(run, 0, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] })).toBe(true);
  });

  it('refuses when the assessment finds no emergency the policy accepts', () => {
    for (const criterion of [null, 'propertyDamage'] as const) {
      let run = send(startRun(emergencyMachine, request, 0), 0, { type: 'request.verified', authentic: true });
      run = send(run, 1, { type: 'emergency.assessed', criterion });
      expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
      expect(run.snapshot.context.outcome).toBe('no emergency: legal process required');
      expect(run.snapshot.context.criterion).toBe(criterion);
    }
  });

  it('skips verification when the policy does not verify requesters', () => {
    const trusting = emergencyMachine.provide({ guards: { policyVerifiesRequester: () => false } });
    const run = startRun(trusting, request, 0);
    expect(run.snapshot.matches({ process: 'assessing' })).toBe(true);
  });

  it('ends in noRecords when an emergency is found but nothing is held', () => {
    const empty = emergencyMachine.provide({ guards: { policyHasRecords: () => false } });
    let run = send(startRun(empty, request, 0), 0, { type: 'request.verified', authentic: true });
    run = send(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
    expect(run.snapshot.matches({ process: 'noRecords', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('noRecords') && run.snapshot.hasTag('closed')).toBe(true);
  });

  it('discloses only stored data that was asked for', () => {
    const run = emergencyFound();
    expect(rejected(run, 0, { type: 'data.disclosed', categories: ['realTimeNonContent'] })).toBe(true);
    expect(rejected(run, 0, { type: 'data.disclosed', categories: ['nonContentRecords'] })).toBe(true);
  });

  it('holds notice back while the emergency lasts', () => {
    const run = send(emergencyFound(), 0, { type: 'data.disclosed', categories: ['content'] });
    expect(rejected(run, 1, { type: 'notice.sent' })).toBe(true);
  });

  it('allows withdrawal and refusal before disclosure, not after', () => {
    const before = emergencyFound();
    const withdrawn = send(before, 0, { type: 'request.withdrawn' });
    expect(withdrawn.snapshot.matches({ process: 'withdrawn', notice: 'notRequired' })).toBe(true);
    const refused = send(before, 0, { type: 'request.refused', ground: 'overbroad' });
    expect(refused.snapshot.context.outcome).toBe('refused: overbroad');

    const after = send(before, 0, { type: 'data.disclosed', categories: ['content'] });
    expect(rejected(after, 1, { type: 'request.withdrawn' })).toBe(true);
    expect(rejected(after, 1, { type: 'request.refused', ground: 'too late' })).toBe(true);
  });

  it('refuses once the emergency is over before anything went out', () => {
    const run = send(emergencyFound(), 2, { type: 'emergency.ended' });
    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired', followUp: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toMatch(/legal process required/);
  });

  it('rejects a request for a live feed, naming the field', () => {
    const result = EmergencyRequest.safeParse({ ...request, categories: ['realTimeNonContent'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['categories', 0]);
    expect(emergencyEntry.requestSchema.safeParse(request).success).toBe(true);
  });
});
