import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/scenarios/Scenario.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const PRESERVATION = 'scenarios/preservation.cloudflare.json';
const EMERGENCY = 'scenarios/emergency.letsencrypt.json';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;
const dir = mkdtempSync(join(tmpdir(), 'dueprocess-cli-replay-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('dueprocess replay', () => {
  it('replays a committed file as written (exit 0)', async () => {
    const { code, out, err } = await runCliCaptured(['replay', PRESERVATION]);
    const n = read(PRESERVATION).scenarios.length;
    expect(code).toBe(0);
    expect(out).toBe(`${PRESERVATION}: ${n} of ${n} scenarios replay as written`);
    expect(err).toBe('');
  });

  it('sums up several files', async () => {
    const total = read(PRESERVATION).scenarios.length + read(EMERGENCY).scenarios.length;
    const { code, out } = await runCliCaptured(['replay', PRESERVATION, EMERGENCY]);
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toBe(`${total} of ${total} scenarios replay as written`);
  });

  it('a tampered copy exits 1, naming the scenario, its title, the step, its date and words, and the field', async () => {
    const file = read(PRESERVATION);
    const index = file.scenarios.findIndex((s) => s.steps.length > 2);
    const scenario = file.scenarios[index] as ScenarioFile['scenarios'][number];
    const step = scenario.steps[2] as ScenarioFile['scenarios'][number]['steps'][number];
    const was = step.expect.notice;
    step.expect.notice = 'sent';
    const path = write('tampered.json', file);
    const { code, out } = await runCliCaptured(['replay', path]);
    expect(code).toBe(1);
    const n = file.scenarios.length;
    expect(out.split('\n')).toEqual([
      `${path}: ${n - 1} of ${n} scenarios replay as written`,
      `  ✗ ${scenario.id}`,
      `    ${scenario.title}`,
      `    step 2 (${step.on}, ${step.says}): expect.notice expected "sent", the model gives ${JSON.stringify(was)}`,
    ]);
  });

  it.each([
    ['a file that is not JSON', () => write('bad.json', '{"format": "dueprocess-scenarios/1",'), /^dueprocess: .*bad\.json: is not valid JSON: .*Fix: fix the JSON syntax in that file$/],
    ['a missing file', () => join(dir, 'nope.json'), /^dueprocess: .*nope\.json: cannot be read \(ENOENT\).*Fix: give the path of an existing JSON file$/],
    ['a file that is not a scenario file', () => write('other.json', { kind: 'subpoena' }), /^dueprocess: .*other\.json\.format: .*\(got nothing\)/],
    ['a file for a kind not in the catalogue', () => write('kind.json', { ...read(PRESERVATION), kind: 'warrant' }), /^dueprocess: \/.*kind\.json: kind: is not a kind in the catalogue \(got "warrant"\)/],
  ])('%s exits 2 with a clear message', async (_what, path, message) => {
    const { code, out, err } = await runCliCaptured(['replay', path()]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('no file exits 2 with the usage', async () => {
    const { code, err } = await runCliCaptured(['replay']);
    expect(code).toBe(2);
    expect(err).toBe('dueprocess: FILE: no scenario file given (got ""). Fix: usage: dueprocess replay FILE… [--policy NAME|FILE], e.g. dueprocess replay scenarios/subpoena.cloudflare.json');
  });

  it('checks every file before replaying any: a bad second file prints nothing for the first', async () => {
    const { code, out } = await runCliCaptured(['replay', PRESERVATION, join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(out).toBe('');
  });
});
