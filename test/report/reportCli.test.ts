import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { REPORT_OUTCOMES } from '../../src/report/reportOutcome.ts';
import { reportScope } from '../../src/report/reportScope.ts';
import type { TransparencyReport } from '../../src/report/TransparencyReport.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';
import { seedCases } from './storeFixture.ts';

let db: string;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'dueprocess-report-')), 'cases.db');
  const store = sqliteStore(db);
  await seedCases(store);
  await store.close();
});

const report = (...more: string[]) => runCliCaptured(['report', '--period', '2026H1', '--db', db, '--as-of', '2027-01-15', ...more]);

describe('dueprocess report', () => {
  it('prints Markdown tables by default', async () => {
    const { code, out } = await report();
    expect(code).toBe(0);
    expect(out).toMatch(/^# Transparency report 2026H1 \(2026-01-01 to 2026-06-30\)/);
    expect(out).toContain('| Subpoena (ECPA, grand jury or trial) | 3 | 1 | 1 | 1 | 0 | 0 | 0 |');
    expect(out).toContain('| **Total** | 7 | 2 | 1 | 2 | 0 | 1 | 1 |');
    expect(out).toContain('Requests: 2 · accounts: 2 · produced data: 1 (50%)');
    expect(out).toContain('| National-security process received (NSLs and FISA, combined) | 1-249 |');
    expect(out).toContain('| nationalSecurity.process | 0-249 | 1-249 | 2026-12-27 |');
  });

  it('prints the report object as JSON', async () => {
    const { code, out } = await report('--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as TransparencyReport;
    expect(json).toMatchObject({ format: 'dueprocess-transparency-report/1', period: { id: '2026H1' }, asOf: '2027-01-15', policy: 'cloudflare', totals: { received: 7 } });
    expect(Object.keys(json)).toEqual(['format', 'period', 'asOf', 'periodEnded', 'policy', 'otherPolicies', 'requests', 'totals', 'emergency', 'nationalSecurity', 'excluded', 'restated']);
  });

  it('prints CSV: the report’s context, a row per kind received and per outcome, then the band lines', async () => {
    const { code, out } = await report('--format', 'csv');
    expect(code).toBe(0);
    const rows = out.split('\n');
    expect(rows[0]).toBe('section,item,outcome,value,bandLow,bandHigh,note');
    expect(rows.slice(1, 9)).toEqual([
      'report,format,,dueprocess-transparency-report/1,,,',
      'report,period,,2026H1,,,2026-01-01 to 2026-06-30',
      'report,asOf,,2027-01-15,,,',
      'report,periodEnded,,true,,,',
      'report,policy,,cloudflare,,,',
      'report,nationalSecurityStructure,,bands250,,,"semiannual, all national-security process combined, bands of 250 (50 U.S.C. 1874(a)(3))"',
      'report,restatedSince,,,,,each figure compared with its first publication',
      'otherPolicies,cases,,0,,,',
    ]);
    expect(rows).toContain('requests,subpoena,received,3,,,');
    expect(rows).toContain('requests,subpoena,disclosedInPart,1,,,');
    expect(rows).toContain('totals,all,received,7,,,');
    expect(rows).toContain('excluded,preservation,received,1,,,');
    expect(rows).toContain('nationalSecurity,nationalSecurity.process,,1-249,1,249,');
    const counted = CATALOGUE.filter((e) => reportScope(e.kind).as === 'counted').length;
    expect(rows.filter((r) => r.startsWith('requests,'))).toHaveLength(counted * (1 + REPORT_OUTCOMES.length));
  });

  it('says how many of the period’s cases it left out as opened under another policy, national-security process not counted', async () => {
    const md = await report('--policy', 'letsencrypt');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| **Total** | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md.out).toContain('Left out: 8 cases received in the period, opened under another policy profile (cloudflare); report them with that profile.');
    const json = JSON.parse((await report('--policy', 'letsencrypt', '--format', 'json')).out) as TransparencyReport;
    expect(json.otherPolicies).toEqual({ cases: 8, policies: ['cloudflare'] });
    const csv = (await report('--policy', 'letsencrypt', '--format', 'csv')).out.split('\n');
    expect(csv).toContain('otherPolicies,cases,,8,,,opened under cloudflare; national-security process never counted here');
    expect((await report()).out).not.toContain('Left out:');
  });

  it('restates against a publication date given with --published', async () => {
    const { out } = await report('--format', 'json', '--published', '2026-12-31');
    expect((JSON.parse(out) as TransparencyReport).restated).toMatchObject({ since: '2026-12-31', lines: [{ line: 'nationalSecurity.process', was: '0-249', now: '1-249' }, { line: 'nationalSecurity.selectors' }] });
  });

  it.each([
    [['--period', '2026H3'], /^dueprocess: --period: is not a reporting period \(got "2026H3"\)\. Fix: give a half-year like 2026H1/],
    [['--period', '2026H1', '--format', 'pdf'], /^dueprocess: --format: is not a report format \(got "pdf"\)\. Fix: use one of md, json, csv/],
    [['--period', '2026H1', '--as-of', '2026-02-30'], /^dueprocess: --as-of: is no day of the calendar \(got "2026-02-30"\)\. Fix: give a day that exists/],
    [['--period', '2026H1', '--as-of', '2025-12-01'], /^dueprocess: --as-of: is before period 2026H1 starts .*Fix: give a date on or after 2026-01-01/],
    [['--period', '2026H1', '--as-of', '2026-08-01', '--published', '2026-09-01'], /^dueprocess: --published: is after the report date \(2026-08-01\) .*Fix: .*from 2026-06-30/],
    [['--period', '2999H1'], /^dueprocess: --period: has not ended, nor begun: it runs from 2999-01-01 to 2999-06-30 and today is \d{4}-\d\d-\d\d \(got "2999H1"\)\. Fix: give a period that has ended, like --period \d{4}H[12], or --as-of/],
    [['--period', '2026H1', '--policy', 'google'], /^dueprocess: --policy: is not a built-in policy/],
    [['--as-of', '2026-08-01'], /^dueprocess: --period: is required/],
    [['--period', '2026H1', '--colour'], /^dueprocess: arguments: Unknown option '--colour'/],
  ])('%j exits 2 naming the field, the value and the fix', async (args, message) => {
    const { code, out, err } = await runCliCaptured(['report', '--db', db, ...args]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('reports a store whose cases ran under a policy file (serve --policy FILE) when given the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dueprocess-report-'));
    const own = join(dir, 'cases.db');
    const acme = { ...cloudflare, id: 'acme', name: 'Acme' };
    const store = sqliteStore(own);
    await seedCases(store, 'acme', { acme });
    await store.close();
    const file = join(dir, 'acme-policy.json');
    writeFileSync(file, JSON.stringify(acme));
    const run = (...more: string[]) => runCliCaptured(['report', '--period', '2026H1', '--db', own, '--as-of', '2027-01-15', '--format', 'json', ...more]);
    const { code, out, err } = await run('--policy', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ policy: 'acme', totals: { received: 7 } });
    // Without the file the store's policy id means nothing to dueprocess: said, with the fix.
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/^dueprocess: --policy: is the policy profile the store’s cases ran under, and not a built-in one \(got "acme"\)\. Fix: give that profile: its policy JSON file/);
    // A file whose policy takes a built-in id would make stored cases ambiguous.
    const clash = join(dir, 'clash.json');
    writeFileSync(clash, JSON.stringify({ ...acme, id: 'cloudflare' }));
    const refused = await run('--policy', clash);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^dueprocess: --policy: holds the policy id "cloudflare", which is a built-in policy's/);
  });

  it('exits 2 on a file that is not a case database, saying so, and writes nothing to it', async () => {
    const json = tempFile('some-file.json', { cases: [] });
    const notSqlite = await runCliCaptured(['report', '--period', '2026H1', '--db', json]);
    expect(notSqlite.code).toBe(2);
    expect(notSqlite.err).toMatch(/^dueprocess: --db: is not a dueprocess case database \(file is not a database\) \(got ".*some-file\.json"\)\. Fix: give the database the case engine writes to/);
    expect(notSqlite.err).not.toMatch(/writable/);
    const other = tempFile('other.db', '');
    const sqlite = new Database(other);
    sqlite.exec('CREATE TABLE notes (text TEXT)');
    sqlite.close();
    const otherDb = await runCliCaptured(['report', '--period', '2026H1', '--db', other]);
    expect(otherDb.code).toBe(2);
    expect(otherDb.err).toMatch(/^dueprocess: --db: is not a dueprocess case database/);
    const after = new Database(other, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'notes' }]);
    after.close();
  });

  it('exits 2 on a database that does not exist, and creates none', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'dueprocess-report-')), 'none.db');
    const { code, err } = await runCliCaptured(['report', '--period', '2026H1', '--db', missing]);
    expect(code).toBe(2);
    expect(err).toMatch(/--db: does not exist/);
    expect(existsSync(missing)).toBe(false);
  });
});
