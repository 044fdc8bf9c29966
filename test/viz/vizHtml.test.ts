import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'dueprocess-html-'));

/** Every URL the page could load: src/href attributes, url(...) in styles, imports and fetches. */
function loads(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)|\bfetch\s*\(|\bimport\s*\(|new\s+(?:WebSocket|EventSource|XMLHttpRequest)\b/g)].map((m) => m[0]);
}

describe('dueprocess viz --format html', () => {
  it('writes one self-contained page: the chart as SVG, the kind’s scenarios, the player, and nothing to load', async () => {
    const out = join(dir(), 'nsl.html');
    const r = await runCliCaptured(['viz', 'nationalSecurityLetter', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart"/);
    expect(html).toContain('data-state="secrecy.inForce"');
    expect(html).toContain('nationalSecurityLetter.cloudflare.transitions.');
    expect(html).toContain('nationalSecurityLetter.letsencrypt.');
    expect(html).toContain("content=\"default-src 'none'");
    expect(loads(html).filter((l) => !l.includes('url(#arrow)'))).toEqual([]);
  });

  it('says the same size on the terminal as in the page header: the states drawn (the root is the canvas) and the transitions', async () => {
    const out = join(dir(), 'nsl.html');
    const r = await runCliCaptured(['viz', 'nationalSecurityLetter', '--format', 'html', '--out', out]);
    const chart = StatechartJson.parse(JSON.parse((await runCliCaptured(['viz', 'nationalSecurityLetter', '--format', 'json'])).out));
    const size = `${chart.nodes.length - 1} states (root not counted), ${chart.edges.length} transitions`;
    expect(r.err).toContain(`(html, ${size})`);
    expect(readFileSync(out, 'utf8')).toContain(` · ${size}.`);
  });

  it('draws a user’s own machine, without scenarios', async () => {
    const out = join(dir(), 'mine.html');
    const r = await runCliCaptured(['viz', '--machine', 'examples/my-workflow.ts', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<option value="">no scenarios</option>');
  });

  it('--all --out DIR writes a page per kind and an index linking each', async () => {
    const out = dir();
    const r = await runCliCaptured(['viz', '--all', '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([...CATALOGUE.map((e) => `${e.kind}.html`), 'index.html'].sort());
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const e of CATALOGUE) expect(index).toContain(`href="${e.kind}.html"`);
  });

  it('--all draws the pages under --policy, and refuses a --format other than html', async () => {
    const out = dir();
    expect((await runCliCaptured(['viz', '--all', '--out', out, '--policy', 'letsencrypt'])).code).toBe(0);
    const page = readFileSync(join(out, 'preservation.html'), 'utf8');
    expect(page).toContain(policyVersionAt(letsencrypt, CHECK_DATE).title);
    const plain = dir();
    await runCliCaptured(['viz', '--all', '--out', plain]);
    expect(readFileSync(join(plain, 'preservation.html'), 'utf8')).not.toBe(page);
    expect(page.split(policyVersionAt(letsencrypt, CHECK_DATE).title).length).toBeGreaterThan(readFileSync(join(plain, 'preservation.html'), 'utf8').split(policyVersionAt(letsencrypt, CHECK_DATE).title).length);
    const json = await runCliCaptured(['viz', '--all', '--out', dir(), '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.err).toContain('--format: cannot be given with --all, which writes HTML pages (got "json")');
  });

  it('--all without --out, or with a kind, exits 2 naming the field and the fix', async () => {
    const missing = await runCliCaptured(['viz', '--all']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out: is required with --all');
    const withKind = await runCliCaptured(['viz', 'subpoena', '--all', '--out', dir()]);
    expect(withKind.code).toBe(2);
    expect(withKind.err).toContain('cannot be given with --all');
  });

  it('--all --out naming a file exits 2 naming --out, with no stack trace and nothing written', async () => {
    const file = join(dir(), 'afile');
    writeFileSync(file, '');
    const r = await runCliCaptured(['viz', '--all', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dueprocess: --out: is a file, not a directory (got ${JSON.stringify(file)}). Fix: give a directory, or a path where one can be created`);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('--all writes nothing when a scenario file is bad or a folder sits where a page goes', async () => {
    const scenarios = dir();
    writeFileSync(join(scenarios, 'subpoena.cloudflare.json'), '{ not json');
    const out = join(dir(), 'charts');
    const bad = await runCliCaptured(['viz', '--all', '--out', out, '--scenarios', scenarios]);
    expect(bad.code).toBe(2);
    expect(existsSync(out)).toBe(false);

    const blocked = dir();
    mkdirSync(join(blocked, 'index.html'));
    const r = await runCliCaptured(['viz', '--all', '--out', blocked]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a folder where a file is to be written, so nothing was written');
    expect(readdirSync(blocked)).toEqual(['index.html']);
  });
});
