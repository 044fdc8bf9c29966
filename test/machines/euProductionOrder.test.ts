import { describe, expect, it } from 'vitest';
import { E_EVIDENCE_APPLIES, euProductionOrderEntry, euProductionOrderSpec } from '../../machines/euProductionOrder.ts';
import { findKind } from '../../machines/catalogue.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = euProductionOrderEntry;
const records = { categories: ['basicSubscriberInfo', 'nonContentRecords'] };
const parse = (overrides: Record<string, unknown>) => entry.requestSchema.safeParse(rawRequest('euProductionOrder', overrides));

describe('European Production Order (Regulation (EU) 2023/1543), served on a US provider', () => {
  it('gives non-content records within the 10 days, without telling the user: the order is confidential (Art. 13)', () => {
    expect(euProductionOrderSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords']);
    const run = startCase(entry, records);
    expect(run.snapshot.hasTag('secrecy')).toBe(true);
    const produced = play(run, [[1, ev.review()], [3, ev.disclose('basicSubscriberInfo', 'nonContentRecords')]]);
    expect(produced.snapshot.matches({ process: 'disclosedInFull', response: 'answered' })).toBe(true);
    expect(rejectionOf(run, 1, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it('must object under Art. 17 to an order for content, whatever the policy: content never goes (2702)', () => {
    const content = { categories: ['basicSubscriberInfo', 'content'] };
    const run = startCase(entry, content, 'letsencrypt');
    expect(run.snapshot.matches({ process: 'challengeRequired', response: 'due' })).toBe(true);
    expect(run.snapshot.hasTag('awaitingChallenge')).toBe(true);
    expect(advanceTo(run, 10, true).snapshot.hasTag('overdue')).toBe(true);
    const overruled = play(run, [[5, ev.file('thirdCountryObjection')], [20, ev.decide('thirdCountryObjection', 'lost')]]);
    expect(overruled.snapshot.matches({ process: 'compliance', response: 'answered' })).toBe(true);
    expect(rejectionOf(overruled, 21, ev.disclose('content')).reason).toBe('notAccepted');
    expect(play(overruled, [[21, ev.disclose('basicSubscriberInfo')]]).snapshot.hasTag('disclosed')).toBe(true);
    expect(startCase(entry, { categories: ['content'] }).snapshot.matches({ process: 'challengeRequired' })).toBe(true);
  });

  it('is answered within 10 days of receipt, or flagged overdue at the end of day 10 and answered late after', () => {
    const reviewed = play(startCase(entry, records), [[1, ev.review()]]);
    expect(pendingTimers(reviewed)).toContainEqual(['P10D', 10]);
    expect(advanceTo(reviewed, 10).snapshot.hasTag('overdue')).toBe(false);
    const late = advanceTo(reviewed, 10, true);
    expect(late.snapshot.matches({ response: 'overdue' })).toBe(true);
    expect(late.snapshot.hasTag('overdue')).toBe(true);
    const refused = play(late, [[12, ev.refuse('process defective')]]);
    expect(refused.snapshot.matches({ response: 'answeredLate' })).toBe(true);
    expect(refused.snapshot.hasTag('overdue')).toBe(false);
  });

  it('answers an emergency order on the day of receipt (8 hours, in whole days), or flags it overdue at that day’s end', () => {
    const urgent = startCase(entry, { ...records, emergency: true });
    expect(urgent.snapshot.matches({ response: 'dueUrgently' })).toBe(true);
    expect(pendingTimers(urgent)).toContainEqual(['P0D', 0]);
    // The P10D left is the Art. 17 objection's window, not the answer's.
    expect(pendingTimers(urgent).filter(([d]) => d === 'P10D')).toHaveLength(1);
    const sameDay = play(urgent, [[0, ev.review()], [0, ev.disclose('basicSubscriberInfo', 'nonContentRecords')]]);
    expect(sameDay.snapshot.matches({ response: 'answered' })).toBe(true);
    const nextDay = advanceTo(play(urgent, [[0, ev.review()]]), 0, true);
    expect(nextDay.snapshot.matches({ response: 'overdue' })).toBe(true);
    expect(play(nextDay, [[1, ev.disclose('basicSubscriberInfo')]]).snapshot.matches({ response: 'answeredLate' })).toBe(true);
  });

  it('refuses emergency on a kind whose law gives an emergency order no shorter deadline, naming the field', () => {
    expect(parse({ emergency: true }).success).toBe(true);
    const subpoena = findKind('subpoena')?.requestSchema.safeParse(rawRequest('subpoena', { emergency: true }));
    expect(subpoena?.error?.issues[0]?.path).toEqual(['emergency']);
    expect(subpoena?.error?.issues[0]?.message).toMatch(/gives an emergency order no shorter deadline/);
  });

  it('counts an Art. 17 objection within the 10 days as the answer, and refuses one after them', () => {
    const objected = play(startCase(entry, { categories: ['content'] }), [[4, ev.file('thirdCountryObjection')]]);
    expect(objected.snapshot.matches({ process: 'challenged', response: 'answered', window_thirdCountryObjection: 'used' })).toBe(true);
    expect(firedTimers(advanceTo(objected, 30, true))).not.toContainEqual([10, 'P10D']);
    const reviewed = play(startCase(entry, records), [[1, ev.review()]]);
    expect(rejectionOf(reviewed, 11, ev.file('thirdCountryObjection')).reason).toBe('notAccepted');
  });

  it('refuses at intake an order from outside the Regulation: a US authority, Denmark, or before it applied', () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ requester: { name: 'Eisaggeleas', country: 'EL' } }).success).toBe(true);
    expect(parse({ requester: { name: 'US Attorney', country: 'US' } }).error?.issues[0]?.path).toEqual(['requester', 'country']);
    expect(parse({ requester: { name: 'Rigsadvokaten', country: 'DK' } }).error?.issues[0]?.message).toMatch(/not a Member State bound by Regulation 2023\/1543/);
    const early = parse({ receivedOn: '2026-08-17' });
    expect(early.error?.issues[0]?.path).toEqual(['receivedOn']);
    expect(early.error?.issues[0]?.message).toContain(E_EVIDENCE_APPLIES);
    expect(parse({ receivedOn: E_EVIDENCE_APPLIES }).success).toBe(true);
  });
});
