import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(readdirSync(join(out, 'scenarios')).sort()).toEqual(['preservation.cloudflare.json', 'preservation.letsencrypt.json']);
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
    ['a scenarios directory that does not exist', (out: string) => ['--out', out, '--dir', join(out, 'nope')], /^dueprocess: --dir: does not exist/],
  ])('%s exits 2 and writes nothing', async (_what, args, message) => {
    const out = join(tmp(), 'suite');
    const { code, err } = await runCliCaptured(['suite', ...args(out)]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a generated suite runs under vitest', () => {
  it('drives the model itself, as a case tool, through every preservation scenario: all pass', async () => {
    const out = tmp();
    // The suite needs only vitest beside it; the adapter reaches the model by absolute paths.
    symlinkSync(resolve('node_modules'), join(out, 'node_modules'), 'dir');
    const src = (p: string) => JSON.stringify(resolve(p));
    writeFileSync(join(out, 'modelAdapter.ts'), `export { modelAdapter as default } from ${src('src/suite/modelAdapter.ts')};\n`);
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation', '--adapter', join(out, 'modelAdapter.ts')])).code).toBe(0);
    const report = join(out, 'report.json');
    const child = spawnSync(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', out, '--reporter=json', `--outputFile=${report}`], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    // The config loads as a module with no package.json around it to say so: no warning on every run.
    expect(child.stderr).not.toMatch(/ESM syntax|CommonJS/);
    const result = JSON.parse(readFileSync(report, 'utf8')) as { numTotalTests: number; numPassedTests: number; numFailedTests: number };
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBe(count('preservation.cloudflare.json') + count('preservation.letsencrypt.json'));
    expect(result.numTotalTests).toBe(result.numPassedTests);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});
