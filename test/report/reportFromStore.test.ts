import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/InputError.ts';
import { caseSummaries } from '../../src/report/caseSummaries.ts';
import { transparencyReportFromStore } from '../../src/report/reportFromStore.ts';
import type { CaseStore } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { sampleRequest, seedCases } from './storeFixture.ts';

let store: CaseStore;
afterEach(async () => store.close());

const seeded = async () => {
  store = sqliteStore(':memory:');
  await seedCases(store);
  return store;
};

describe('case summaries from a store', () => {
  it('replays each case to the report date: gags with the dates they began and ended, outcomes and disclosures', async () => {
    const byId = Object.fromEntries((await caseSummaries(await seeded(), { asOf: '2027-01-15' })).map((s) => [s.id, s]));
    expect(byId['gaggedWarrant']?.secrecy).toEqual([{ from: '2026-04-01', endedOn: '2026-05-01' }]);
    expect(byId['nslLifted']?.secrecy).toEqual([{ from: '2026-03-01', endedOn: '2027-01-10' }]);
    expect(byId['fisa']?.secrecy).toEqual([{ from: '2026-04-01', endedOn: null }]);
    expect(byId['full']).toMatchObject({ account: 'acct-1', requested: ['basicSubscriberInfo'], outcome: { tag: 'disclosed', on: '2026-02-20' }, disclosures: [{ on: '2026-02-20', categories: ['basicSubscriberInfo'] }] });
    expect(byId['preservation']?.outcome).toEqual({ tag: 'handedToProcess', on: '2026-05-10' });
    expect(byId['gaggedWarrant']?.outcome).toBeNull();
  });

  it('ignores what happened after the report date', async () => {
    const byId = Object.fromEntries((await caseSummaries(await seeded(), { asOf: '2026-04-20' })).map((s) => [s.id, s]));
    expect(byId['nslLifted']?.secrecy).toEqual([{ from: '2026-03-01', endedOn: null }]);
    expect(byId['gaggedWarrant']?.secrecy).toEqual([{ from: '2026-04-01', endedOn: null }]);
    expect(byId['preservation']).toBeUndefined();
    expect(byId['late']).toBeUndefined();
  });
});

describe('the report of a store', () => {
  it('counts the period’s cases by kind and outcome, with accounts, emergencies and national-security bands', async () => {
    const report = await transparencyReportFromStore(await seeded(), { period: '2026H1', asOf: '2027-01-15' });
    const row = (kind: string) => report.requests.find((r) => r.kind === kind);
    expect(report.policy).toBe('cloudflare');
    expect(report.nationalSecurity.structure).toBe('bands250');
    expect(row('subpoena')).toMatchObject({ received: 3, outcomes: { disclosedInFull: 1, disclosedInPart: 1, refused: 1 } });
    expect(row('courtOrder')?.outcomes.withdrawn).toBe(1);
    expect(row('searchWarrant')?.outcomes.inProcess).toBe(1);
    expect(report.totals).toMatchObject({ received: 7, accountsAffected: 6, accountsWithDataDisclosed: 3 });
    expect(report.emergency).toEqual({ requests: 2, accounts: 2, producedData: 1 });
    expect(report.excluded.find((e) => e.kind === 'preservation')).toMatchObject({ received: 1, outcomes: { handedToProcess: 1 } });
    expect(report.nationalSecurity.lines.map((l) => l.text)).toEqual(['1-249', '1-249']);
    expect(report.restated.lines.filter((l) => l.line.startsWith('nationalSecurity.'))).toEqual([
      expect.objectContaining({ line: 'nationalSecurity.process', was: '0-249', now: '1-249', since: '2026-12-27' }),
      expect.objectContaining({ line: 'nationalSecurity.selectors', was: '0-249', now: '1-249', since: '2026-12-27' }),
    ]);
  });

  it('holds the combined national-security lines until 180 days after the period (1874(b))', async () => {
    const report = await transparencyReportFromStore(await seeded(), { period: '2026H1', asOf: '2026-12-26' });
    expect(report.nationalSecurity.lines.map((l) => l.value.status)).toEqual(['notYetReportable', 'notYetReportable']);
  });

  it('uses the band structure of the policy named', async () => {
    store = sqliteStore(':memory:');
    await seedCases(store, 'letsencrypt');
    const report = await transparencyReportFromStore(store, { period: '2026', asOf: '2027-07-01', policy: 'letsencrypt' });
    expect(report.nationalSecurity.structure).toBe('annualBands100');
    expect(report.nationalSecurity.lines.map((l) => l.text)).toEqual(['1-99', '1-99']);
  });

  it('counts the period’s cases left out as opened under another policy, by the report date, never national-security process', async () => {
    const other = await transparencyReportFromStore(await seeded(), { period: '2026H1', asOf: '2027-01-15', policy: 'letsencrypt' });
    expect(other.totals.received).toBe(0);
    // 11 cases received in 2026H1 under cloudflare: 8 once the 2 NSLs and the FISA order are set aside.
    expect(other.otherPolicies).toEqual({ cases: 8, policies: ['cloudflare'] });
    const early = await transparencyReportFromStore(store, { period: '2026H1', asOf: '2026-03-01', policy: 'letsencrypt' });
    expect(early.otherPolicies.cases).toBe(3);
    const own = await transparencyReportFromStore(store, { period: '2026H1', asOf: '2027-01-15' });
    expect(own.otherPolicies).toEqual({ cases: 0, policies: [] });
  });

  it('needs --policy when the store holds cases under several, or none', async () => {
    store = sqliteStore(':memory:');
    const names = { policy: '--policy' };
    await expect(transparencyReportFromStore(store, { period: '2026H1', asOf: '2026-07-01', names })).rejects.toThrow(/^--policy: is needed: the store holds no cases/);
    await createCaseEngine({ store, policy: 'cloudflare' }).open(sampleRequest('subpoena', 0, '2026-02-02', 'a'));
    await createCaseEngine({ store, policy: 'letsencrypt' }).open(sampleRequest('subpoena', 0, '2026-02-03', 'b'));
    const error = await transparencyReportFromStore(store, { period: '2026H1', asOf: '2026-07-01', names }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/cloudflare, letsencrypt/);
    const one = await transparencyReportFromStore(store, { period: '2026H1', asOf: '2026-07-01', policy: 'letsencrypt' });
    expect(one.totals.received).toBe(1);
    expect(one.otherPolicies).toEqual({ cases: 1, policies: ['cloudflare'] });
    await expect(transparencyReportFromStore(store, { period: '2026H1', asOf: '2026-07-01', policy: 'google' })).rejects.toThrow(/^policy: is not a built-in policy/);
  });
});
