import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'dueprocess-cli-suite-inputs-'));
const COMMITTED = 'scenarios/preservation.cloudflare.json';
const scenarios = (JSON.parse(readFileSync(COMMITTED, 'utf8')) as { scenarios: unknown[] }).scenarios.length;

/** A folder holding the committed preservation × cloudflare file under each of `names`. */
function copies(...names: string[]): string {
  const dir = tmp();
  for (const name of names) copyFileSync(COMMITTED, join(dir, name));
  return dir;
}

describe('dueprocess suite reads each scenario file as replay does', () => {
  it('a file whose request has a day that does not exist exits 2 naming the file and the field, as replay does, and writes nothing', async () => {
    const dir = copies();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, readFileSync(COMMITTED, 'utf8').replace('"receivedOn": "2026-01-15"', '"receivedOn": "2026-02-30"'));
    const out = join(dir, 'suite');
    const suite = await runCliCaptured(['suite', '--out', out, '--dir', dir, '--kinds', 'preservation', '--adapter', 'model']);
    expect(suite.code).toBe(2);
    expect(suite.err).toMatch(/^dueprocess: .*bad\.json: scenarios\[0\]\.request\.receivedOn: is no day of the calendar \(got "2026-02-30"\)/);
    expect(suite.err).toBe((await runCliCaptured(['replay', bad])).err);
    expect(existsSync(out)).toBe(false);
  });

  it('two files for the same kind × policy exit 2 naming both, and write nothing', async () => {
    const dir = copies('a.json', 'b.json', 'c.json');
    const out = join(dir, 'suite');
    const { code, err } = await runCliCaptured(['suite', '--out', out, '--dir', dir, '--kinds', 'preservation', '--adapter', 'model']);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: ${join(dir, 'b.json')}: is a second scenario file for the same kind × policy as ${join(dir, 'a.json')} (got "preservation × cloudflare")`);
    expect(existsSync(out)).toBe(false);
  });

  it('one file, under any name, is counted once and in the singular: what is printed is what is written', async () => {
    const dir = copies('mine.json');
    const out = join(dir, 'suite');
    const { code, out: printed } = await runCliCaptured(['suite', '--out', out, '--dir', dir, '--adapter', 'model']);
    expect(code).toBe(0);
    expect(printed).toBe(`wrote 1 test file (${scenarios} scenarios) to ${out}/; run them with: npx vitest run --root ${out}`);
    expect(readdirSync(out).filter((f) => f.endsWith('.test.ts'))).toEqual(['preservation.cloudflare.test.ts']);
    expect(readdirSync(join(out, 'scenarios')).sort()).toEqual(['preservation.cloudflare.json', 'scenario.schema.json']);
  });
});

describe('dueprocess suite refuses what a generated suite would only fail on later, and writes nothing', () => {
  const adapter = (text: string) => {
    const path = join(tmp(), 'adapter.ts');
    writeFileSync(path, text);
    return path;
  };
  const afile = () => {
    const path = join(tmp(), 'afile');
    writeFileSync(path, '');
    return path;
  };

  it.each([
    ['an adapter module with no default export', (out: string) => ['--out', out, '--adapter', adapter('export const mine = { name: "x", open() {} };\n')], /^dueprocess: --adapter: has no default export \(got ".*adapter\.ts"\)\. Fix: export it as the default: export default mine;/],
    ['an adapter whose default export has no open', (out: string) => ['--out', out, '--adapter', adapter('export default { name: "x" };\n')], /^dueprocess: --adapter: has a default export with no open function \(got ".*adapter\.ts"\)\. Fix: give it open\(request, policy\)/],
    ['an adapter whose kinds is not a list', (out: string) => ['--out', out, '--adapter', adapter('export default { name: "x", kinds: "preservation", open() {} };\n')], /^dueprocess: --adapter: has a default export whose kinds is not a list of kind names/],
    ['an adapter module that throws on import', (out: string) => ['--out', out, '--adapter', adapter('throw new Error("no database");\n')], /^dueprocess: --adapter: could not be loaded: no database/],
    ['an empty --kinds', (out: string) => ['--out', out, '--kinds', ''], /^dueprocess: --kinds: names no kind \(got ""\)\. Fix: give one or more of subpoena, /],
    ['--kinds matching no scenario file', (out: string) => ['--out', out, '--kinds', 'preservation', '--dir', copies()], /^dueprocess: --kinds: matches no scenario file in .*\(got "preservation"\)\. Fix: write them first: dueprocess scenarios preservation --dir /],
    ['--kinds given twice', (out: string) => ['--out', out, '--kinds', 'preservation', '--kinds', 'emergency'], /^dueprocess: --kinds: is given more than once, and takes one value \(got \["preservation","emergency"\]\)\. Fix: give --kinds once/],
    ['--adapter given twice', (out: string) => ['--out', out, '--adapter', 'model', '--adapter', adapter('export default { name: "x", open() {} };\n')], /^dueprocess: --adapter: is given more than once/],
    ['--dir that is a file', (out: string) => ['--out', out, '--dir', afile()], /^dueprocess: --dir: is a file, not a directory/],
  ])('%s exits 2 naming the option', async (_what, args, message) => {
    const out = join(tmp(), 'suite');
    const { code, err } = await runCliCaptured(['suite', ...args(out)]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('--out that is a file, or under one, exits 2 naming --out, with no stack trace', async () => {
    const file = afile();
    const at = await runCliCaptured(['suite', '--out', file, '--kinds', 'preservation']);
    expect(at.code).toBe(2);
    expect(at.err).toBe(`dueprocess: --out: is a file, not a directory (got ${JSON.stringify(file)}). Fix: give a directory, or a path where one can be created`);
    const under = await runCliCaptured(['suite', '--out', join(file, 'suite'), '--kinds', 'preservation']);
    expect(under.code).toBe(2);
    expect(under.err).toContain(`--out: is under ${file}, which is a file, not a directory`);
    const scenariosFile = tmp();
    writeFileSync(join(scenariosFile, 'scenarios'), '');
    const inside = await runCliCaptured(['suite', '--out', scenariosFile, '--kinds', 'preservation']);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('--out: is a file, not a directory');
    expect(readdirSync(scenariosFile)).toEqual(['scenarios']);
  });

  it('a well-formed adapter module is imported and accepted, its kinds a list', async () => {
    const out = join(tmp(), 'suite');
    const path = adapter('export default { name: "x", kinds: ["preservation"], open() { throw new Error("x"); } };\n');
    mkdirSync(out);
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation', '--adapter', path])).code).toBe(0);
  });
});
