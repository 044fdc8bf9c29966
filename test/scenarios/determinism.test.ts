import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { scenariosFor, seedOf } from '../../src/scenarios/generateScenarios.ts';
import { SCHEMA_FILE, compactJson, renderScenarioFiles, scenarioFileName, staleScenarioFiles, writeScenarioFiles } from '../../src/scenarios/scenarioFiles.ts';

const entry = (kind: string): KindEntry => {
  const e = findKind(kind);
  if (!e) throw new Error(kind);
  return e;
};

describe('scenario generation is deterministic', () => {
  it('scenariosFor run twice renders byte-identical files', () => {
    const once = renderScenarioFiles([scenariosFor(entry('abuseComplaint'), cloudflare), scenariosFor(entry('preservation'), letsencrypt)]);
    const twice = renderScenarioFiles([scenariosFor(entry('abuseComplaint'), cloudflare), scenariosFor(entry('preservation'), letsencrypt)]);
    expect([...once.keys()]).toEqual([SCHEMA_FILE, 'abuseComplaint.cloudflare.json', 'preservation.letsencrypt.json']);
    expect([...twice.entries()]).toEqual([...once.entries()]);
  });

  it.each([
    ['preservation', cloudflare],
    ['preservation', letsencrypt],
    ['abuseComplaint', cloudflare],
    ['abuseComplaint', letsencrypt],
  ] as const)('the committed scenarios/%s.<policy>.json is the fresh rendering (%#)', (kind, policy) => {
    const name = scenarioFileName(kind, policy.id);
    const fresh = renderScenarioFiles([scenariosFor(entry(kind), policy)]);
    expect(readFileSync(join('scenarios', name), 'utf8')).toBe(fresh.get(name));
    expect(readFileSync(join('scenarios', SCHEMA_FILE), 'utf8')).toBe(fresh.get(SCHEMA_FILE));
  });

  it('keeps every story once, in strategy order', () => {
    const order = ['transitions', 'states', 'pairs', 'boundaries', 'refusals', 'rules', 'random'];
    for (const file of [scenariosFor(entry('preservation'), cloudflare), scenariosFor(entry('emergency'), cloudflare)]) {
      const stories = file.scenarios.map((s) => s.id.slice(s.id.lastIndexOf('.') + 1));
      expect(new Set(stories).size).toBe(stories.length);
      const ranks = file.scenarios.map((s) => order.indexOf(s.strategy));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks[0]).toBe(0);
    }
  });

  it('seedOf is FNV-1a: stable, and different per kind and policy', () => {
    expect(seedOf('')).toBe(0x811c9dc5);
    expect(seedOf('a')).toBe(0xe40c292c);
    expect(seedOf('preservation.cloudflare')).toBe(seedOf('preservation.cloudflare'));
    expect(seedOf('preservation.cloudflare')).not.toBe(seedOf('preservation.letsencrypt'));
  });
});

describe('staleScenarioFiles and writeScenarioFiles', () => {
  it('finds missing, differing and (for a whole run) extra files', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dueprocess-stale-')), 'out');
    const rendered = new Map([
      ['a.json', '{}\n'],
      ['b.json', '[]\n'],
    ]);
    expect(staleScenarioFiles(dir, rendered, true)).toEqual([
      { file: join(dir, 'a.json'), problem: 'missing' },
      { file: join(dir, 'b.json'), problem: 'missing' },
    ]);
    writeScenarioFiles(dir, rendered);
    expect(staleScenarioFiles(dir, rendered, true)).toEqual([]);
    writeFileSync(join(dir, 'b.json'), '[ ]\n');
    writeFileSync(join(dir, 'old.json'), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario file');
    expect(staleScenarioFiles(dir, rendered, false)).toEqual([{ file: join(dir, 'b.json'), problem: 'differs' }]);
    expect(staleScenarioFiles(dir, rendered, true)).toEqual([
      { file: join(dir, 'b.json'), problem: 'differs' },
      { file: join(dir, 'old.json'), problem: 'extra' },
    ]);
  });
});

describe('compactJson', () => {
  const values: [string, unknown][] = [
    ['a scenario file', JSON.parse(readFileSync('scenarios/preservation.cloudflare.json', 'utf8'))],
    ['nested arrays and objects', { a: [1, [2, [3, { b: 'x'.repeat(120) }]]], c: { d: null, e: true, f: 'y'.repeat(90) }, g: [], h: {} }],
    ['strings that need escaping', { 'k"ey': 'line\nbreak "quoted" \\ back'.repeat(10), unicode: 'é — ✓'.repeat(30) }],
    ['a scalar', 42],
  ];

  it.each(values)('round-trips %s at every inline depth', (_name, value) => {
    for (const depth of [0, 1, 2, 4, 99]) expect(JSON.parse(compactJson(value, depth))).toEqual(value);
  });

  it('is stable: same value, same bytes; each value from inlineDepth down on one line; a newline at the end', () => {
    const value = { steps: [{ day: 0, says: 'x'.repeat(120) }, { day: 1 }] };
    expect(compactJson(value, 2)).toBe(compactJson(structuredClone(value), 2));
    expect(compactJson({ steps: [{ day: 0 }] }, 2)).toBe('{"steps":[{"day":0}]}\n');
    expect(compactJson(value, 2)).toBe(`{\n  "steps": [\n    {"day":0,"says":"${'x'.repeat(120)}"},\n    {"day":1}\n  ]\n}\n`);
    expect(compactJson(value, 0)).toBe(`${JSON.stringify(value)}\n`);
  });

  it('leaves out undefined object fields, as JSON.stringify does', () => {
    const value = { a: undefined, b: 'z'.repeat(120) };
    expect(compactJson(value, 5)).toBe(`{\n  "b": "${'z'.repeat(120)}"\n}\n`);
  });

  it('writes undefined inside a long array as null, as JSON.stringify does, so the output stays JSON', () => {
    const value = [undefined, 'w'.repeat(120)];
    expect(JSON.parse(compactJson(value, 5))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
