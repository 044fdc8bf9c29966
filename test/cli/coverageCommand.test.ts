import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KindCoverage } from '../../src/scenarios/coverageOf.ts';
import type { ScenarioFile } from '../../src/scenarios/Scenario.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'dueprocess-cli-coverage-'));
const COPIED = ['preservation.cloudflare.json', 'abuseComplaint.letsencrypt.json', 'scenario.schema.json'];
const withCopies = () => {
  const dir = tmp();
  for (const f of COPIED) copyFileSync(join('scenarios', f), join(dir, f));
  return dir;
};
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;

describe('dueprocess coverage', () => {
  it('refuses two files for the same kind × policy, naming both, rather than counting each', async () => {
    const dir = tmp();
    copyFileSync(join('scenarios', 'preservation.cloudflare.json'), join(dir, 'a.json'));
    copyFileSync(join('scenarios', 'preservation.cloudflare.json'), join(dir, 'b.json'));
    const { code, err } = await runCliCaptured(['coverage', '--dir', dir]);
    expect(code).toBe(2);
    expect(err).toContain(`${join(dir, 'b.json')}: is a second scenario file for the same kind × policy as ${join(dir, 'a.json')}`);
  });

  it('over complete files: --json measures every file and says complete, the table shows it for people; exit 0', async () => {
    const dir = withCopies();
    const { code, out } = await runCliCaptured(['coverage', '--dir', dir, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { files: KindCoverage[]; complete: boolean };
    expect(report.complete).toBe(true);
    expect(report.files.map((f) => [f.kind, f.policy])).toEqual([
      ['abuseComplaint', 'letsencrypt'],
      ['preservation', 'cloudflare'],
    ]);
    for (const f of report.files) {
      expect(f.scenarios).toBe(read(join(dir, `${f.kind}.${f.policy}.json`)).scenarios.length);
      expect(f.diverged).toEqual([]);
      expect(f.transitions).toMatchObject({ percent: 100, missing: [] });
      expect(f.states.percent).toBe(100);
      expect(Object.keys(f).sort()).toEqual(['diverged', 'kind', 'pairs', 'policy', 'rules', 'scenarios', 'states', 'timers', 'transitions']);
      expect(Object.keys(f.timers).sort()).toEqual(['armed', 'cancelled', 'fired', 'neverArmed', 'neverFired', 'total']);
    }

    const text = await runCliCaptured(['coverage', '--dir', dir]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^kind × policy\s+scenarios\s+states\s+transitions\s+pairs\s+timers/);
    expect(text.out).toMatch(/^preservation × cloudflare\s+\d+\s+6\/6 100%\s+7\/7 100%\s+10\/10 100%\s+2\/2\/2 of 2\s+3\/3 100%$/m);
    expect(text.out).toContain("unreachable from the catalogue's inputs: intake —always [inline guard]→ noRecords");
  });

  it('a file stripped to one scenario, and one whose scenario no longer replays: exit 1, listing what is not taken and what diverges', async () => {
    const dir = withCopies();
    const path = join(dir, 'preservation.cloudflare.json');
    const file = read(path);
    writeFileSync(path, JSON.stringify({ ...file, scenarios: file.scenarios.slice(0, 1) }));
    const other = join(dir, 'abuseComplaint.letsencrypt.json');
    const tampered = read(other);
    const scenario = tampered.scenarios[0] as ScenarioFile['scenarios'][number];
    (scenario.steps[0] as ScenarioFile['scenarios'][number]['steps'][number]).expect.secrecy = true;
    writeFileSync(other, JSON.stringify(tampered));

    const json = await runCliCaptured(['coverage', '--dir', dir, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { files: KindCoverage[]; complete: boolean };
    expect(report.complete).toBe(false);
    const row = report.files.find((f) => f.kind === 'preservation');
    expect(row?.scenarios).toBe(1);
    expect(row?.transitions.percent).toBeLessThan(100);
    expect(row?.transitions.missing).toContain('preserving|request.withdrawn|0');
    expect(report.files.find((f) => f.kind === 'abuseComplaint')?.diverged).toEqual([scenario.id]);

    const text = await runCliCaptured(['coverage', '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`no longer replays: ${scenario.id}`);
    const notes = text.out.slice(text.out.indexOf('\npreservation × cloudflare:\n'));
    expect(notes).toContain('  state not reached: withdrawn');
    expect(notes).toContain('  transition not taken: preserving|request.withdrawn|0');
    expect(notes).toContain('  transition not taken: preserving.extensionPeriod|after P90D|0');
    expect(notes).toContain('  rule premise not triggered: preservation-term');
  });

  it.each([
    ['a directory that does not exist', () => ['--dir', join(tmp(), 'nope')], /^dueprocess: --dir: does not exist/],
    ['a directory with no scenario files', () => ['--dir', tmp()], /^dueprocess: --dir: holds no scenario files/],
    ['a file that is not a scenario file', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'x.json'), '{"format": 1}');
      return ['--dir', dir];
    }, /^dueprocess: .*x\.json\.format: /],
  ])('%s exits 2', async (_what, args, message) => {
    const { code, err } = await runCliCaptured(['coverage', ...args()]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('a file for a policy that is not built in exits 2 naming policy.id, as replay does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'preservation.google.json'), JSON.stringify({ ...read('scenarios/preservation.cloudflare.json'), policy: { id: 'google', version: 'x' } }));
    const result = await runCliCaptured(['coverage', '--dir', dir]).catch((e: unknown) => ({ code: -1, out: '', err: `threw: ${(e as Error).message}` }));
    expect(result.err).toContain(`dueprocess: ${join(dir, 'preservation.google.json')}: policy.id: is the policy`);
    expect(result.err).toMatch(/: policy\.id: is the policy the scenarios were written under, and not one of cloudflare, letsencrypt \(got "google"\)/);
    expect(result.code).toBe(2);
  });
});
