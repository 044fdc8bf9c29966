import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/InputError.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { buildTransparencyReport } from '../../src/report/buildTransparencyReport.ts';
import type { CaseSummary } from '../../src/report/CaseSummary.ts';
import { H1, closed, fisa, nsl, summary } from './summaryFixtures.ts';

const report = (cases: CaseSummary[], asOf = '2026-07-15', more: { since?: string } = {}) => buildTransparencyReport(cases, { period: H1, asOf, structure: 'bands500', policy: 'cloudflare', ...more });
const row = (r: ReturnType<typeof report>, kind: string) => r.requests.find((k) => k.kind === kind);
const ns = (r: ReturnType<typeof report>) => Object.fromEntries(r.nationalSecurity.lines.map((l) => [l.id, l.text]));

describe('requests by kind and outcome', () => {
  it('counts each outcome: in full, in part, refused, no records, withdrawn, in process', () => {
    const cases = [
      closed('disclosed', '2026-03-01', ['basicSubscriberInfo']),
      closed('disclosed', '2026-03-01', ['basicSubscriberInfo'], { requested: ['basicSubscriberInfo', 'content'] }),
      closed('refused', '2026-03-01'),
      closed('noRecords', '2026-02-02'),
      closed('expired', '2026-04-01', [], { kind: 'penRegister', requested: ['realTimeNonContent'] }),
      closed('withdrawn', '2026-03-01'),
      summary(),
    ];
    const r = report(cases);
    expect(row(r, 'subpoena')).toMatchObject({ received: 6, outcomes: { disclosedInFull: 1, disclosedInPart: 1, refused: 1, noRecords: 1, withdrawn: 1, inProcess: 1 } });
    expect(row(r, 'penRegister')?.outcomes.noRecords).toBe(1);
    expect(r.totals).toMatchObject({ received: 7, outcomes: { disclosedInFull: 1, disclosedInPart: 1, refused: 1, noRecords: 2, withdrawn: 1, inProcess: 1 } });
  });

  it('counts a request as answered in full when what went out covers it: a whole covers its parts, parts never cover the whole', () => {
    const cases = [
      closed('disclosed', '2026-03-01', ['basicSubscriberInfo'], { requested: ['subscriberIdentity'] }),
      closed('disclosed', '2026-03-01', ['subscriberIdentity', 'tollBillingRecords']),
    ];
    expect(row(report(cases), 'subpoena')?.outcomes).toMatchObject({ disclosedInFull: 1, disclosedInPart: 1 });
  });

  it('takes outcomes as of the report date: a case closed later is still in process', () => {
    const cases = [closed('disclosed', '2026-08-01', ['basicSubscriberInfo'])];
    expect(row(report(cases, '2026-07-31'), 'subpoena')?.outcomes.inProcess).toBe(1);
    expect(row(report(cases, '2026-08-01'), 'subpoena')?.outcomes.disclosedInFull).toBe(1);
  });

  it('counts data disclosed before a withdrawal as a disclosure', () => {
    const withdrawnAfter = summary({ disclosures: [{ on: '2026-03-01', categories: ['basicSubscriberInfo'] }], outcome: { tag: 'withdrawn', on: '2026-03-05' } });
    expect(row(report([withdrawnAfter]), 'subpoena')?.outcomes.disclosedInFull).toBe(1);
  });

  it('counts only cases received in the period, and by the report date', () => {
    const cases = [summary({ receivedOn: '2025-12-31' }), summary({ receivedOn: '2026-01-01' }), summary({ receivedOn: '2026-06-30' }), summary({ receivedOn: '2026-07-01' })];
    expect(report(cases).totals.received).toBe(2);
    expect(report(cases, '2026-03-01').totals.received).toBe(1);
  });

  it('lists every counted catalogue kind, zeros included, and no national-security kind', () => {
    const kinds = report([]).requests.map((k) => k.kind);
    expect(kinds).toContain('emergency');
    expect(kinds).not.toContain('nationalSecurityLetter');
    expect(kinds).not.toContain('fisaOrder');
    expect(kinds).not.toContain('preservation');
  });
});

