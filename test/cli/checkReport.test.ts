import { describe, expect, it } from 'vitest';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { formatReport, reportJson } from '../../src/cli/checkReport.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { runCheckTask } from '../../src/rules/runCheckTask.ts';

describe('formatReport', () => {
  const rows = ['preservation', 'abuseComplaint'].map((kind, index) => {
    const { results, ms } = runCheckTask({ index, kind, policy: cloudflare, date: CHECK_DATE });
    return { machine: kind, policy: 'cloudflare', version: policyVersionAt(cloudflare, CHECK_DATE).title, results, ms };
  });

  it('gives each row the most states and transitions any of its rules explored', () => {
    const text = formatReport(rows);
    for (const row of rows) {
      const states = Math.max(...row.results.map((r) => r.states));
      const transitions = Math.max(...row.results.map((r) => r.transitions));
      expect(transitions).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`^${row.machine}\\s+cloudflare\\s+${states}\\s+${transitions}\\s`, 'm'));
    }
  });

  it('lists every rule of every row with { rules: true }, and only the table without', () => {
    const summary = formatReport(rows);
    const detailed = formatReport(rows, { rules: true });
    expect(summary).not.toContain('preservation × cloudflare');
    expect(detailed).toContain(`preservation × cloudflare (${rows[0]?.version})`);
    for (const row of rows) {
      for (const r of row.results) {
        const status = r.status === 'notApplicable' ? 'n/a' : r.status;
        const vacuous = r.vacuous ? ` {2}vacuous: no run where ${r.vacuous.premise}` : '';
        expect(detailed).toMatch(new RegExp(`^ {2}${status.replace('/', '\\/')}\\s+${r.rule.id}${r.status === 'notApplicable' ? `\\s+applies to: ${r.rule.scope.replace(/[.()]/g, '\\$&')}$` : `\\s+${r.states} states\\s+${r.transitions} transitions${vacuous}$`}`, 'm'));
      }
    }
    expect(detailed.split('\n').slice(0, 3)).toEqual(summary.split('\n').slice(0, 3));
  });

  it('counts vacuous proofs per row and lists them by rule, with or without each rule', () => {
    // abuseComplaint has no timer, so no deadline ever passes.
    expect(rows[1]?.results.filter((r) => r.vacuous).map((r) => r.rule.id)).toEqual(['no-silent-deadline']);
    for (const text of [formatReport(rows), formatReport(rows, { rules: true })]) {
      expect(text).toMatch(/^machine\s+policy\s+states\s+transitions\s+proved\s+vacuous\s+violated/m);
      expect(text).toMatch(/^preservation\s+cloudflare\s+\d+\s+\d+\s+3\s+0\s+0\s/m);
      expect(text).toMatch(/^abuseComplaint\s+cloudflare\s+\d+\s+\d+\s+3\s+1\s+0\s/m);
      expect(text).toContain('\n  no-silent-deadline — no run where a deadline passes:\n    abuseComplaint × cloudflare\n');
      expect(text).toContain('All rules hold: 6 proofs (1 vacuous) across 2 machine × policy checks');
    }
    const none = rows.map((row) => ({ ...row, results: row.results.map(({ vacuous: _v, ...r }) => r) }));
    expect(formatReport(none)).not.toMatch(/Vacuous|vacuous\)/);
  });

  it('tells how to raise the budget that stopped a search', () => {
    const [first] = rows;
    if (!first) throw new Error('no row');
    const stopped = (budget: 'states' | 'time') => ({ ...first, results: first.results.map((r) => (r.status === 'proved' ? { ...r, status: 'inconclusive' as const, frontier: 3, budget } : r)) });
    expect(formatReport([stopped('time')])).toContain('\n  Fix: raise the time budget with --max-seconds N (it is 60 unless given)');
    expect(formatReport([stopped('states')])).toContain('\n  Fix: raise the state budget with --max-states N (it is 200,000 unless given)');
    expect(formatReport(rows)).not.toContain('Fix: raise');
  });

  it('gives each JSON row the verdict the exit code gives the run: violated over inconclusive over holds', () => {
    const [first] = rows;
    if (!first) throw new Error('no row');
    const withStatus = (status: 'violated' | 'inconclusive', also?: 'inconclusive') => ({
      ...first,
      results: first.results.map((r, i) => (i === 0 ? { ...r, status } : i === 1 && also ? { ...r, status: also } : r)),
    });
    const verdicts = reportJson([first, withStatus('inconclusive'), withStatus('violated', 'inconclusive')]).map((r) => r.verdict);
    expect(verdicts).toEqual(['holds', 'inconclusive', 'violated']);
  });
});
