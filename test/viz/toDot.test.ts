import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statechartModel } from '../../src/viz/statechartModel.ts';
import type { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { toDot } from '../../src/viz/toDot.ts';
import { KIND_CHARTS } from './support/catalogueCharts.ts';
import { checkDot } from './support/checkDot.ts';
import { oddMachine } from './support/oddMachine.ts';

const DOT = '/usr/bin/dot';

/** Runs Graphviz when it is installed; the syntactic check runs either way. */
function graphviz(text: string): { ran: boolean; status: number | null; stderr: string; svg: string } {
  if (!existsSync(DOT)) return { ran: false, status: 0, stderr: '', svg: '' };
  const result = spawnSync(DOT, ['-Tsvg'], { input: text, encoding: 'utf8' });
  return { ran: true, status: result.status, stderr: result.stderr, svg: result.stdout };
}

function expectValid(chart: StatechartJson) {
  const text = toDot(chart);
  const check = checkDot(text);
  expect(check.problems).toEqual([]);
  const leaves = chart.nodes.filter((n) => !chart.nodes.some((c) => c.parent === n.id));
  expect(check.nodes.size).toBe(leaves.length + chart.nodes.filter((n) => n.initial).length);
  expect(check.clusters.size).toBe(chart.nodes.length - leaves.length);
  const initials = chart.nodes.filter((n) => n.initial).length;
  expect(check.edges).toHaveLength(initials + chart.edges.reduce((sum, e) => sum + Math.max(1, e.targets.length), 0));
  const run = graphviz(text);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  if (run.ran) expect(run.svg).toContain('</svg>');
  return { text, check };
}

describe('toDot', () => {
  it.each(KIND_CHARTS.map((k) => [k.kind, k.chart] as const))(`%s: valid DOT (checked by ${existsSync(DOT) ? 'dot -Tsvg and ' : ''}the syntax checker)`, (_, chart) => {
    expectValid(chart);
  });

  it('clips arrows at compound states, dashes regions, labels triggers, guards and timers', () => {
    const chart = KIND_CHARTS.find((k) => k.kind === 'subpoena')?.chart as StatechartJson;
    const { text, check } = expectValid(chart);
    const lifted = check.edges.find((e) => e.attributes.label?.startsWith('secrecy.lifted'));
    expect(lifted).toMatchObject({ from: 'secrecy.inForce.term.resolve', to: 'secrecy.ended', attributes: { ltail: 'cluster_secrecy.inForce' } });
    const imposed = check.edges.find((e) => e.to === 'secrecy.inForce.term.resolve' && e.from === 'secrecy.atReceipt');
    expect(imposed?.attributes.lhead).toBe('cluster_secrecy.inForce');
    expect(text).toContain('subgraph "cluster_notice" {\n      graph [label="notice", style="dashed,rounded"');
    expect(text).toContain('graph [label="subpoena (parallel)", style="bold,rounded"');
    expect(check.edges.find((e) => e.from === 'notice.sent' && e.to === 'notice.objectionWindowElapsed')?.attributes.label).toBe('after objectionWindow (14 d, policy [?])');
    expect(check.edges.find((e) => e.from === 'notice.pending' && e.to === 'notice.sent')?.attributes.label).toBe("notice.sent\\n[!In('secrecy.inForce')]");
    expect(text).toMatch(/"process\.intake" \[label="intake", tooltip="process\.intake\\nRequest received and logged; retention and eligibility are checked first\."\]/);
    expect(check.edges.find((e) => e.attributes.label === 'always\\n[!requestsCompellable]')?.attributes.tooltip).toMatch(/source: 18 U\.S\.C\. .*\[S\] \(DOMAIN\.md §/);
  });

  it('quotes and escapes every id and text, and handles history, targetless and root transitions', () => {
    const { text, check } = expectValid(statechartModel(oddMachine));
    expect(check.clusters.has('cluster_odd-machine')).toBe(true);
    expect(text).toContain('"a-b" -> "a-b" [label="poke\\n(stays)"');
    expect(text).toContain('label="Odd { machine }; #1"');
    expect(text).toContain('Root <with> \\"quotes\\" & ampersands');
    expect(check.edges.find((e) => e.attributes.label?.startsWith('reset.all'))?.attributes.label).toBe('reset.all\\n(from all of odd-machine)');
    expect(check.edges.find((e) => e.attributes.label === 'leave')).toMatchObject({ from: 'a_b.inner', to: 'both.left.l1', attributes: { ltail: 'cluster_a_b', lhead: 'cluster_both' } });
  });

  it('the syntax checker catches what dot would reject', () => {
    expect(checkDot('digraph "g" {\n  "a" [label="a"];\n  "a" -> "b";\n').problems).toEqual(['braces unbalanced by 1', 'edge endpoint b is not declared']);
    expect(checkDot('digraph "g" {\n  a;\n  "x" -> "x" [lhead="cluster_y"];\n}').problems).toEqual(expect.arrayContaining(['unexpected id a', 'lhead cluster_y is not a declared cluster']));
  });
});
