import { describe, expect, it } from 'vitest';
import { DataSubjectRequestRequest, REFUSAL_GROUNDS, dataSubjectRequestMachine } from '../../machines/dataSubjectRequest.ts';
import { advanceTo, startRun } from '../../src/time/TimedRun.ts';
import { send, attempt, timers } from '../support/runHelpers.ts';

const erasure = DataSubjectRequestRequest.parse({
  kind: 'dataSubjectRequest',
  receivedOn: '2026-01-31',
  account: 'subscriber-3',
  requester: { name: 'A. Person', country: 'DE' },
  right: 'erasure',
});
const access = DataSubjectRequestRequest.parse({ ...erasure, right: 'access', categories: ['basicSubscriberInfo'] });
const objection = DataSubjectRequestRequest.parse({ ...erasure, right: 'objection' });

/** Received 31 January 2026: one calendar month ends 28 February (28 days), three 30 April (89). */
const ONE_MONTH = 28;
const THREE_MONTHS = 89;

const start = (request = erasure) => startRun(dataSubjectRequestMachine, request, 0);

describe('GDPR data-subject request', () => {
  it('counts its months by the calendar from the day of receipt', () => {
    const march = DataSubjectRequestRequest.parse({ ...erasure, receivedOn: '2026-03-01' });
    const leap = DataSubjectRequestRequest.parse({ ...erasure, receivedOn: '2028-01-31' });
    expect(timers(start(march))).toEqual([['P1M', 31], ['P3M', 92]]);
    expect(timers(start(leap))).toEqual([['P1M', 29], ['P3M', 90]]);
  });

  it('accepts an extension on day 30 of a 31-day first month, and refuses it on day 32', () => {
    const march = DataSubjectRequestRequest.parse({ ...erasure, receivedOn: '2026-03-01' });
    const run = send(start(march), 30, { type: 'response.extended', reasons: 'complexity' });
    expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'extended' } })).toBe(true);
    expect(attempt(start(march), 32, { type: 'response.extended', reasons: 'complexity' }).ok).toBe(false);
  });

  it('runs the one-month and three-month clocks side by side from receipt', () => {
    expect(timers(start())).toEqual([['P1M', ONE_MONTH], ['P3M', THREE_MONTHS]]);
  });

  it('closes as fulfilled when answered within the month', () => {
    const run = send(start(), 10, { type: 'request.fulfilled' });
    expect(run.snapshot.matches('fulfilled')).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('fulfilled')).toBe(true);
    expect(run.timers).toEqual([]);
  });

  it('is overdue at the end of the first month without answer or extension, and still answerable', () => {
    let run = advanceTo(start(), ONE_MONTH);
    expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'firstMonth' } })).toBe(true);
    run = advanceTo(run, ONE_MONTH, true);
    expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'overdue' } })).toBe(true);
    expect(run.snapshot.hasTag('overdue')).toBe(true);
    expect(timers(run)).toEqual([['P3M', THREE_MONTHS]]);

    run = send(run, 40, { type: 'request.fulfilled' });
    expect(run.snapshot.matches('fulfilled')).toBe(true);
  });

  it('with an extension announced in the first month, is overdue only when three months pass', () => {
    let run = send(start(), 20, { type: 'response.extended', reasons: 'many requests at once' });
    expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'extended' } })).toBe(true);
    expect(run.snapshot.context.extensionReasons).toBe('many requests at once');
    expect(timers(run)).toEqual([['P3M', THREE_MONTHS]]);

    run = advanceTo(run, THREE_MONTHS);
    expect(run.snapshot.hasTag('overdue')).toBe(false);
    run = advanceTo(run, THREE_MONTHS, true);
    expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'overdue' } })).toBe(true);
    expect(run.steps.filter((s) => s.trigger.kind === 'timer').map((s) => s.day)).toEqual([THREE_MONTHS]);
  });

  it('fires the month before the outer limit when nothing happens', () => {
    const run = advanceTo(start(), 200, true);
    const fired = run.steps.filter((s) => s.trigger.kind === 'timer').map((s) => [s.trigger.kind === 'timer' && s.trigger.delay, s.day]);
    expect(fired).toEqual([['P1M', ONE_MONTH], ['P3M', THREE_MONTHS]]);
    expect(run.snapshot.hasTag('overdue')).toBe(true);
  });

  it('accepts one extension, and only within the first month', () => {
    const late = advanceTo(start(), ONE_MONTH + 1);
    expect(attempt(late, ONE_MONTH + 1, { type: 'response.extended', reasons: 'complex' }).ok).toBe(false);
    const lastDay = send(start(), ONE_MONTH, { type: 'response.extended', reasons: 'complex' });
    expect(lastDay.snapshot.matches({ awaitingAnswer: { deadline: 'extended' } })).toBe(true);
    expect(attempt(lastDay, ONE_MONTH, { type: 'response.extended', reasons: 'again' }).ok).toBe(false);
  });

  it('refuses erasure on an Art. 17(3) ground or because the record sits in a public CT log', () => {
    for (const ground of ['legalClaims', 'publicCertificateTransparencyLog']) {
      const run = send(start(), 5, { type: 'request.refused', ground });
      expect(run.snapshot.matches('refused')).toBe(true);
      expect(run.snapshot.hasTag('refused') && run.snapshot.hasTag('closed')).toBe(true);
      expect(run.snapshot.context.refusalGround).toBe(ground);
    }
  });

  it('rejects a refusal on an unlisted ground, or on a ground that does not answer the right', () => {
    const run = start();
    const unlisted = attempt(run, 5, { type: 'request.refused', ground: 'tooExpensive' });
    expect(unlisted.ok).toBe(false);
    expect(unlisted.run).toBe(run);
    expect(attempt(start(access), 5, { type: 'request.refused', ground: 'publicCertificateTransparencyLog' }).ok).toBe(false);
    expect(send(start(access), 5, { type: 'request.refused', ground: 'identityNotVerified' }).snapshot.hasTag('refused')).toBe(true);
    expect(REFUSAL_GROUNDS.legalClaims.rights).toEqual(['erasure', 'objection']);
  });

  it('refuses an objection on compelling legitimate grounds or for legal claims (Art. 21(1)), closing it with no overdue', () => {
    for (const ground of ['compellingLegitimateGrounds', 'legalClaims']) {
      const run = send(start(objection), 5, { type: 'request.refused', ground });
      expect(run.snapshot.matches('refused')).toBe(true);
      expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('refused')).toBe(true);
      expect(run.snapshot.hasTag('overdue')).toBe(false);
      expect(run.snapshot.context.outcome).toBe(`refused: ${ground}`);
      expect(run.timers).toEqual([]);
    }
  });

  it('refuses access where a copy would adversely affect the rights of others (Art. 15(4))', () => {
    const run = send(start(access), 5, { type: 'request.refused', ground: 'rightsOfOthers' });
    expect(run.snapshot.matches('refused')).toBe(true);
    expect(run.snapshot.hasTag('overdue')).toBe(false);
    expect(run.snapshot.context.refusalGround).toBe('rightsOfOthers');
    expect(run.timers).toEqual([]);
  });

  it('refuses erasure where none of the Art. 17(1) grounds applies', () => {
    const run = send(start(), 5, { type: 'request.refused', ground: 'noErasureGroundApplies' });
    expect(run.snapshot.matches('refused')).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: noErasureGroundApplies');
  });

  it('still rejects each new ground on a right it does not answer', () => {
    const wrong = [
      [erasure, 'rightsOfOthers'],
      [erasure, 'compellingLegitimateGrounds'],
      [access, 'compellingLegitimateGrounds'],
      [access, 'noErasureGroundApplies'],
      [objection, 'rightsOfOthers'],
      [objection, 'noErasureGroundApplies'],
      [access, 'legalClaims'],
    ] as const;
    for (const [request, ground] of wrong) {
      const run = start(request);
      const refused = attempt(run, 5, { type: 'request.refused', ground });
      expect(refused.ok, `${ground} on ${request.right}`).toBe(false);
      expect(refused.run).toBe(run);
    }
    const ownRights = Object.fromEntries(['compellingLegitimateGrounds', 'rightsOfOthers', 'noErasureGroundApplies'].map((g) => [g, REFUSAL_GROUNDS[g as keyof typeof REFUSAL_GROUNDS]?.rights]));
    expect(ownRights).toEqual({ compellingLegitimateGrounds: ['objection'], rightsOfOthers: ['access', 'portability'], noErasureGroundApplies: ['erasure'] });
  });

  it('marks a refusal after the first month as late (Art. 12(4))', () => {
    let run = send(start(), 10, { type: 'response.extended', reasons: 'complex' });
    run = send(run, 50, { type: 'request.refused', ground: 'manifestlyUnfoundedOrExcessive' });
    expect(run.snapshot.matches('refusedLate')).toBe(true);
    expect(run.snapshot.hasTag('refused') && run.snapshot.hasTag('overdue') && run.snapshot.hasTag('closed')).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: manifestlyUnfoundedOrExcessive');
    expect(run.timers).toEqual([]);
  });

  it('closes as withdrawn, cancelling both clocks', () => {
    const run = send(start(), 3, { type: 'request.withdrawn' });
    expect(run.snapshot.matches('withdrawn')).toBe(true);
    expect(run.snapshot.hasTag('withdrawn')).toBe(true);
    expect(run.timers).toEqual([]);
  });

  it('rejects a right it does not know, naming the field', () => {
    const result = DataSubjectRequestRequest.safeParse({ ...erasure, right: 'forgetfulness' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['right']);
    expect(result.error?.issues[0]?.message).toMatch(/access, rectification, erasure, objection, restriction, portability/);
  });

  describe('restriction (Art. 18) and portability (Art. 20)', () => {
    const restriction = DataSubjectRequestRequest.parse({ ...erasure, right: 'restriction' });
    const portability = DataSubjectRequestRequest.parse({ ...erasure, right: 'portability' });

    it('are answered within the month, as every right is', () => {
      for (const request of [restriction, portability]) {
        expect(send(start(request), 10, { type: 'request.fulfilled' }).snapshot.matches('fulfilled')).toBe(true);
        expect(send(start(request), 10, { type: 'response.extended', reasons: 'complexity' }).snapshot.matches({ awaitingAnswer: { deadline: 'extended' } })).toBe(true);
      }
    });

    it('restriction is refused only where no Art. 18(1) ground applies, or on the grounds any right has', () => {
      for (const ground of ['noRestrictionGroundApplies', 'manifestlyUnfoundedOrExcessive']) {
        expect(send(start(restriction), 5, { type: 'request.refused', ground }).snapshot.context.outcome).toBe(`refused: ${ground}`);
      }
      for (const ground of ['legalClaims', 'noErasureGroundApplies', 'notPortable', 'rightsOfOthers']) expect(attempt(start(restriction), 5, { type: 'request.refused', ground }).ok, ground).toBe(false);
    });

    it('portability is refused on data outside Art. 20(1), or where a copy would harm others (Art. 20(4)), and on nothing of erasure’s', () => {
      for (const ground of ['notPortable', 'rightsOfOthers', 'identityNotVerified']) {
        expect(send(start(portability), 5, { type: 'request.refused', ground }).snapshot.context.outcome).toBe(`refused: ${ground}`);
      }
      for (const ground of ['legalClaims', 'noRestrictionGroundApplies', 'publicCertificateTransparencyLog']) expect(attempt(start(portability), 5, { type: 'request.refused', ground }).ok, ground).toBe(false);
      // Erasure's grounds never answer the new rights, nor theirs erasure.
      expect(attempt(start(), 5, { type: 'request.refused', ground: 'notPortable' }).ok).toBe(false);
    });

    it('a portability request on a gagged account is refused at intake: only an access answer names recipients', () => {
      const result = DataSubjectRequestRequest.safeParse({ ...erasure, right: 'portability', gagOnAccount: true });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['gagOnAccount']);
    });
  });

  describe('an access request on an account a gag covers (DOMAIN §8: escalate, no automatic answer)', () => {
    const gagged = DataSubjectRequestRequest.parse({ ...access, gagOnAccount: true });

    it('is escalated under secrecy from receipt, and its answer is refused until the gag lifts', () => {
      const run = start(gagged);
      expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'firstMonth', answer: 'escalated' } })).toBe(true);
      expect(run.snapshot.hasTag('secrecy')).toBe(true);
      expect(attempt(run, 5, { type: 'request.fulfilled' }).ok).toBe(false);
      const lifted = send(run, 10, { type: 'secrecy.lifted', reason: 'lifted' });
      expect(lifted.snapshot.hasTag('secrecy')).toBe(false);
      const answered = send(lifted, 12, { type: 'request.fulfilled' });
      expect(answered.snapshot.hasTag('fulfilled')).toBe(true);
    });

    it('a free access request is escalated when a gag comes to cover the account (secrecy.imposed); other rights are not held', () => {
      const run = send(start(access), 4, { type: 'secrecy.imposed' });
      expect(run.snapshot.matches({ awaitingAnswer: { answer: 'escalated' } })).toBe(true);
      expect(attempt(run, 5, { type: 'request.fulfilled' }).ok).toBe(false);
      expect(attempt(run, 5, { type: 'secrecy.imposed' }).ok).toBe(false);
      expect(send(run, 6, { type: 'secrecy.lifted', reason: 'lifted' }).snapshot.hasTag('secrecy')).toBe(false);
      for (const request of [erasure, objection]) expect(attempt(start(request), 4, { type: 'secrecy.imposed' }).ok).toBe(false);
    });

    it('keeps the GDPR clock running: overdue after the first month, still held, still refusable on a ground that fits', () => {
      const run = advanceTo(start(gagged), ONE_MONTH, true);
      expect(run.snapshot.hasTag('overdue') && run.snapshot.hasTag('secrecy')).toBe(true);
      expect(attempt(run, ONE_MONTH + 1, { type: 'request.fulfilled' }).ok).toBe(false);
      const refused = send(run, ONE_MONTH + 1, { type: 'request.refused', ground: 'identityNotVerified' });
      expect(refused.snapshot.matches('refusedLate')).toBe(true);
    });

    it('an extension announced while held keeps the hold', () => {
      const run = send(start(gagged), 20, { type: 'response.extended', reasons: 'complexity' });
      expect(run.snapshot.matches({ awaitingAnswer: { deadline: 'extended', answer: 'escalated' } })).toBe(true);
    });

    it('an ungagged access request is free to be answered at once', () => {
      expect(start(access).snapshot.matches({ awaitingAnswer: { answer: 'free' } })).toBe(true);
      expect(start(access).snapshot.hasTag('secrecy')).toBe(false);
    });

    it('refuses gagOnAccount on any other right, naming the field and the fix', () => {
      const result = DataSubjectRequestRequest.safeParse({ ...erasure, gagOnAccount: true });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['gagOnAccount']);
      expect(result.error?.issues[0]?.message).toMatch(/only an access answer/);
    });
  });
});
