import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TransparencyReport } from '../../src/report/TransparencyReport.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';
import { sampleRequest } from './storeFixture.ts';

// One NSL received 2025-03-01, disclosed under its gag, the gag lifted 2026-03-01. Cloudflare
// reports it in the combined line, which counts FISA and so waits until 2025-12-27 (1874(b)).
let db: string;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'dueprocess-report-')), 'cases.db');
  const store = sqliteStore(db);
  const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => '2026-06-01' });
  await engine.open(sampleRequest('nationalSecurityLetter', 0, '2025-03-01', 'ns-1'), { id: 'nsl' });
  const events = [
    ['2025-03-01', { type: 'review.completed', finding: 'sufficient' }],
    ['2025-03-10', { type: 'data.disclosed', categories: ['subscriberIdentity'] }],
    ['2026-03-01', { type: 'secrecy.lifted', reason: 'lifted' }],
  ] as const;
  for (const [on, event] of events) expect((await engine.send('nsl', event, { on })).ok).toBe(true);
  await store.close();
});

const report = (published: string, ...more: string[]) => runCliCaptured(['report', '--period', '2025H1', '--db', db, '--as-of', '2026-06-01', '--published', published, ...more]);

describe('report --published: the day a report of the period was published', () => {
  it.each(['2025-03-02', '2025-06-29'])('refuses %s, before the period ended, naming --published and the earliest day a report could be published', async (published) => {
    const { code, out, err } = await report(published);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^dueprocess: --published: is before period 2025H1 ended .*\\(got "${published}"\\)\\. Fix: .*from 2025-06-30 .* to 2026-06-01`));
  });

  it('shows a line not yet publishable on that day as first published now, never "as published"', async () => {
    const md = await report('2025-07-01');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| National-security process received (NSLs and FISA, combined) | 1 |');
    expect(md.out).not.toContain('every figure is as published');
    expect(md.out).toContain('Nothing restated: every figure published on 2025-07-01 is unchanged.');
    expect(md.out).toMatch(/\| nationalSecurity\.process \| 1 \| 2025-12-27 \| FISA numbers wait/);
    const json = JSON.parse((await report('2025-07-01', '--format', 'json')).out) as TransparencyReport;
    expect(json.restated).toEqual({
      since: '2025-07-01',
      lines: [],
      firstPublished: [
        { line: 'nationalSecurity.process', now: '1', reportableFrom: '2025-12-27', reason: expect.stringMatching(/^FISA numbers wait/) as unknown },
        { line: 'nationalSecurity.selectors', now: '1', reportableFrom: '2025-12-27', reason: expect.any(String) as unknown },
      ],
    });
    const csv = (await report('2025-07-01', '--format', 'csv')).out.split('\n');
    expect(csv).toContainEqual(expect.stringMatching(/^firstPublished,nationalSecurity\.process,,1,,,"?not yet reportable on 2025-07-01: FISA numbers wait/));
  });

  it('restates the band published once the line was publishable: 0-249 becomes 1', async () => {
    const json = JSON.parse((await report('2025-12-27', '--format', 'json')).out) as TransparencyReport;
    expect(json.restated.firstPublished).toEqual([]);
    expect(json.restated.lines).toContainEqual(expect.objectContaining({ line: 'nationalSecurity.process', was: '0-249', now: '1', since: '2025-12-27' }));
  });
});
