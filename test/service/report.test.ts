import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, STORES, requestOf, startHarness } from './support/serviceHarness.ts';

type Report = { period: { id: string }; totals: { received: number; accountsAffected: number }; nationalSecurity: { lines: { text: string }[] } };

describe.each(STORES)('GET /report on %s', (_name, makeStore) => {
  let h: Harness;
  afterEach(async () => h.stop());

  async function cases() {
    h = await startHarness(makeStore, '2026-08-01');
    for (const [i, account] of ['a-1', 'a-2', 'a-1'].entries()) {
      expect((await h.call('alice', 'POST', '/cases', { request: requestOf('subpoena', `2026-03-0${i + 1}`, { account }) })).status).toBe(201);
    }
    expect((await h.call('alice', 'POST', '/cases', { request: requestOf('nationalSecurityLetter', '2026-04-01', { secrecyCertified: true }) })).status).toBe(201);
  }

  it('reports a period that has ended, national-security process only in bands, as JSON, markdown or CSV', async () => {
    await cases();
    const json = await h.call('vic', 'GET', '/report?period=2026H1&asOf=2026-07-15');
    expect(json.status).toBe(200);
    const report = json.body as Report;
    expect(report.period.id).toBe('2026H1');
    expect(report.totals).toMatchObject({ received: 3, accountsAffected: 2 });
    expect(json.text).not.toMatch(/"nationalSecurityLetter"/);
    const md = await h.call('ada', 'GET', '/report?period=2026H1&asOf=2026-07-15&format=md');
    expect(md.status).toBe(200);
    expect(md.text).toMatch(/^#/m);
    const csv = await h.call('vic', 'GET', '/report?period=2026H1&asOf=2026-07-15&format=csv');
    expect(csv.text.split('\n')[0]).toBe('section,item,outcome,value,bandLow,bandHigh,note');
  });

  it.each([
    ['an open period, no as-of date given', '/report?period=2026H2', 'period', 'has not ended: its last day is 2026-12-31'],
    ['an as-of date inside the period', '/report?period=2026H1&asOf=2026-06-30', 'asOf', 'is not after the period’s last day'],
    ['an as-of date after today', '/report?period=2026H1&asOf=2026-09-01', 'asOf', 'is after today'],
    ['a period that is none', '/report?period=2026H3&asOf=2026-07-15', 'period', ''],
    ['a format that is none', '/report?period=2026H1&format=pdf', 'query.format', ''],
  ])('answers 400 to %s, naming the field', async (_what, path, field, problem) => {
    await cases();
    const res = await h.call('vic', 'GET', path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { field } });
    expect(res.text).toContain(problem);
  });

  it('is for viewers and admins; counsel get 403', async () => {
    await cases();
    expect((await h.call('alice', 'GET', '/report?period=2026H1&asOf=2026-07-15')).status).toBe(403);
  });
});