describe('accounts and emergencies', () => {
  it('counts distinct accounts named, and those whose data went out', () => {
    const cases = [summary({ account: 'a' }), closed('disclosed', '2026-03-01', ['basicSubscriberInfo'], { account: 'a' }), summary({ account: 'b' }), closed('refused', '2026-03-01', [], { account: 'c' })];
    expect(report(cases).totals).toMatchObject({ accountsAffected: 3, accountsWithDataDisclosed: 1 });
  });

  it('sums emergency requests apart: requests, accounts and how many produced data', () => {
    const emergency = { kind: 'emergency', requested: ['basicSubscriberInfo' as const] };
    const cases = [
      closed('disclosed', '2026-03-01', ['basicSubscriberInfo'], { ...emergency, account: 'e1' }),
      closed('refused', '2026-03-01', [], { ...emergency, account: 'e1' }),
      summary({ ...emergency, account: 'e2' }),
    ];
    const r = report(cases);
    expect(r.emergency).toEqual({ requests: 3, accounts: 2, producedData: 1 });
    expect(row(r, 'emergency')).toMatchObject({ received: 3, outcomes: { disclosedInFull: 1, refused: 1, inProcess: 1 } });
  });
});

describe('kinds outside the totals', () => {
  it('leaves preservation requests out of the totals and lists them apart by outcome tag (DOMAIN §6)', () => {
    const preservation = { kind: 'preservation' };
    const cases = [closed('released', '2026-05-01', [], preservation), closed('handedToProcess', '2026-03-01', [], preservation), summary(preservation), summary()];
    const r = report(cases);
    expect(r.totals.received).toBe(1);
    expect(r.totals.accountsAffected).toBe(1);
    expect(r.excluded.find((e) => e.kind === 'preservation')).toMatchObject({ received: 3, outcomes: { released: 1, handedToProcess: 1, inProcess: 1 } });
  });

  it('keeps national-security cases out of the table, the totals and the accounts', () => {
    const r = report([nsl(), nsl('2026-04-01'), fisa(), summary({ account: 'plain' })], '2027-01-15');
    expect(r.totals).toMatchObject({ received: 1, accountsAffected: 1 });
    expect(JSON.stringify(r.requests)).not.toMatch(/nationalSecurity|fisa/);
    expect(ns(r)).toMatchObject({ 'nsl.letters': '1-499', 'fisa.content.orders': '0-499' });
  });
});

describe('restatements (DOMAIN §6 retroactive revision)', () => {
  it('restates an NSL band when a gag lifts after the period was first published: 0-499 becomes 1-499', () => {
    const cases = [nsl('2026-09-01'), nsl()];
    const before = report(cases, '2026-08-31');
    expect(ns(before)['nsl.letters']).toBe('0-499');
    expect(before.restated.lines).toEqual([]);
    const after = report(cases, '2026-09-01');
    expect(ns(after)['nsl.letters']).toBe('1-499');
    expect(after.restated.lines).toEqual([
      { line: 'nationalSecurity.nsl.letters', was: '0-499', now: '1-499', since: '2026-06-30', note: expect.stringMatching(/gags lifted after 2026-06-30/) as unknown },
      { line: 'nationalSecurity.nsl.selectors', was: '0-499', now: '1-499', since: '2026-06-30', note: expect.any(String) as unknown },
    ]);
  });

  it('compares FISA lines with their first publication, 180 days after the period ends', () => {
    const cases = [fisa(['content'], { secrecy: [{ from: '2026-03-01', endedOn: '2027-02-01' }] })];
    const r = report(cases, '2027-03-01');
    expect(r.restated.lines.find((l) => l.line === 'nationalSecurity.fisa.content.orders')).toMatchObject({ was: '0-499', now: '1', since: '2026-12-27' });
  });

  it('restates other figures too, against a publication date given', () => {
    const cases = [closed('disclosed', '2026-08-01', ['basicSubscriberInfo'])];
    const r = report(cases, '2026-09-01', { since: '2026-07-15' });
    expect(r.restated.since).toBe('2026-07-15');
    expect(r.restated.lines).toContainEqual({ line: 'requests.subpoena.inProcess', was: '1', now: '0', since: '2026-07-15' });
    expect(r.restated.lines).toContainEqual({ line: 'totals.accountsWithDataDisclosed', was: '0', now: '1', since: '2026-07-15' });
  });

  it('lists a FISA line not yet publishable on the publication date given as first published, never as restated or unchanged', () => {
    const cases = [nsl(), fisa(['content'], { secrecy: [{ from: '2026-03-01', endedOn: '2027-02-01' }] })];
    const r = report(cases, '2027-03-01', { since: '2026-07-15' });
    expect(r.restated.lines.map((l) => l.line)).not.toContain('nationalSecurity.fisa.content.orders');
    expect(r.restated.firstPublished.map((f) => f.line)).toEqual(['nationalSecurity.fisa.content.orders', 'nationalSecurity.fisa.content.selectors', 'nationalSecurity.fisa.nonContent.orders', 'nationalSecurity.fisa.nonContent.selectors']);
    expect(r.restated.firstPublished[0]).toEqual({ line: 'nationalSecurity.fisa.content.orders', now: '1', reportableFrom: '2026-12-27', reason: expect.stringMatching(/1874\(b\)/) as unknown });
    // Published once the 180 days had passed, it is compared as any other figure.
    expect(report(cases, '2027-03-01', { since: '2026-12-27' }).restated).toMatchObject({ lines: expect.arrayContaining([expect.objectContaining({ line: 'nationalSecurity.fisa.content.orders', was: '0-499', now: '1' })]) as unknown, firstPublished: [] });
    // Compared with each first publication, no line is new.
    expect(report(cases, '2027-03-01').restated.firstPublished).toEqual([]);
  });

  it('has nothing to restate while the period runs', () => {
    const r = report([nsl('2026-04-01')], '2026-05-01');
    expect(r.periodEnded).toBe(false);
    expect(r.restated).toEqual({ since: null, lines: [], firstPublished: [] });
  });
});

