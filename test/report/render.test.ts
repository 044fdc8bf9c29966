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
