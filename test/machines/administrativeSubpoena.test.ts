import { describe, expect, it } from 'vitest';
import { administrativeSubpoenaEntry, administrativeSubpoenaSpec } from '../../machines/administrativeSubpoena.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = administrativeSubpoenaEntry;

describe('administrative subpoena (e.g. SEC; 18 U.S.C. 2703(c)(2))', () => {
  it('compels basic subscriber information only', () => {
    expect(administrativeSubpoenaSpec.compels).toEqual(['basicSubscriberInfo']);
  });

  it('complies after notice and the 14-day objection window', () => {
    const run = play(startCase(entry), [[1, ev.review()], [2, ev.noticeSent()], [17, ev.disclose('basicSubscriberInfo')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
    expect(firedTimers(run)).toEqual([[16, 'objectionWindow']]);
  });

  it('is refused', () => {
    const run = play(startCase(entry), [[1, ev.review()], [3, ev.refuse('agency lacks subpoena power')]]);

    expect(run.snapshot.matches({ process: 'refused' })).toBe(true);
    expect(run.snapshot.hasTag('refused')).toBe(true);
  });

  it('is quashed on a motion to quash; the gag route is a different route', () => {
    const filed = play(startCase(entry), [[1, ev.review()], [5, ev.file('motionToQuash')]]);

    const secrecyDecision = rejectionOf(filed, 6, ev.decide('vacateNondisclosure'));
    const run = play(filed, [[40, ev.decide('motionToQuash', 'won')]]);

    expect(secrecyDecision.reason).toBe('notAccepted');
    expect(run.snapshot.matches({ process: 'quashed', notice: 'notRequired' })).toBe(true);
  });

  it('rejects a disclosure of records beyond BSI, and takes toll billing records as a part of BSI', () => {
    const noticed = play(startCase(entry, { categories: ['basicSubscriberInfo', 'nonContentRecords'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('nonContentRecords')).reason).toBe('notAccepted');
    expect(play(noticed, [[16, ev.disclose('tollBillingRecords')]]).snapshot.matches({ process: 'disclosedInPart' })).toBe(true);
  });
});

describe('administrative subpoena with a 90-day 2705(b) order imposed on day 10', () => {
  const gagged = () => play(startCase(entry), [[1, ev.review()], [10, ev.impose(90)], [12, ev.disclose('basicSubscriberInfo')]]);

  it('keeps the notice deferred until the order ends at the end of day 100', () => {
    const run = gagged();

    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 100]);
    expect(advanceTo(run, 100).snapshot.hasTag('noticeDeferred')).toBe(true);
    expect(advanceTo(run, 100, true).snapshot.hasTag('noticeDue')).toBe(true);
  });

  it('lets the delayed notice go out on day 101 but not on day 100', () => {
    const run = gagged();

    expect(rejectionOf(run, 100, ev.noticeSent()).reason).toBe('notAccepted');
    expect(play(run, [[101, ev.noticeSent()]]).snapshot.matches({ notice: 'sentAfterDisclosure' })).toBe(true);
  });

  it('marks the notice overdue at the end of day 107', () => {
    const run = advanceTo(gagged(), 107, true);

    expect(firedTimers(run)).toEqual([
      [100, 'secrecyTerm'],
      [107, 'delayedNotice'],
    ]);
    expect(run.snapshot.matches({ notice: 'overdue' })).toBe(true);
  });
});
