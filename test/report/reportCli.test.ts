import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import type { TransparencyReport } from '../../src/report/TransparencyReport.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';
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
    expect(Object.keys(json)).toEqual(['format', 'period', 'asOf', 'periodEnded', 'policy', 'requests', 'totals', 'emergency', 'nationalSecurity', 'excluded', 'restated']);
  });

  it('prints CSV: a row per kind and outcome, then the band lines', async () => {
    const { code, out } = await report('--format', 'csv');
    expect(code).toBe(0);
    const rows = out.split('\n');
    expect(rows[0]).toBe('section,item,outcome,value,bandLow,bandHigh,note');
    expect(rows).toContain('requests,subpoena,disclosedInPart,1,,,');
    expect(rows).toContain('nationalSecurity,nationalSecurity.process,,1-249,1,249,');
    expect(rows.filter((r) => r.startsWith('requests,'))).toHaveLength(11 * 6);
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
    [['--period', '2026H1', '--as-of', '2026-08-01', '--published', '2026-09-01'], /^dueprocess: --published: is not between/],
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

  it('exits 2 on a database that does not exist, and creates none', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'dueprocess-report-')), 'none.db');
    const { code, err } = await runCliCaptured(['report', '--period', '2026H1', '--db', missing]);
    expect(code).toBe(2);
    expect(err).toMatch(/--db: does not exist/);
    expect(existsSync(missing)).toBe(false);
  });
});
