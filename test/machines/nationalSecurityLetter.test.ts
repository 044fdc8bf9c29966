import { describe, expect, it } from 'vitest';
import { nationalSecurityLetterEntry, nationalSecurityLetterSpec } from '../../machines/nationalSecurityLetter.ts';
import { dayNumber } from '../../src/domain/date.ts';
import { COMPELLABLE } from '../../src/rules/compellableByKind.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = nationalSecurityLetterEntry;
const NOTICE = 'reciprocalNotice';
const certified = { secrecyCertified: true, categories: ['subscriberIdentity', 'tollBillingRecords'] };

describe('National Security Letter (18 U.S.C. 2709)', () => {
  it('compels subscriber identity and toll billing records only, two parts of BSI and not the whole', () => {
    expect(nationalSecurityLetterSpec.compels).toEqual(['subscriberIdentity', 'tollBillingRecords']);
    expect(COMPELLABLE.nationalSecurityLetter?.categories({})).toEqual(nationalSecurityLetterSpec.compels);
  });

  it('carries no gag unless the FBI certifies one, and no court can add one later', () => {
    const run = startCase(entry);

    expect(run.snapshot.matches({ secrecy: 'none' })).toBe(true);
    expect(rejectionOf(run, 1, ev.impose()).reason).toBe('notAccepted');
    expect(play(run, [[1, ev.noticeSent()]]).snapshot.matches({ notice: 'sent' })).toBe(true);
  });

  it('complies under a certified gag at once, and the notice waits with no end date', () => {
    const run = advanceTo(play(startCase(entry, certified), [[1, ev.review()], [1, ev.disclose('subscriberIdentity', 'tollBillingRecords')]]), 1095, true);

    expect(run.snapshot.matches({ process: 'disclosedInFull', secrecy: { inForce: { term: 'openEnded' } }, notice: 'deferred' })).toBe(true);
    expect(rejectionOf(run, 1096, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it('rejects records an NSL cannot reach: all of BSI (IPs, payment), non-content records and content', () => {
    const reviewed = play(startCase(entry, { ...certified, categories: ['basicSubscriberInfo', 'nonContentRecords', 'content'] }), [[1, ev.review()]]);

    expect(rejectionOf(reviewed, 2, ev.disclose('basicSubscriberInfo')).reason).toBe('notAccepted');
    expect(rejectionOf(reviewed, 2, ev.disclose('subscriberIdentity', 'basicSubscriberInfo')).reason).toBe('notAccepted');
    expect(rejectionOf(reviewed, 2, ev.disclose('nonContentRecords')).reason).toBe('notAccepted');
    expect(rejectionOf(reviewed, 2, ev.disclose('content')).reason).toBe('notAccepted');
  });

  it('answers a request for all of BSI with its own parts of it, in full, rather than refusing it at intake', () => {
    const reviewed = play(startCase(entry, { ...certified, categories: ['basicSubscriberInfo'] }), [[1, ev.review()]]);

    expect(reviewed.snapshot.matches({ process: 'compliance' })).toBe(true);
    expect(play(reviewed, [[2, ev.disclose('subscriberIdentity')]]).snapshot.matches({ process: 'disclosedInPart' })).toBe(true);
    expect(play(reviewed, [[2, ev.disclose('subscriberIdentity', 'tollBillingRecords')]]).snapshot.matches({ process: 'disclosedInFull' })).toBe(true);
  });

  it('refuses at intake a request only for what it cannot reach', () => {
    const run = startCase(entry, { ...certified, categories: ['nonContentRecords', 'content'] });

    expect(run.snapshot.matches({ process: 'refused' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: asks only for data this process cannot compel');
  });

  it('is refused, and set aside on a 3511(a) petition', () => {
    const refused = play(startCase(entry, certified), [[1, ev.refuse('not signed by a designee')]]);
    const setAside = play(startCase(entry, certified), [[5, ev.file('petitionToSetAside')], [90, ev.decide('petitionToSetAside')]]);

    expect(refused.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(setAside.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it.each(['lifted', 'threeYearReview', 'investigationClosed', 'courtOrder'] as const)('ends the gag on "%s", making the deferred notice due', (reason) => {
    const disclosed = play(startCase(entry, certified), [[1, ev.review()], [1, ev.disclose('subscriberIdentity')]]);

    const run = play(disclosed, [[1100, ev.lift(reason)]]);

    expect(run.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(pendingTimers(run)).toEqual([['delayedNotice', 1107]]);
  });
});

describe('NSL reciprocal notice (3511(b)(1)): the government must apply within 30 days', () => {
  const noticed = () => play(startCase(entry, certified), [[10, ev.file(NOTICE)]]);

  it('starts a P30D clock on the government, and the gag stays meanwhile', () => {
    const run = noticed();

    expect(run.snapshot.matches({ secrecy: { inForce: { challenge: { reciprocalNotice: 'awaitingGovernment' } } } })).toBe(true);
    expect(run.snapshot.hasTag('secrecy') && run.snapshot.hasTag('challenged')).toBe(true);
    expect(pendingTimers(run)).toEqual([['P30D', 40]]);
  });

  it('marks the government late at the end of day 40, not before', () => {
    const onTime = advanceTo(noticed(), 40);
    const late = advanceTo(noticed(), 40, true);

    expect(onTime.snapshot.hasTag('governmentLate')).toBe(false);
    expect(late.snapshot.hasTag('governmentLate')).toBe(true);
    expect(firedTimers(late)).toEqual([[40, 'P30D']]);
    expect(late.snapshot.hasTag('secrecy')).toBe(true);
  });

  it('is never late when the government applies on day 40', () => {
    const run = advanceTo(play(noticed(), [[40, ev.governmentApplied(NOTICE)]]), 400, true);

    expect(run.snapshot.matches({ secrecy: { inForce: { challenge: { reciprocalNotice: 'beforeCourt' } } } })).toBe(true);
    expect(run.steps.some((s) => s.snapshot.hasTag('governmentLate'))).toBe(false);
  });

  it('ends the gag when the court rules for the provider, even after a late application', () => {
    const run = play(noticed(), [[55, ev.governmentApplied(NOTICE)], [120, ev.decide(NOTICE, 'won')]]);

    expect(run.snapshot.matches({ secrecy: 'ended' })).toBe(true);
    expect(play(run, [[121, ev.noticeSent()]]).snapshot.matches({ notice: 'sent' })).toBe(true);
  });
});

describe('NSL-12-358696 (Cloudflare, 2013-2016), under Cloudflare’s policy', () => {
  const day = (date: string) => dayNumber(date) - dayNumber('2013-02-04');

  it('is challenged, withdrawn with nothing disclosed, and its gag lifted nearly four years on', () => {
    const request = { ...certified, receivedOn: '2013-02-04' };
    const withdrawn = play(startCase(entry, request, 'cloudflare'), [
      [day('2013-02-08'), ev.review('overbroad')],
      [day('2013-02-20'), ev.file('petitionToSetAside')],
      [day('2013-02-20'), ev.file(NOTICE)],
      [day('2013-03-15'), ev.governmentApplied(NOTICE)],
      [day('2013-07-15'), ev.withdraw()],
    ]);
    const run = play(withdrawn, [[day('2016-12-15'), ev.lift('lifted')]]);

    expect(withdrawn.snapshot.matches({ process: 'withdrawn', notice: 'notRequired' })).toBe(true);
    expect(withdrawn.snapshot.hasTag('secrecy')).toBe(true);
    expect(run.snapshot.matches({ secrecy: 'ended' })).toBe(true);
    expect(run.steps.some((s) => s.snapshot.hasTag('overdue') || s.snapshot.hasTag('governmentLate'))).toBe(false);
    expect(run.snapshot.context.disclosed).toBe(false);
  });

  it('would be overdue for a gag challenge at the end of day 30 if the provider did nothing', () => {
    const run = startCase(entry, certified, 'cloudflare');

    expect(advanceTo(run, 30).snapshot.hasTag('overdue')).toBe(false);
    expect(advanceTo(run, 30, true).snapshot.matches({ secrecy: { inForce: { challenge: 'overdue' } } })).toBe(true);
  });
});
