import { describe, expect, it } from 'vitest';
import { fisaOrderEntry, fisaOrderSpec } from '../../machines/fisaOrder.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { UK_TARGET, ev, pendingTimers, play, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = fisaOrderEntry;
const abroad = { target: UK_TARGET, categories: ['content', 'nonContentRecords'] };

describe('FISA order or Section 702 directive', () => {
  it('compels content and non-content, stored and real-time', () => {
    expect(fisaOrderSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords', 'content', 'realTimeNonContent']);
  });

  it('is secret from receipt with no end date, and no timer ends it', () => {
    const run = advanceTo(startCase(entry, abroad), 3650, true);

    expect(run.snapshot.matches({ secrecy: { inForce: { term: 'openEnded' } } })).toBe(true);
    expect(pendingTimers(run)).toEqual([]);
    expect(rejectionOf(run, 3651, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it('complies at once under the gag; the user is never told while it lasts', () => {
    const run = advanceTo(play(startCase(entry, abroad), [[1, ev.review()], [1, ev.disclose('content', 'nonContentRecords')]]), 3650, true);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'deferred' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it('is refused, and set aside on a petition to the FISC', () => {
    const refused = play(startCase(entry, abroad), [[1, ev.review()], [2, ev.refuse('targets a US person')]]);
    const setAside = play(startCase(entry, abroad), [[3, ev.file('petitionToFisc')], [50, ev.decide('petitionToFisc')]]);

    expect(refused.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(setAside.snapshot.matches({ process: 'quashed' })).toBe(true);
    expect(setAside.snapshot.hasTag('secrecy')).toBe(true);
  });

  it('ends its secrecy on a release or a FISC order, not on an NSL three-year review', () => {
    const disclosed = play(startCase(entry, abroad), [[1, ev.review()], [1, ev.disclose('content')]]);

    expect(rejectionOf(disclosed, 1095, ev.lift('threeYearReview')).reason).toBe('notAccepted');
    const released = play(disclosed, [[1200, ev.lift('lifted')]]);
    expect(released.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(play(released, [[1203, ev.noticeSent()]]).snapshot.matches({ notice: 'sentAfterDisclosure' })).toBe(true);
  });

  it('cannot take a second, court-ordered gag on top of the statutory one', () => {
    const run = startCase(entry, abroad);

    expect(rejectionOf(run, 1, ev.impose(90)).reason).toBe('notAccepted');
  });
});

describe('FISA secrecy under Cloudflare’s policy (challenge open-ended gags within 30 days)', () => {
  it('is overdue for a challenge at the end of day 30', () => {
    const run = startCase(entry, abroad, 'cloudflare');

    expect(advanceTo(run, 30).snapshot.hasTag('overdue')).toBe(false);
    expect(advanceTo(run, 30, true).snapshot.hasTag('overdue')).toBe(true);
  });

  it('is not overdue when the petition on secrecy is filed on day 30, and ends if it is won', () => {
    const filed = play(startCase(entry, abroad, 'cloudflare'), [[30, ev.file('petitionOnSecrecy')]]);
    const won = play(filed, [[200, ev.decide('petitionOnSecrecy')]]);

    expect(advanceTo(filed, 199, true).snapshot.hasTag('overdue')).toBe(false);
    expect(won.snapshot.matches({ secrecy: 'ended' })).toBe(true);
  });

  it('stays in force when the petition is lost', () => {
    const run = play(startCase(entry, abroad, 'cloudflare'), [[10, ev.file('petitionOnSecrecy')], [200, ev.decide('petitionOnSecrecy', 'lost')]]);

    expect(run.snapshot.matches({ secrecy: { inForce: { challenge: 'upheld' } } })).toBe(true);
    expect(rejectionOf(run, 201, ev.noticeSent()).reason).toBe('notAccepted');
  });
});
