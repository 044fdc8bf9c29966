import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';
import { checkDot } from './support/checkDot.ts';
import { readScxml } from './support/readScxml.ts';

describe('dueprocess viz', () => {
  it('prints every catalogue kind in all four formats', async () => {
    for (const { kind } of CATALOGUE) {
      const json = await runCliCaptured(['viz', kind, '--format', 'json']);
      expect(json.code).toBe(0);
      const chart = StatechartJson.parse(JSON.parse(json.out));
      expect(chart.machine).toBe(kind);
      expect(chart.policy?.id).toBe('cloudflare');
      const mermaid = await runCliCaptured(['viz', kind, '--format', 'mermaid']);
      expect(mermaid.out.split('\n')[0]).toBe('stateDiagram-v2');
      const dot = await runCliCaptured(['viz', kind, '--format', 'dot']);
      expect(checkDot(dot.out).problems).toEqual([]);
      const scxml = await runCliCaptured(['viz', kind, '--format', 'scxml']);
      expect(readScxml(scxml.out).states).toHaveLength(chart.nodes.length);
      expect([mermaid.code, dot.code, scxml.code]).toEqual([0, 0, 0]);
    }
  });

  it('writes --out FILE and says so on stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dueprocess-viz-')), 'subpoena.mmd');
    const { code, out: stdout, err } = await runCliCaptured(['viz', 'subpoena', '--format', 'mermaid', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(err).toMatch(/^wrote .*subpoena\.mmd \(mermaid, 39 states \(root not counted\), 54 transitions\)$/);
    expect(readFileSync(out, 'utf8')).toMatch(/^stateDiagram-v2\n/);
  });

  it('gives policy timers the lengths of the --policy given', async () => {
    const longer = { ...cloudflare, id: 'longer', versions: cloudflare.versions.map((v) => ({ ...v, notice: { ...v.notice, objectionWindow: 'P21D' } })) };
    const file = tempFile('longer.json', longer);
    const { code, out } = await runCliCaptured(['viz', 'subpoena', '--format', 'json', '--policy', file]);
    expect(code).toBe(0);
    const chart = StatechartJson.parse(JSON.parse(out));
    expect(chart.policy?.id).toBe('longer');
    expect(chart.edges.find((e) => e.trigger === 'after objectionWindow')?.timer).toEqual({ delay: 'objectionWindow', days: 21, setBy: 'policy', source: cloudflare.versions[0]?.sources['notice.objectionWindow'], confidence: '?' });
    const le = await runCliCaptured(['viz', 'emergency', '--format', 'scxml', '--policy', 'letsencrypt']);
    expect(le.out).toContain('under policy letsencrypt');
  });

  it('draws a user machine given with --machine and --export', async () => {
    const { code, out } = await runCliCaptured(['viz', '--machine', 'test/fixtures/jsWorkflow.js', '--export', 'jsWorkflow', '--format', 'json']);
    expect(code).toBe(0);
    const chart = StatechartJson.parse(JSON.parse(out));
    expect(chart.machine).toBe('jsWorkflow');
    expect(chart.nodes.map((n) => n.id)).toEqual(['(root)', 'received', 'told', 'refused', 'withdrawn']);
    expect(chart.edges.map((e) => e.id)).toEqual(['received|notice.sent|0', 'received|request.refused|0', 'told|request.withdrawn|0']);
  });

  it.each([
    ['an unknown kind', ['viz', 'subpena', '--format', 'dot'], /^dueprocess: kind: is not a kind in the catalogue \(got "subpena"\)\. Fix: use one of subpoena, administrativeSubpoena, .*, or --machine FILE; did you mean subpoena\?$/],
    ['a missing kind', ['viz', '--format', 'dot'], /^dueprocess: kind: is missing \(got nothing\)\. Fix: use one of subpoena, /],
    ['an unknown format', ['viz', 'subpoena', '--format', 'png'], /^dueprocess: --format: is not a diagram format \(got "png"\)\. Fix: use one of mermaid, dot, scxml, json, html$/],
    ['no format', ['viz', 'subpoena'], /^dueprocess: --format: is required \(got nothing\)\. Fix: give one of mermaid, dot, scxml, json, html$/],
    ['--out into a missing directory', ['viz', 'subpoena', '--format', 'dot', '--out', 'no/such/dir/chart.dot'], /^dueprocess: --out: is in a directory that does not exist \(.*no\/such\/dir\) \(got "no\/such\/dir\/chart\.dot"\)\. Fix: create .*no\/such\/dir first, or give a path in an existing directory$/],
    ['--out that is a directory', ['viz', 'subpoena', '--format', 'dot', '--out', 'test'], /^dueprocess: --out: is a directory \(got "test"\)\. Fix: give the path of a file to write/],
    ['an unknown policy', ['viz', 'subpoena', '--format', 'dot', '--policy', 'acme'], /^dueprocess: --policy: is not a built-in policy \(got "acme"\)\. Fix: use one of cloudflare, letsencrypt/],
    ['a kind and --machine', ['viz', 'subpoena', '--machine', 'test/fixtures/jsWorkflow.js', '--format', 'dot'], /^dueprocess: kind: cannot be given with --machine \(got "subpoena"\)\. Fix: give a catalogue kind or --machine FILE, not both$/],
    ['two kinds', ['viz', 'subpoena', 'mlat', '--format', 'dot'], /^dueprocess: kind: is one kind too many: viz draws one machine \(got "mlat"\)\./],
    ['--export without --machine', ['viz', 'subpoena', '--export', 'x', '--format', 'dot'], /^dueprocess: --export: needs --machine \(got "x"\)/],
    ['a missing machine file', ['viz', '--machine', 'nope.ts', '--format', 'dot'], /^dueprocess: --machine: does not exist \(got "nope\.ts"\)/],
    ['an unknown flag', ['viz', 'subpoena', '--fromat', 'dot'], /^dueprocess: arguments: .*--fromat.*Fix: usage: dueprocess viz <kind> --format mermaid\|dot\|scxml\|json\|html/],
  ])('rejects %s with exit code 2, naming the field, the value and the fix', async (_, args, message) => {
    const { code, out, err } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('is listed in the usage', async () => {
    const { out } = await runCliCaptured(['help']);
    expect(out).toContain('dueprocess viz <kind> --format mermaid|dot|scxml|json');
    expect(out).toMatch(/^ {2}viz {8}draw a kind's statechart/m);
  });

  it('--machine with a delay check and simulate refuse (36 hours) exits 2 naming the delay, and draws nothing', async () => {
    const r = await runCliCaptured(['viz', '--machine', 'test/fixtures/hourDelay.js', '--export', 'hourDelay', '--format', 'mermaid']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('delays.grace: is not a whole number of days (1.5 days): model time is whole days');
    expect(r.out).toBe('');
  });
});
