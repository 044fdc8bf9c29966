import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { replayScenarioFile } from '../../src/scenarios/replayScenario.ts';
import { runScenario } from '../../src/suite/conformance.ts';
import { modelAdapter, modelAdapterFor } from '../../src/suite/modelAdapter.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

// A provider's own policy: Cloudflare's, under an id of its own and with a longer preservation.
const acme = {
  ...cloudflare,
  id: 'acme',
  name: 'Acme',
  versions: cloudflare.versions.map((v) => ({ ...v, title: `Acme ${v.title}` })),
};
let dir: string;
let policyFile: string;
let scenarioFile: string;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'dueprocess-own-policy-'));
  dir = join(home, 'scenarios');
  policyFile = join(home, 'acme-policy.json');
  writeFileSync(policyFile, JSON.stringify(acme));
  mkdirSync(dir);
  const written = await runCliCaptured(['scenarios', 'preservation', 'emergency', '--policy', policyFile, '--dir', dir]);
  expect(written.code).toBe(0);
  scenarioFile = join(dir, 'preservation.acme.json');
});

describe('scenarios under a policy of your own, through replay, coverage and the model adapter', () => {
  it('viz plays the scenarios written under the policy of its chart, from --scenarios DIR', async () => {
    const out = join(dir, '..', 'preservation.html');
    const r = await runCliCaptured(['viz', 'preservation', '--format', 'html', '--policy', policyFile, '--scenarios', dir, '--out', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('preservation.acme.');
    expect(page).toContain('Acme ');
  });

  it('replay names a policy file whose windows differ from the one the scenarios were written under, though its titles are the same', async () => {
    const other = join(dir, '..', 'acme-other.json');
    const longer = { ...acme, versions: acme.versions.map((v) => ({ ...v, notice: { ...v.notice, objectionWindow: 'P20D' } })) };
    writeFileSync(other, JSON.stringify(longer));
    const file = readScenarioFile(scenarioFile);
    expect(file.policy.digest).toMatch(/^sha256:[0-9a-f]{16}$/);
    const { code, out } = await runCliCaptured(['replay', scenarioFile, '--policy', other]);
    expect(code).toBe(1);
    expect(out).toContain(`written under policy version "${file.policy.version} (${file.policy.digest})"`);
    expect(out).toContain('same title, other content');
    expect((await runCliCaptured(['replay', scenarioFile, '--policy', policyFile])).code).toBe(0);
  });

  it('suite --adapter model refuses a policy file with the scenarios’ titles but other values, naming --policy', async () => {
    const other = join(dir, '..', 'acme-longer.json');
    writeFileSync(other, JSON.stringify({ ...acme, versions: acme.versions.map((v) => ({ ...v, notice: { ...v.notice, delayedNoticeWithin: 'P9D' } })) }));
    const out = mkdtempSync(join(tmpdir(), 'dueprocess-own-suite-'));
    const { code, err } = await runCliCaptured(['suite', '--out', out, '--dir', dir, '--kinds', 'preservation', '--adapter', 'model', '--policy', other]);
    expect(code).toBe(2);
    expect(err).toMatch(/--policy: is not the policy .*preservation\.acme\.json was written under: its version "Acme .*" has digest sha256:[0-9a-f]{16}, the file's sha256:[0-9a-f]{16}/);
    expect(readdirSync(out)).toEqual([]);
    expect((await runCliCaptured(['suite', '--out', out, '--dir', dir, '--kinds', 'preservation', '--adapter', 'model', '--policy', policyFile])).code).toBe(0);
  });

  it('scenarios --check on a folder of a policy file’s scenarios, without the file, says to give it rather than to regenerate', async () => {
    const { code, out } = await runCliCaptured(['scenarios', 'preservation', 'emergency', '--dir', dir, '--check']);
    expect(code).toBe(1);
    expect(out).toContain(`run \`dueprocess scenarios preservation emergency --dir ${dir}\``);
    expect(out).toContain(`files in ${dir} under policy acme were written with a policy file: check them with --policy FILE, not by deleting them`);
    expect((await runCliCaptured(['scenarios', 'preservation', 'emergency', '--dir', dir, '--check', '--policy', policyFile])).code).toBe(0);
  });

  it('writes scenario files under the policy’s id', () => {
    const file = readScenarioFile(scenarioFile);
    expect(file.policy.id).toBe('acme');
    expect(file.scenarios.length).toBeGreaterThan(0);
  });

  it('replays them with the same policy file, and without it says which policy it needs', async () => {
    const withFile = await runCliCaptured(['replay', scenarioFile, '--policy', policyFile]);
    expect(withFile.err).toBe('');
    expect(withFile.code).toBe(0);
    expect(withFile.out).toMatch(/preservation\.acme\.json: (\d+) of \1 scenarios replay as written/);
    const without = await runCliCaptured(['replay', scenarioFile]);
    expect(without.code).toBe(2);
    expect(without.err.startsWith(`dueprocess: ${scenarioFile}: policy.id: `)).toBe(true);
    expect(without.err).toMatch(/: policy\.id: is the policy the scenarios were written under, and not one of cloudflare, letsencrypt \(got "acme"\)\. Fix: give that policy’s JSON file/);
    expect(replayScenarioFile(readScenarioFile(scenarioFile), { acme }).every((r) => r.divergence === null)).toBe(true);
    expect(inputErrorOf(() => replayScenarioFile(readScenarioFile(scenarioFile))).field).toBe('policy.id');
  });

  it('replays a whole folder by glob, passing over the JSON Schema written beside the files', async () => {
    const all = readdirSync(dir).map((f) => join(dir, f));
    expect(all.some((f) => f.endsWith('scenario.schema.json'))).toBe(true);
    const { code, out } = await runCliCaptured(['replay', ...all, '--policy', policyFile]);
    expect(code).toBe(0);
    expect(out).toMatch(/^(\d+) of \1 scenarios replay as written$/m);
    const schemaOnly = await runCliCaptured(['replay', join(dir, 'scenario.schema.json')]);
    expect(schemaOnly.code).toBe(2);
    expect(schemaOnly.err).toMatch(/^dueprocess: FILE: is the scenarios’ JSON Schema, not a scenario file .*Fix: give the scenario files/);
  });

  it('measures their coverage with the same policy file', async () => {
    const { code, out } = await runCliCaptured(['coverage', '--dir', dir, '--policy', policyFile, '--json']);
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as { files: { kind: string; policy: string; transitions: { percent: number } }[] }).files;
    expect(rows.map((r) => `${r.kind}.${r.policy}`).sort()).toEqual(['emergency.acme', 'preservation.acme']);
    expect(rows.every((r) => r.transitions.percent === 100)).toBe(true);
    expect((await runCliCaptured(['coverage', '--dir', dir])).code).toBe(2);
  });

  it('runs them against the model as a system under test, once it knows the policy', async () => {
    const scenario = readScenarioFile(scenarioFile).scenarios[0];
    if (!scenario) throw new Error('no scenario');
    await expect(runScenario(modelAdapterFor({ acme }), 'acme', scenario)).resolves.toBeUndefined();
    await expect(runScenario(modelAdapter, 'acme', scenario)).rejects.toThrow(/policy: is not a built-in policy/);
  });
});
