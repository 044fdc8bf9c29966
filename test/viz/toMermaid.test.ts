import { describe, expect, it } from 'vitest';
import { triggerText } from '../../src/viz/edgeText.ts';
import { statechartModel } from '../../src/viz/statechartModel.ts';
import type { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { toMermaid } from '../../src/viz/toMermaid.ts';
import { KIND_CHARTS } from './support/catalogueCharts.ts';
import { oddMachine } from './support/oddMachine.ts';

interface Read {
  states: Map<string, { label: string; block: string | null; composite: boolean }>;
  arrows: { from: string; to: string; label: string; block: string | null }[];
  starts: number;
  ends: number;
  dividers: number;
  notes: Map<string, string>;
}

/** Reads the mermaid that toMermaid writes: declarations, the block each sits in, arrows. */
function readMermaid(text: string): Read {
  const read: Read = { states: new Map(), arrows: [], starts: 0, ends: 0, dividers: 0, notes: new Map() };
  const stack: string[] = [];
  for (const raw of text.split('\n').slice(1)) {
    const line = raw.trim();
    const block = stack.at(-1) ?? null;
    const state = /^state "([^"]*)" as (\S+)( \{)?$/.exec(line);
    const arrow = /^(\S+) --> (\S+)(?: : (.*))?$/.exec(line);
    const note = /^note right of (\S+) : ([^:]+)$/.exec(line);
    if (!line || line.startsWith('%%')) continue;
    if (state) {
      read.states.set(state[2] ?? '', { label: state[1] ?? '', block, composite: Boolean(state[3]) });
      if (state[3]) stack.push(state[2] ?? '');
    } else if (line === '}') stack.pop();
    else if (line === '--') read.dividers++;
    else if (note && block === null) read.notes.set(note[1] ?? '', note[2] ?? '');
    else if (arrow?.[1] === '[*]') read.starts++;
    else if (arrow?.[2] === '[*]') read.ends++;
    else if (arrow) read.arrows.push({ from: arrow[1] ?? '', to: arrow[2] ?? '', label: arrow[3] ?? '', block });
    else if (!/^\S+ : .+$/.test(line)) throw new Error(`unexpected mermaid line: ${line}`);
  }
  if (stack.length) throw new Error(`unclosed blocks: ${stack.join(', ')}`);
  return read;
}

function expectDrawn(chart: StatechartJson, text: string) {
  expect(text.split('\n')[0]).toBe('stateDiagram-v2');
  const read = readMermaid(text);
  expect(read.states.size).toBe(chart.nodes.length);
  for (const id of read.states.keys()) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
  expect([...read.states.values()].map((s) => s.label).sort()).toEqual(chart.nodes.map((n) => (n.type === 'history' ? (n.history === 'deep' ? 'H*' : 'H') : n.key)).sort());
  expect(read.arrows).toHaveLength(chart.edges.reduce((sum, e) => sum + Math.max(1, e.targets.length), 0));
  for (const e of chart.edges) expect(read.arrows.some((a) => a.label.startsWith(triggerText(e)))).toBe(true);
  expect(read.starts).toBe(1 + chart.nodes.filter((n) => n.type === 'compound').length);
  expect(read.ends).toBe(chart.nodes.filter((n) => n.type === 'final').length);
  const regions = (id: string) => chart.nodes.filter((n) => n.parent === id).length;
  expect(read.dividers).toBe(chart.nodes.filter((n) => n.type === 'parallel').reduce((sum, n) => sum + regions(n.id) - 1, 0));
  const described = chart.nodes.filter((n) => n.description && chart.nodes.some((c) => c.parent === n.id));
  expect(read.notes.size).toBe(described.length);
  for (const id of read.notes.keys()) expect(read.states.get(id)?.composite).toBe(true);
  for (const a of read.arrows) {
    for (const end of [a.from, a.to]) {
      expect(read.states.get(end)?.composite, `${end} is a leaf state`).toBe(false);
      if (a.block !== null) expect(read.states.get(end)?.block, `${a.from} --> ${a.to} stays in ${a.block}`).toBe(a.block);
    }
  }
  return read;
}

describe('toMermaid', () => {
  it.each(KIND_CHARTS.map((k) => [k.kind, k.chart] as const))('%s: every state, every trigger, regions, initial and final states', (_, chart) => {
    expectDrawn(chart, toMermaid(chart));
  });

  it('labels timers with their length and who sets it, and shows descriptions and tags', () => {
    const text = (kind: string) => toMermaid(KIND_CHARTS.find((k) => k.kind === kind)?.chart as StatechartJson);
    expect(text('civilSubpoena')).toContain(': after writtenObjectionWindow (per case)');
    expect(text('mlat')).toContain(': after cloudActComityMotionWindow (per case)');
    expect(text('nationalSecurityLetter')).toContain(': after P30D (30 d, law)');
    expect(text('subpoena')).toContain('notice_sent --> notice_objectionWindowElapsed : after objectionWindow (14 d, policy [?])');
    expect(text('subpoena')).toContain(': after secrecyTerm (per case)');
    expect(text('subpoena')).toContain('process_intake : Request received and logged#59; retention and eligibility are checked first.');
    expect(text('subpoena')).toContain('process_refused : tags: closed, refused');
    expect(text('subpoena')).toContain('note right of secrecy_inForce : Preclusion-of-notice order (18 U.S.C. 2705(b))#58; the provider may not tell the user.');
    expect(text('subpoena')).toMatch(/^\s*%% 18 U\.S\.C\. 2703\(c\)\(2\) \[S\] \(DOMAIN\.md §1 row 1\)$/m);
  });

  it('draws a transition out of a compound state from the state it enters first, and says so', () => {
    const text = toMermaid(KIND_CHARTS.find((k) => k.kind === 'subpoena')?.chart as StatechartJson);
    expect(text).toMatch(/^secrecy_inForce_term_resolve --> secrecy_ended : secrecy\.lifted \[.*\] \(from all of inForce\)$/m);
  });

  it('keeps ids distinct and text free of mermaid syntax', () => {
    const chart = statechartModel(oddMachine);
    const text = toMermaid(chart);
    const read = expectDrawn(chart, text);
    expect(read.states.get('a_b')?.label).toBe('a-b');
    expect(read.states.get('a_b_2')?.label).toBe('a_b');
    expect(read.states.get('a_b_hist')?.label).toBe('H*');
    expect(text).toContain('a_b --> a_b : poke (stays)');
    expect(read.states.get('end_')?.label).toBe('end');
    expect(text).toContain('  end_ --> [*]');
    for (const line of text.split('\n').filter((l) => / : /.test(l) && !l.trim().startsWith('%%'))) {
      expect(line.slice(line.indexOf(' : ') + 3).replace(/#\w+;/g, '')).not.toMatch(/[";{}<>#]/);
    }
  });
});
