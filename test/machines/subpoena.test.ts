import { describe, expect, it } from 'vitest';
import { NO_SECRECY } from '../../machines/lifecycle/commonSecrecy.ts';
import { createDemandMachine } from '../../machines/lifecycle/createDemandMachine.ts';
import { subpoenaEntry, subpoenaSpec } from '../../machines/subpoena.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rawRequest, rejectionOf, startCase, stepLog } from '../support/demandFixtures.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const entry = subpoenaEntry;

describe('subpoena (18 U.S.C. 2703(c)(2))', () => {
  it('compels basic subscriber information only, under a possible 2705(b) gag', () => {
    expect(subpoenaSpec.compels).toEqual(['basicSubscriberInfo']);
    expect(subpoenaSpec.secrecy.regime).toBe('courtOrder');
  });

  it('complies: notice on day 3, objection window to the end of day 17, disclosure on day 18', () => {
    const noticed = play(startCase(entry), [[2, ev.review()], [3, ev.noticeSent()]]);

    const early = rejectionOf(noticed, 17, ev.disclose('basicSubscriberInfo'));
    const run = play(noticed, [[18, ev.disclose('basicSubscriberInfo')]]);

    expect(early.accepted).toContain('data.disclosed');
    expect(run.snapshot.matches({ process: 'disclosedInFull', secrecy: 'none', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
    expect(stepLog(run)).toEqual([
      [0, 'start'],
      [2, 'review.completed'],
      [3, 'notice.sent'],
      [17, 'timer objectionWindow'],
      [18, 'data.disclosed'],
    ]);
  });

  it('reaches the parts of BSI an NSL reaches: subscriber identity and toll billing records', () => {
    const asked = play(startCase(entry), [[2, ev.review()], [3, ev.noticeSent()]]);
    const parts = play(startCase(entry, { categories: ['subscriberIdentity', 'tollBillingRecords'] }), [[2, ev.review()], [3, ev.noticeSent()]]);

    // Asked for all of BSI, the provider may give these parts alone: a disclosure in part.
    expect(play(asked, [[18, ev.disclose('subscriberIdentity', 'tollBillingRecords')]]).snapshot.matches({ process: 'disclosedInPart' })).toBe(true);
    expect(play(parts, [[18, ev.disclose('subscriberIdentity', 'tollBillingRecords')]]).snapshot.matches({ process: 'disclosedInFull' })).toBe(true);
    expect(rejectionOf(parts, 18, ev.disclose('basicSubscriberInfo')).reason).toBe('notAccepted');
  });

  it('is refused, recording the ground', () => {
    const run = play(startCase(entry), [[2, ev.review()], [4, ev.refuse('issued by the wrong court')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: issued by the wrong court');
  });

  it('is quashed on a motion to quash (no statutory deadline: day 200 still works)', () => {
    const run = play(startCase(entry), [[2, ev.review()], [200, ev.file('motionToQuash')], [230, ev.decide('motionToQuash')]]);

    expect(run.snapshot.matches({ process: 'quashed' })).toBe(true);
    expect(run.snapshot.hasTag('refused')).toBe(true);
  });

  it('rejects content and non-content records: a subpoena reaches BSI only', () => {
    const noticed = play(startCase(entry, { categories: ['basicSubscriberInfo', 'nonContentRecords', 'content'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
    expect(rejectionOf(noticed, 16, ev.disclose('nonContentRecords')).reason).toBe('notAccepted');
  });
});

describe('subpoena with a 180-day 2705(b) order served with it', () => {
  const gagged = () => play(startCase(entry, { secrecyOrder: { days: 180 } }), [[1, ev.review()], [2, ev.disclose('basicSubscriberInfo')]]);

  it('discloses under the gag and defers the notice; notice.sent is rejected meanwhile', () => {
    const run = gagged();

    expect(run.snapshot.matches({ process: 'disclosedInFull', secrecy: { inForce: { term: 'fixed' } }, notice: 'deferred' })).toBe(true);
    expect(pendingTimers(run)).toEqual([
      ['secrecyTerm', 180],
    ]);
    expect(rejectionOf(run, 179, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it('ends at the end of day 180; notice then goes out and the case is done', () => {
    const ended = advanceTo(gagged(), 180, true);
    const run = play(ended, [[183, ev.noticeSent()]]);

    expect(firedTimers(ended)).toEqual([
      [180, 'secrecyTerm'],
    ]);
    expect(ended.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(run.snapshot.matches({ notice: 'sentAfterDisclosure' })).toBe(true);
    expect(run.snapshot.hasTag('noticeSent')).toBe(true);
  });

  it('makes the notice overdue at the end of day 187 when nobody sends it', () => {
    const due = advanceTo(gagged(), 187);
    const overdue = advanceTo(gagged(), 187, true);

    expect(due.snapshot.hasTag('overdue')).toBe(false);
    expect(overdue.snapshot.matches({ notice: 'overdue' })).toBe(true);
    expect(firedTimers(overdue).at(-1)).toEqual([187, 'delayedNotice']);
  });
});

describe('subpoena gag under Cloudflare’s policy (challenge gags longer than a year within 30 days)', () => {
  it.each([
    [365, false],
    [366, true],
  ])('a %i-day order is overdue for challenge after day 30: %s', (days, overdue) => {
    const run = startCase(entry, { secrecyOrder: { days } }, 'cloudflare');

    expect(advanceTo(run, 30).snapshot.hasTag('overdue')).toBe(false);
    expect(advanceTo(run, 30, true).snapshot.matches({ secrecy: { inForce: { challenge: 'overdue' } } })).toBe(overdue);
  });

  it('ends the gag when the motion to vacate is won, and notice may then go out', () => {
    const run = play(startCase(entry, { secrecyOrder: { days: 400 } }, 'cloudflare'), [
      [10, ev.file('vacateNondisclosure')],
      [60, ev.decide('vacateNondisclosure', 'won')],
      [61, ev.noticeSent()],
    ]);

    expect(run.snapshot.matches({ secrecy: 'ended', notice: 'sent' })).toBe(true);
    expect(pendingTimers(run).map(([delay]) => delay)).not.toContain('secrecyTerm');
  });
});

describe('subpoena: a gag the court modified', () => {
  const modified = () =>
    play(startCase(entry, { secrecyOrder: { days: 400 } }, 'cloudflare'), [
      [10, ev.file('vacateNondisclosure')],
      [60, ev.decide('vacateNondisclosure', 'modified')],
    ]);

  it('takes the new order, whose term replaces the old one from its day', () => {
    const run = play(modified(), [[61, ev.impose(30)]]);
    expect(run.snapshot.matches({ secrecy: { inForce: { term: 'fixed' } } })).toBe(true);
    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 91]);
    expect(pendingTimers(run).filter(([delay]) => delay === 'secrecyTerm')).toHaveLength(1);
    const after = advanceTo(run, 92, true);
    expect(after.snapshot.matches({ secrecy: 'ended' })).toBe(true);
  });

  it('keeps the old order until a new one comes', () => {
    expect(pendingTimers(modified())).toContainEqual(['secrecyTerm', 400]);
    expect(modified().snapshot.hasTag('secrecyChallenged')).toBe(false);
  });
});

describe('subpoena: a gag renewed before it lapses (DOMAIN §1 row 7)', () => {
  const served = (days: number, policy?: 'cloudflare') => startCase(entry, { secrecyOrder: { days } }, policy);

  it('runs under the new order from its day: notice waits for the new end, not the old', () => {
    const run = play(served(90), [[80, ev.impose(90)]]);

    expect(pendingTimers(run).filter(([delay]) => delay === 'secrecyTerm')).toEqual([['secrecyTerm', 170]]);
    expect(rejectionOf(run, 100, ev.noticeSent()).reason).toBe('notAccepted');
    expect(advanceTo(run, 170).snapshot.hasTag('secrecy')).toBe(true);
    expect(advanceTo(run, 170, true).snapshot.matches({ secrecy: 'ended' })).toBe(true);
  });

  it('takes an open-ended order over a dated one, which then never ends by a date', () => {
    const run = play(served(90), [[80, ev.impose()]]);

    expect(run.snapshot.hasTag('secrecyOpenEnded')).toBe(true);
    expect(pendingTimers(run).map(([delay]) => delay)).not.toContain('secrecyTerm');
  });

  it('weighs the challenge duty again: a renewal past a year is owed a challenge within 30 days of it', () => {
    const run = play(served(90, 'cloudflare'), [[80, ev.impose(400)]]);

    expect(served(90, 'cloudflare').snapshot.hasTag('challengeDue')).toBe(false);
    expect(run.snapshot.hasTag('challengeDue')).toBe(true);
    expect(pendingTimers(run)).toContainEqual(['secrecyChallengeWindow', 110]);
  });

  it('keeps a running challenge duty on its first clock: a renewal does not put the challenge off', () => {
    const run = play(served(400, 'cloudflare'), [[20, ev.impose(400)]]);

    expect(pendingTimers(run)).toContainEqual(['secrecyChallengeWindow', 30]);
    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 420]);
  });

  it('leaves a challenge before the court pending, to be decided with the new order', () => {
    const run = play(served(400, 'cloudflare'), [[10, ev.file('vacateNondisclosure')], [20, ev.impose(400)]]);

    expect(run.snapshot.hasTag('secrecyChallenged')).toBe(true);
    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 420]);
    expect(play(run, [[60, ev.decide('vacateNondisclosure', 'won')]]).snapshot.matches({ secrecy: 'ended' })).toBe(true);
  });

  it('owes a new challenge after one was upheld, when the renewal is again longer than a year', () => {
    const upheld = play(served(400, 'cloudflare'), [[10, ev.file('vacateNondisclosure')], [60, ev.decide('vacateNondisclosure', 'lost')]]);
    const run = play(upheld, [[61, ev.impose(400)]]);

    expect(upheld.snapshot.hasTag('challengeDue')).toBe(false);
    expect(run.snapshot.hasTag('challengeDue')).toBe(true);
    expect(pendingTimers(run)).toContainEqual(['secrecyTerm', 461]);
  });

  it('is refused in a spec whose gag no court may order, naming the field', () => {
    const renewal = { sources: [] };
    const error = inputErrorOf(() => createDemandMachine({ ...subpoenaSpec, secrecy: { ...NO_SECRECY, renewal } }));
    expect(error).toMatchObject({ field: 'secrecy.renewal', value: renewal });
    expect(error.fix).toContain('secrecy.orderPossible');
  });
});

describe('subpoena intake schema', () => {
  it('names target.usPerson when it is not a boolean', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest('subpoena', { target: { usPerson: 'no', residesInUS: true, residenceCountry: 'US' } }));

    expect(parsed.error?.issues[0]?.path).toEqual(['target', 'usPerson']);
  });
});
