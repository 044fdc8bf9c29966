import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'dueprocess-cli-suite-'));
const count = (name: string) => (JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')) as { scenarios: unknown[] }).scenarios.length;

describe('dueprocess suite', () => {
  it('--kinds preservation with no adapter writes the runner, an adapter stub, one test file per policy and the scenarios', async () => {
    const out = join(tmp(), 'conformance');
    const { code, out: printed } = await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation']);
    expect(code).toBe(0);
    const scenarios = count('preservation.cloudflare.json') + count('preservation.letsencrypt.json');
    expect(printed).toBe(`wrote 2 test files (${scenarios} scenarios) to ${out}/; run them with: npx vitest run --root ${out}`);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['adapter.ts', 'conformance.ts', 'preservation.cloudflare.test.ts', 'preservation.letsencrypt.test.ts', 'scenarios']));
    expect(readdirSync(out).filter((f) => f.endsWith('.test.ts')).sort()).toEqual(['preservation.cloudflare.test.ts', 'preservation.letsencrypt.test.ts']);
    expect(readdirSync(join(out, 'scenarios')).sort()).toEqual(['preservation.cloudflare.json', 'preservation.letsencrypt.json', 'scenario.schema.json']);
    expect(readFileSync(join(out, 'adapter.ts'), 'utf8')).toContain('scenarios/scenario.schema.json');
    expect(readFileSync(join(out, 'scenarios', 'preservation.cloudflare.json'), 'utf8')).toBe(readFileSync('scenarios/preservation.cloudflare.json', 'utf8'));
    expect(readFileSync(join(out, 'conformance.ts'), 'utf8')).toBe(readFileSync('src/suite/conformance.ts', 'utf8'));
    expect(readFileSync(join(out, 'adapter.ts'), 'utf8')).toContain("import type { Adapter } from './conformance.ts';");
    const test = readFileSync(join(out, 'preservation.cloudflare.test.ts'), 'utf8');
    expect(test).toContain('import adapter from "./adapter.ts";');
    expect(test).toContain("new URL('./scenarios/preservation.cloudflare.json', import.meta.url)");
    expect(test).toContain('adapter.kinds.includes("preservation")');
    expect(test).toMatch(/describe\.runIf\(handled\)\("preservation under cloudflare \(Trust hub law-enforcement policy and transparency reports\)"/);
    expect(test).toContain('runScenario(adapter, "cloudflare", scenario)');
  });

  it('keeps an adapter.ts already there, and imports a given adapter module by its relative path instead of writing a stub', async () => {
    const out = tmp();
    writeFileSync(join(out, 'adapter.ts'), '// mine\n');
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation'])).code).toBe(0);
    expect(readFileSync(join(out, 'adapter.ts'), 'utf8')).toBe('// mine\n');

    const other = tmp();
    const adapter = join(tmp(), 'myAdapter.ts');
    writeFileSync(adapter, 'export default { name: "x", open() { throw new Error("x"); } };\n');
    expect((await runCliCaptured(['suite', '--out', other, '--kinds', 'abuseComplaint', '--adapter', adapter])).code).toBe(0);
    expect(existsSync(join(other, 'adapter.ts'))).toBe(false);
    const test = readFileSync(join(other, 'abuseComplaint.letsencrypt.test.ts'), 'utf8');
    expect(test).toMatch(/import adapter from "\.\.\/dueprocess-cli-suite-[^/]+\/myAdapter\.ts";/);
  });

  it.each([
    ['an unknown kind', (out: string) => ['--out', out, '--kinds', 'preservation,nope'], /^dueprocess: --kinds: is not a kind in the catalogue \(got "nope"\)\. Fix: use some of subpoena, /],
    ['no --out', () => ['--kinds', 'preservation'], /^dueprocess: --out: is required .*Fix: usage: dueprocess suite --out DIR/],
    ['an adapter module that does not exist', (out: string) => ['--out', out, '--adapter', 'missing.ts'], /^dueprocess: --adapter: does not exist \(got "missing\.ts"\)/],
    ['--policy without --adapter model', (out: string) => ['--out', out, '--policy', 'cloudflare'], /^dueprocess: --policy: is the policy the model runs under, and only --adapter model runs it \(got "cloudflare"\)/],
    ['a scenarios directory that does not exist', (out: string) => ['--out', out, '--dir', join(out, 'nope')], /^dueprocess: --dir: does not exist/],
  ])('%s exits 2 and writes nothing', async (_what, args, message) => {
    const out = join(tmp(), 'suite');
    const { code, err } = await runCliCaptured(['suite', ...args(out)]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

/** Runs a written suite under vitest; its JSON report. */
function runVitest(out: string) {
  // The suite needs only vitest beside it; the adapter reaches the model by relative paths.
  symlinkSync(resolve('node_modules'), join(out, 'node_modules'), 'dir');
  const report = join(out, 'report.json');
  const child = spawnSync(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', out, '--reporter=json', `--outputFile=${report}`], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  // The config loads as a module with no package.json around it to say so: no warning on every run.
  expect(child.stderr).not.toMatch(/ESM syntax|CommonJS/);
  return JSON.parse(readFileSync(report, 'utf8')) as { numTotalTests: number; numPassedTests: number; numFailedTests: number };
}

describe('a generated suite runs under vitest', () => {
  it('--adapter model drives the model itself, as a case tool, through every preservation scenario: all pass', async () => {
    const out = tmp();
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation', '--adapter', 'model'])).code).toBe(0);
    expect(existsSync(join(out, 'adapter.ts'))).toBe(false);
    expect(readFileSync(join(out, 'preservation.cloudflare.test.ts'), 'utf8')).toContain('import adapter from "./model.adapter.ts";');
    const result = runVitest(out);
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBe(count('preservation.cloudflare.json') + count('preservation.letsencrypt.json'));
    expect(result.numTotalTests).toBe(result.numPassedTests);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it('--adapter model --policy FILE runs scenarios written under a provider’s own policy; without the file it says which policy it needs', async () => {
    const home = tmp();
    const acme = { ...cloudflare, id: 'acme', name: 'Acme' };
    const policyFile = join(home, 'acme.json');
    writeFileSync(policyFile, JSON.stringify(acme));
    const dir = join(home, 'scenarios');
    expect((await runCliCaptured(['scenarios', 'preservation', '--policy', policyFile, '--dir', dir])).code).toBe(0);
    const without = await runCliCaptured(['suite', '--out', join(home, 'no'), '--dir', dir, '--adapter', 'model']);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/^dueprocess: --policy: is the policy scenarios in .* were written under, and not a built-in one \(got "acme"\)\. Fix: give its policy JSON file with --policy FILE/);
    expect(existsSync(join(home, 'no'))).toBe(false);
    const wrong = await runCliCaptured(['suite', '--out', join(home, 'no'), '--dir', dir, '--adapter', 'model', '--policy', 'cloudflare']);
    expect(wrong.err).toMatch(/^dueprocess: --policy: holds policy cloudflare, and no scenario file in .* was written under it \(they use acme\)/);
    expect(existsSync(join(home, 'no'))).toBe(false);
    const out = join(home, 'suite');
    expect((await runCliCaptured(['suite', '--out', out, '--dir', dir, '--adapter', 'model', '--policy', policyFile])).code).toBe(0);
    expect(readFileSync(join(out, 'model.adapter.ts'), 'utf8')).toContain('"acme": ProviderPolicy.parse(');
    const result = runVitest(out);
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBe((JSON.parse(readFileSync(join(dir, 'preservation.acme.json'), 'utf8')) as { scenarios: unknown[] }).scenarios.length);
    rmSync(home, { recursive: true, force: true });
  }, 60_000);
});
