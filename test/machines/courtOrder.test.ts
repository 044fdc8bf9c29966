import { describe, expect, it } from 'vitest';
import { courtOrderEntry, courtOrderSpec } from '../../machines/courtOrder.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, pendingTimers, play, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = courtOrderEntry;
const records = { categories: ['basicSubscriberInfo', 'nonContentRecords'] };

describe('2703(d) court order', () => {
  it('compels non-content records and everything a subpoena can, never content', () => {
    expect(courtOrderSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords']);
  });

  it('complies in full when all the records asked for are disclosed after the objection window', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [1, ev.noticeSent()], [16, ev.disclose('basicSubscriberInfo', 'nonContentRecords')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.context.disclosed).toBe(true);
  });

  it('closes as disclosed in part when some held records are withheld', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [1, ev.noticeSent()], [16, ev.disclose('basicSubscriberInfo')]]);

    expect(run.snapshot.matches({ process: 'disclosedInPart' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it('is refused', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [2, ev.refuse('no specific and articulable facts')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
  });

  it('is quashed on a prompt motion as unduly burdensome', () => {
    const run = play(startCase(entry, records), [[1, ev.review()], [3, ev.file('motionToQuash')], [20, ev.decide('motionToQuash')]]);

    expect(run.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it('is modified, not quashed, when the court narrows it', () => {
    const run = play(startCase(entry, records), [[3, ev.file('motionToQuash')], [20, ev.decide('motionToQuash', 'modified')]]);

    expect(run.snapshot.matches({ process: 'compliance' })).toBe(true);
  });

  it('rejects a content disclosure even when content was asked for', () => {
    const noticed = play(startCase(entry, { categories: ['nonContentRecords', 'content'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
  });
});

describe('court order records under Cloudflare’s retention (transactional logs kept 7 days)', () => {
  it.each([
    [7, 'review'],
    [8, 'noRecords'],
  ])('non-content records %i days old: %s at intake', (dataAgeDays, state) => {
    const run = startCase(entry, { categories: ['nonContentRecords'], dataAgeDays }, 'cloudflare');

    expect(run.snapshot.matches({ process: state })).toBe(true);
  });

  it('discloses in full what is still held, and rejects the expired records', () => {
    const noticed = play(startCase(entry, { ...records, dataAgeDays: 30 }, 'cloudflare'), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('basicSubscriberInfo', 'nonContentRecords')).reason).toBe('notAccepted');
    expect(play(noticed, [[16, ev.disclose('basicSubscriberInfo')]]).snapshot.matches({ process: 'disclosedInFull' })).toBe(true);
  });
});

describe('court order with an open-ended 2705(b) order', () => {
  const gagged = () => play(startCase(entry, { ...records, secrecyOrder: {} }), [[1, ev.review()], [2, ev.disclose('basicSubscriberInfo', 'nonContentRecords')]]);

  it('has no end date: ten years on, the notice is still deferred', () => {
    const run = advanceTo(gagged(), 3650, true);

    expect(run.snapshot.matches({ secrecy: { inForce: { term: 'openEnded' } }, notice: 'deferred' })).toBe(true);
    expect(pendingTimers(run)).toEqual([]);
  });

  it('ends by court order, not by an NSL-style three-year review', () => {
    const run = gagged();

    expect(rejectionOf(run, 400, ev.lift('threeYearReview')).reason).toBe('notAccepted');
    expect(play(run, [[400, ev.lift('courtOrder')]]).snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
  });
});
