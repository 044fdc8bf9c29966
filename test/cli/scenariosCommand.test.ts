import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'dueprocess-cli-scenarios-'));
const committed = JSON.parse(readFileSync('scenarios/preservation.cloudflare.json', 'utf8')) as { scenarios: { steps: unknown[] }[] };
const scenarios = committed.scenarios.length;
const steps = committed.scenarios.reduce((n, s) => n + s.steps.length, 0);

describe('dueprocess scenarios', () => {
  it('--check on an empty directory exits 1 and lists the missing files; writing them makes --check pass; one byte changed fails it again', async () => {
    const dir = tmp();
    const args = ['scenarios', 'preservation', '--policy', 'cloudflare', '--dir', dir];

    const missing = await runCliCaptured([...args, '--check']);
    expect(missing.code).toBe(1);
    expect(missing.out.split('\n')).toEqual([
      `missing: ${join(dir, 'scenario.schema.json')}`,
      `missing: ${join(dir, 'preservation.cloudflare.json')}`,
      `1 scenario file and scenario.schema.json out of date; run \`dueprocess scenarios preservation --policy cloudflare --dir ${dir}\` and commit the result`,
    ]);

    const written = await runCliCaptured(args);
    expect(written.code).toBe(0);
    expect(written.out).toBe(`wrote 1 scenario file and scenario.schema.json to ${dir}/: ${scenarios} scenarios, ${steps} steps`);
    expect(written.err).toMatch(/^generated in \d+\.\d s$/);
    expect(readFileSync(join(dir, 'preservation.cloudflare.json'), 'utf8')).toBe(readFileSync('scenarios/preservation.cloudflare.json', 'utf8'));
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe(readFileSync('scenarios/scenario.schema.json', 'utf8'));

    const fresh = await runCliCaptured([...args, '--check']);
    expect(fresh.code).toBe(0);
    expect(fresh.out).toBe(`1 scenario file and scenario.schema.json up to date (${scenarios} scenarios, ${steps} steps)`);

    const path = join(dir, 'preservation.cloudflare.json');
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf('"day":90');
    writeFileSync(path, `${text.slice(0, at)}"day":91${text.slice(at + 8)}`);
    const stale = await runCliCaptured([...args, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.out).toContain(`differs from the machines: ${path}`);
    expect(stale.out).not.toContain('scenario.schema.json');
    expect(stale.out).toContain('\n1 scenario file out of date;');
  });

  it('the committed files of two small kinds are current (--check against scenarios/)', async () => {
    const { code, out } = await runCliCaptured(['scenarios', 'preservation', 'abuseComplaint', '--check']);
    expect(code).toBe(0);
    expect(out).toMatch(/^4 scenario files and scenario\.schema\.json up to date \(\d+ scenarios, \d+ steps\)$/);
  });

  it.each([
    ['an unknown kind', ['scenarios', 'nope', '--dir', 'unused'], /^dueprocess: kind: is not a kind in the catalogue \(got "nope"\)\. Fix: use one of subpoena, administrativeSubpoena, .*dataSubjectRequest$/],
    ['an unknown policy', ['scenarios', 'preservation', '--policy', 'google', '--dir', 'unused'], /^dueprocess: --policy: is not a built-in policy \(got "google"\)/],
    ['an unknown flag', ['scenarios', '--frobnicate'], /^dueprocess: arguments: Unknown option '--frobnicate'.*Fix: usage: dueprocess scenarios/],
    ['an empty --dir', ['scenarios', 'preservation', '--dir', ''], /^dueprocess: --dir: is empty \(got ""\)\. Fix: give the path of the directory to write to$/],
    ['an empty --dir with --check', ['scenarios', 'preservation', '--dir', '', '--check'], /^dueprocess: --dir: is empty \(got ""\)/],
    ['a --dir that is a file', ['scenarios', 'preservation', '--dir', 'package.json'], /^dueprocess: --dir: is a file, not a directory \(got "package\.json"\)/],
    ['a --dir under a file', ['scenarios', 'preservation', '--dir', 'package.json/scenarios'], /^dueprocess: --dir: is under .*package\.json, which is a file, not a directory/],
    ['a --dir that is a file, with --check', ['scenarios', 'preservation', '--dir', 'package.json', '--check'], /^dueprocess: --dir: is a file, not a directory/],
    ['--dir given twice', ['scenarios', 'preservation', '--dir', join(tmp(), 'a'), '--dir', join(tmp(), 'b')], /^dueprocess: --dir: is given more than once, and takes one value \(got \[".*\)\. Fix: give --dir once: usage: dueprocess scenarios/],
  ])('%s exits 2 with the field, value and fix', async (_what, args, message) => {
    const { code, out, err } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('refuses a folder where a scenario file goes, before writing any file', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'preservation.letsencrypt.json'));
    const r = await runCliCaptured(['scenarios', 'preservation', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a folder where a file is to be written, so nothing was written');
    expect(readdirSync(dir)).toEqual(['preservation.letsencrypt.json']);
  });
});
