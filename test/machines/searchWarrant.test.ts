import { describe, expect, it } from 'vitest';
import { searchWarrantEntry, searchWarrantSpec } from '../../machines/searchWarrant.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import type { z } from 'zod';
import { fromZod } from '../../src/domain/InputError.ts';
import { UK_TARGET, ev, firedTimers, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = searchWarrantEntry;
const MOTION = 'cloudActComityMotion';
const ukContent = { target: UK_TARGET, categories: ['content'] };

describe('search warrant (18 U.S.C. 2703(a), (b)(1)(A))', () => {
  it('compels content and all non-content', () => {
    expect(searchWarrantSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords', 'content']);
  });

  it('complies: content disclosed after notice and the objection window', () => {
    const run = play(startCase(entry, { categories: ['content', 'basicSubscriberInfo'] }), [
      [1, ev.review()],
      [1, ev.noticeSent()],
      [16, ev.disclose('content', 'basicSubscriberInfo')],
    ]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it('is refused', () => {
    const run = play(startCase(entry, { categories: ['content'] }), [[2, ev.refuse('no probable-cause finding on its face')]]);

    expect(run.snapshot.matches({ process: 'refused' })).toBe(true);
  });

  it('is quashed on a motion under court practice, with no deadline', () => {
    const run = play(startCase(entry, { categories: ['content'] }), [[60, ev.file('motionToQuash')], [90, ev.decide('motionToQuash')]]);

    expect(run.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it('discloses content under a 365-day gag and owes notice from day 366', () => {
    const run = play(startCase(entry, { categories: ['content'], secrecyOrder: { days: 365 } }), [[1, ev.review()], [3, ev.disclose('content')]]);
    const ended = advanceTo(run, 365, true);

    expect(rejectionOf(run, 365, ev.noticeSent()).reason).toBe('notAccepted');
    expect(ended.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(play(ended, [[366, ev.noticeSent()]]).snapshot.matches({ notice: 'sentAfterDisclosure' })).toBe(true);
  });

  it('counts a served gag order from the date it bears: 365 days dated 30 days before receipt end on day 335', () => {
    // rawRequest receives on 2026-03-02; the order is dated 2026-01-31.
    const run = startCase(entry, { categories: ['content'], secrecyOrder: { days: 365, issuedOn: '2026-01-31' } });
    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 335]);
    expect(advanceTo(run, 335, true).snapshot.matches({ secrecy: 'ended' })).toBe(true);
    // The policy's limit on gags is held against the length ordered, not what is left of it.
    expect(run.snapshot.context.secrecyDays).toBe(365);
  });

  it.each([
    ['dated after receipt', { days: 30, issuedOn: '2026-03-03' }, 'request.secrecyOrder.issuedOn'],
    ['already over at receipt', { days: 29, issuedOn: '2026-01-31' }, 'request.secrecyOrder.days'],
  ])('refuses a gag order %s, naming the field', (_what, secrecyOrder, field) => {
    const parsed = entry.requestSchema.safeParse(rawRequest('searchWarrant', { secrecyOrder }));
    expect(parsed.success).toBe(false);
    expect(fromZod(parsed.error as z.ZodError, {}, 'request').field).toBe(field);
  });
});

describe('search warrant: CLOUD Act comity motion (2703(h), 14 days from service)', () => {
  it('opens a 14-day window at receipt for a non-US person living in the UK whose content is sought', () => {
    const run = startCase(entry, ukContent);

    expect(pendingTimers(run)).toContainEqual(['cloudActComityMotionWindow', 14]);
    expect(run.snapshot.matches({ window_cloudActComityMotion: 'open' })).toBe(true);
  });

  it('runs the window on to day 15 when day 14 is a legal holiday (FRCP 6(a)(1)(C), Fed. R. Crim. P. 45(a))', () => {
    const run = startCase(entry, { ...ukContent, receivedOn: '2026-02-02' });

    expect(pendingTimers(run)).toContainEqual(['cloudActComityMotionWindow', 15]);
    expect(play(run, [[15, ev.file(MOTION)]]).snapshot.matches({ window_cloudActComityMotion: 'used' })).toBe(true);
    expect(rejectionOf(run, 16, ev.file(MOTION)).reason).toBe('notAccepted');
  });

  it('takes the motion from the day the partner’s agreement is in force: for a UK resident, from 3 Oct 2022', () => {
    const filed = play(startCase(entry, { ...ukContent, receivedOn: '2022-10-03' }), [[1, ev.review()], [3, ev.file(MOTION)]]);
    expect(filed.snapshot.matches({ process: 'challenged' })).toBe(true);
  });

  it('takes the motion for a customer in France whose data UK law protects: whose law is at risk decides, not residence (2703(h)(2)(A)(ii))', () => {
    const target = { usPerson: false, residesInUS: false, residenceCountry: 'FR', foreignLawAtRisk: 'GB' };
    const filed = play(startCase(entry, { target, categories: ['content'] }), [[1, ev.review()], [3, ev.file(MOTION)]]);
    expect(filed.snapshot.matches({ process: 'challenged' })).toBe(true);
  });

  it('takes a filing on day 14 and quashes the warrant when the motion is won', () => {
    const filed = play(startCase(entry, ukContent), [[1, ev.review()], [14, ev.file(MOTION)]]);
    const run = play(filed, [[45, ev.decide(MOTION)]]);

    expect(filed.snapshot.matches({ process: 'challenged', window_cloudActComityMotion: 'used' })).toBe(true);
    expect(run.snapshot.matches({ process: 'quashed', notice: 'notRequired' })).toBe(true);
  });

  it('rejects a filing on day 15: the window lapsed at the end of day 14', () => {
    const run = play(startCase(entry, ukContent), [[1, ev.review()]]);

    const rejection = rejectionOf(run, 15, ev.file(MOTION));

    expect(rejection.reason).toBe('notAccepted');
    expect(firedTimers(advanceTo(run, 15))).toEqual([[14, 'cloudActComityMotionWindow']]);
    expect(advanceTo(run, 15).snapshot.matches({ window_cloudActComityMotion: 'lapsed' })).toBe(true);
  });

  // DOMAIN §1 row 14: only a non-US person not residing in the US, for content, with a qualifying foreign government.
  it.each([
    ['a US person living in the US', { categories: ['content'] }],
    ['a non-US person living in Germany (no qualifying foreign government)', { categories: ['content'], target: { usPerson: false, residesInUS: false, residenceCountry: 'DE' } }],
    ['a UK resident when no content is sought', { target: UK_TARGET, categories: ['basicSubscriberInfo'] }],
    ['a UK resident when only French law is at risk', { categories: ['content'], target: { ...UK_TARGET, foreignLawAtRisk: 'FR' } }],
    ['a UK resident before the US-UK agreement came into force (3 Oct 2022)', { ...ukContent, receivedOn: '2022-10-02' }],
    ['an Australian resident in 2019, when Australia had not even signed', { categories: ['content'], receivedOn: '2019-06-01', target: { usPerson: false, residesInUS: false, residenceCountry: 'AU' } }],
  ])('rejects the motion for %s', (_who, overrides) => {
    const run = play(startCase(entry, overrides), [[1, ev.review()]]);

    expect(rejectionOf(run, 3, ev.file(MOTION)).reason).toBe('notAccepted');
  });
});