describe('cases left out under other policies', () => {
  it('carries the count given by the caller, none by default', () => {
    expect(report([]).otherPolicies).toEqual({ cases: 0, policies: [] });
    const given = buildTransparencyReport([], { period: H1, asOf: '2026-07-15', structure: 'bands500', otherPolicies: { cases: 5, policies: ['cloudflare'] } });
    expect(given.otherPolicies).toEqual({ cases: 5, policies: ['cloudflare'] });
  });
});

describe('bad options', () => {
  it.each([
    ['a report date before the period', { asOf: '2025-12-31' }, 'asOf'],
    ['a report date that is no date', { asOf: '2026-13-01' }, 'asOf'],
    ['a publication after the report date', { asOf: '2026-08-01', since: '2026-08-02' }, 'since'],
    ['a publication before the period', { asOf: '2026-08-01', since: '2025-08-02' }, 'since'],
    ['a publication before the period ended, when no report of it could be published', { asOf: '2026-08-01', since: '2026-06-29' }, 'since'],
    ['a publication while the period still runs', { asOf: '2026-05-01', since: '2026-04-01' }, 'since'],
  ])('%s is an InputError naming the field', (_, dates, field) => {
    expect(() => buildTransparencyReport([], { period: H1, structure: 'bands1000', ...dates })).toThrow(InputError);
    expect(() => buildTransparencyReport([], { period: H1, structure: 'bands1000', ...dates })).toThrow(new RegExp(`^${field}: `));
  });

  it('names the first day a report of the period could be published, or says none was yet', () => {
    const before = inputErrorOf(() => buildTransparencyReport([], { period: H1, asOf: '2026-08-01', since: '2026-03-02', structure: 'bands1000', names: { since: '--published' } }));
    expect(before).toMatchObject({ field: '--published', value: '2026-03-02' });
    expect(before.problem).toBe('is before period 2026H1 ended (its last day is 2026-06-30): no report of the period could have been published then');
    expect(before.fix).toMatch(/^give the day the period’s report was published, from 2026-06-30 .* to 2026-08-01/);
    const running = inputErrorOf(() => buildTransparencyReport([], { period: H1, asOf: '2026-05-01', since: '2026-04-01', structure: 'bands1000', names: { since: '--published' } }));
    expect(running.fix).toBe('leave --published out: as of 2026-05-01 the period has not ended, so no report of it was published yet');
    expect(report([], '2026-08-01', { since: '2026-06-30' }).restated.since).toBe('2026-06-30');
  });
});
