import { describe, expect, it } from 'vitest';
import { buildTransparencyReport } from '../../src/report/buildTransparencyReport.ts';
import { CSV_COLUMNS, renderCsv } from '../../src/report/renderCsv.ts';
import { renderMarkdown } from '../../src/report/renderMarkdown.ts';
import { renderReport } from '../../src/report/renderReport.ts';
import { H1, closed, fisa, nsl, summary } from './summaryFixtures.ts';

const cases = [closed('disclosed', '2026-03-01', ['basicSubscriberInfo']), summary({ kind: 'emergency' }), nsl('2026-09-01'), nsl(), fisa()];
const at = (asOf: string) => buildTransparencyReport(cases, { period: H1, asOf, structure: 'bands1000', policy: 'cloudflare' });

/** Splits one CSV line on commas outside quotes. */
const fields = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1] ?? '').slice(0, CSV_COLUMNS.length);

describe('Markdown', () => {
  it('says why a line is not yet reportable, and what was restated', () => {
    const md = renderMarkdown(at('2026-09-15'));
    expect(md).toContain('| National Security Letters received | 1-999 |');
    expect(md).toContain('| FISA content orders or directives | not yet reportable (from 2026-12-27): FISA numbers wait until 180 days after the period ends (50 U.S.C. 1874(b)) |');
    expect(md).toContain('## Restated since first publication');
    expect(md).toContain('| nationalSecurity.nsl.letters | 0-999 | 1-999 | 2026-06-30 |');
    expect(md).toContain('Requests: 1 · accounts: 1 · produced data: 0 (0%)');
  });

  it('says how many cases were left out under other policies, only when some were', () => {
    expect(renderMarkdown(at('2026-09-15'))).not.toContain('Left out');
    const md = renderMarkdown({ ...at('2026-09-15'), otherPolicies: { cases: 5, policies: ['acme', 'cloudflare'] } });
    expect(md).toContain('Left out: 5 cases received in the period, opened under another policy profile (acme, cloudflare); report them with each of those profiles. National-security process is never counted here.');
    expect(renderMarkdown({ ...at('2026-09-15'), otherPolicies: { cases: 1, policies: ['acme'] } })).toContain('Left out: 1 case received');
  });

  it('lists lines first published since the publication given apart from restatements', () => {
    const md = renderMarkdown(buildTransparencyReport(cases, { period: H1, asOf: '2027-01-15', since: '2026-07-01', structure: 'bands1000', policy: 'cloudflare' }));
    expect(md).toContain('## Restated since 2026-07-01');
    expect(md).toContain('| nationalSecurity.nsl.letters | 0-999 | 1-999 | 2026-07-01 |');
    expect(md).toContain('First published in this report, not yet publishable then:');
    expect(md).toContain('| nationalSecurity.fisa.content.orders | 0-999 | 2026-12-27 | FISA numbers wait until 180 days after the period ends (50 U.S.C. 1874(b)) |');
  });

  it('marks an interim report while the period runs', () => {
    const md = renderMarkdown(at('2026-04-01'));
    expect(md).toContain('period still running: figures are interim');
    expect(md).toContain('Nothing to compare with: the period has not ended.');
  });

  it('escapes a pipe in a cell so the table holds', () => {
    const md = renderMarkdown({ ...at('2026-07-01'), policy: 'a|b' });
    expect(md).toContain('policy a|b');
    const report = at('2026-07-01');
    const withPipe = { ...report, requests: report.requests.slice(0, 1).map((r) => ({ ...r, title: 'one | two' })) };
    expect(renderMarkdown(withPipe)).toContain('| one \\| two |');
  });
});

describe('CSV', () => {
  it('has one row per kind and outcome, totals, emergency, band lines and restatements, all with the same columns', () => {
    const csv = renderCsv(at('2026-09-15'));
    const rows = csv.split('\n').map(fields);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(rows).toContainEqual(['requests', 'subpoena', 'disclosedInFull', '1', '', '', '']);
    expect(rows).toContainEqual(['nationalSecurity', 'nsl.letters', '', '1-999', '1', '999', '']);
    expect(rows).toContainEqual(['restated', 'nationalSecurity.nsl.letters', '', '1-999', '', '', expect.stringMatching(/^was 0-999; restated as gags lifted/) as unknown]);
    const fisaRow = rows.find((r) => r[1] === 'fisa.content.orders');
    expect(fisaRow?.[3]).toBe('not yet reportable (from 2026-12-27)');
    expect(fisaRow?.[6]).toMatch(/^FISA numbers wait until 180 days/);
  });

  it('starts with the report’s context, and gives what was received per kind, in total and per excluded kind', () => {
    const rows = renderCsv(at('2026-09-15')).split('\n').map(fields);
    expect(rows.slice(1, 9)).toEqual([
      ['report', 'format', '', 'dueprocess-transparency-report/1', '', '', ''],
      ['report', 'period', '', '2026H1', '', '', '2026-01-01 to 2026-06-30'],
      ['report', 'asOf', '', '2026-09-15', '', '', ''],
      ['report', 'periodEnded', '', 'true', '', '', ''],
      ['report', 'policy', '', 'cloudflare', '', '', ''],
      ['report', 'nationalSecurityStructure', '', 'bands1000', '', '', '"semiannual, bands of 1000 (50 U.S.C. 1874(a)(1))"'],
      ['report', 'restatedSince', '', '', '', '', 'each figure compared with its first publication'],
      ['otherPolicies', 'cases', '', '0', '', '', ''],
    ]);
    expect(rows).toContainEqual(['requests', 'subpoena', 'received', '1', '', '', '']);
    expect(rows).toContainEqual(['requests', 'emergency', 'received', '1', '', '', '']);
    expect(rows).toContainEqual(['totals', 'all', 'received', '2', '', '', '']);
    expect(rows).toContainEqual(['excluded', 'preservation', 'received', '0', '', '', '']);
    const interim = renderCsv({ ...at('2026-04-01'), otherPolicies: { cases: 3, policies: ['acme'] } }).split('\n').map(fields);
    expect(interim).toContainEqual(['report', 'periodEnded', '', 'false', '', '', 'period still running: figures are interim']);
    expect(interim).toContainEqual(['otherPolicies', 'cases', '', '3', '', '', 'opened under acme; national-security process never counted here']);
  });

  it('has a row per line first published since the publication given', () => {
    const rows = renderCsv(buildTransparencyReport(cases, { period: H1, asOf: '2027-01-15', since: '2026-07-01', structure: 'bands1000' })).split('\n').map(fields);
    expect(rows).toContainEqual(['firstPublished', 'nationalSecurity.fisa.content.orders', '', '0-999', '', '', expect.stringMatching(/^not yet reportable on 2026-07-01: FISA numbers wait .*; publishable from 2026-12-27$/) as unknown]);
    expect(rows).toContainEqual(['report', 'restatedSince', '', '2026-07-01', '', '', '']);
  });

  it('quotes a field holding a comma or a quote', () => {
    const report = { ...at('2026-07-01') };
    report.excluded = [{ kind: 'x,"y"', title: 't', reason: 'r', received: 1, outcomes: { inProcess: 1 } }];
    expect(renderCsv(report).split('\n')).toContain('excluded,"x,""y""",inProcess,1,,,');
  });
});

describe('JSON', () => {
  it('is the report object, unchanged by a round trip', () => {
    const report = at('2027-01-15');
    expect(JSON.parse(renderReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
