import { describe, expect, it } from 'vitest';
import { civilSubpoenaEntry, civilSubpoenaSpec } from '../../machines/civilSubpoena.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = civilSubpoenaEntry;
const OBJECTION = 'writtenObjection';
const records = { categories: ['basicSubscriberInfo', 'nonContentRecords'] };

describe('civil subpoena (FRCP 45)', () => {
  it('reaches non-content records at most, with no gag', () => {
    expect(civilSubpoenaSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords']);
    expect(civilSubpoenaSpec.secrecy.regime).toBe('none');
  });

  it('complies in full after notice and the objection window', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [1, ev.noticeSent()], [16, ev.disclose('basicSubscriberInfo', 'nonContentRecords')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it('closes as disclosed in part when only the subscriber data goes out', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [1, ev.noticeSent()], [16, ev.disclose('basicSubscriberInfo')]]);

    expect(run.snapshot.matches({ process: 'disclosedInPart' })).toBe(true);
  });

  it('never discloses content to a civil litigant, even when asked for', () => {
    const noticed = play(startCase(entry, { categories: ['content', 'basicSubscriberInfo'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
    expect(rejectionOf(noticed, 16, ev.disclose('basicSubscriberInfo', 'content')).reason).toBe('notAccepted');
  });

  it('is refused', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [2, ev.refuse('no reasonable time to comply')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
  });
});

describe('civil subpoena: written objection within 14 days of service (FRCP 45(d)(2)(B))', () => {
  it('closes the window the day before the compliance date when that comes before day 14, and never later than day 14', () => {
    // Received 2026-03-02, to comply on 2026-03-09 (day 7): served "before the time specified for compliance", so by day 6.
    const early = startCase(entry, { ...records, complyBy: '2026-03-09' });
    expect(pendingTimers(early)).toEqual([['writtenObjectionWindow', 6]]);
    expect(play(early, [[6, ev.file(OBJECTION)]]).snapshot.matches({ window_writtenObjection: 'used' })).toBe(true);
    expect(rejectionOf(early, 7, ev.file(OBJECTION)).reason).toBe('notAccepted');
    expect(pendingTimers(startCase(entry, { ...records, complyBy: '2026-04-30' }))).toEqual([['writtenObjectionWindow', 14]]);
  });

  it('refuses a compliance date on or before the day of receipt, naming complyBy', () => {
    expect(() => startCase(entry, { ...records, complyBy: '2026-03-02' })).toThrow(/complyBy/);
    expect(civilSubpoenaEntry.requestSchema.safeParse({ ...rawRequest('civilSubpoena', records), complyBy: '2026-03-01' }).success).toBe(false);
  });

  it('opens the window at receipt, due at the end of day 14', () => {
    expect(pendingTimers(startCase(entry, records))).toEqual([['writtenObjectionWindow', 14]]);
  });

  it('takes an objection on day 14, and quashes the subpoena when it is upheld', () => {
    const filed = play(startCase(entry, records), [[1, ev.review()], [14, ev.file(OBJECTION)]]);
    const run = play(filed, [[30, ev.decide(OBJECTION)]]);

    expect(filed.snapshot.matches({ process: 'challenged', window_writtenObjection: 'used' })).toBe(true);
    expect(run.snapshot.matches({ process: 'quashed', notice: 'notRequired' })).toBe(true);
  });

  it('rejects an objection on day 15, but a timely motion to quash is still open', () => {
    const reviewed = play(startCase(entry, records), [[1, ev.review()]]);

    expect(rejectionOf(reviewed, 15, ev.file(OBJECTION)).reason).toBe('notAccepted');
    expect(firedTimers(advanceTo(reviewed, 15))).toEqual([[14, 'writtenObjectionWindow']]);
    expect(play(reviewed, [[15, ev.file('motionToQuash')]]).snapshot.matches({ process: 'challenged' })).toBe(true);
  });

  it('returns to compliance when the objection is overruled', () => {
    const run = play(startCase(entry, records), [[3, ev.file(OBJECTION)], [25, ev.decide(OBJECTION, 'lost')]]);

    expect(run.snapshot.matches({ process: 'compliance', window_writtenObjection: 'used' })).toBe(true);
  });

  it('rejects an objection once the case is closed', () => {
    const refused = play(startCase(entry, records), [[1, ev.refuse('privileged')]]);

    expect(rejectionOf(refused, 3, ev.file(OBJECTION)).reason).toBe('notAccepted');
  });

  it('runs the 14 days past a last day on a weekend or legal holiday (FRCP 6(a)(1)(C)), but not past the compliance date', () => {
    // 2026-02-02 + 14 is Washington's Birthday (Monday 2026-02-16): the window runs through Tuesday, day 15.
    const holiday = startCase(entry, { ...records, receivedOn: '2026-02-02' });
    expect(pendingTimers(holiday)).toEqual([['writtenObjectionWindow', 15]]);
    expect(play(holiday, [[15, ev.file(OBJECTION)]]).snapshot.matches({ window_writtenObjection: 'used' })).toBe(true);
    expect(rejectionOf(holiday, 16, ev.file(OBJECTION)).reason).toBe('notAccepted');
    // Served on a Saturday, the 14th day is a Saturday too: the window runs to Monday, day 16.
    expect(pendingTimers(startCase(entry, { ...records, receivedOn: '2026-01-17' }))).toEqual([['writtenObjectionWindow', 16]]);
    // Day 14 is Juneteenth, a Friday: on through the weekend to Monday, day 17.
    expect(pendingTimers(startCase(entry, { ...records, receivedOn: '2026-06-05' }))).toEqual([['writtenObjectionWindow', 17]]);
    // A compliance date is a date, not a period: served before it, by day 14, though that day is a holiday.
    expect(pendingTimers(startCase(entry, { ...records, receivedOn: '2026-02-02', complyBy: '2026-02-17' }))).toEqual([['writtenObjectionWindow', 14]]);
  });
});
