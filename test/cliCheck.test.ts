import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { letsencrypt } from '../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { RULES } from '../src/rules/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from './support/runCliCaptured.ts';

interface JsonRow {
  machine: string;
  policy: string;
  rules: { id: string; status: string; states?: number; transitions?: number; counterexample?: { day: number; what: string; state: string }[]; sources: unknown[] }[];
}

describe('dueprocess check', () => {
  it('proves the rules on catalogue kinds and prints the summary table, then each named kind’s rules one by one', async () => {
    const { code, out, err } = await runCliCaptured(['check', 'nationalSecurityLetter', 'preservation', '--policy', 'cloudflare']);
    expect(code).toBe(0);
    expect(err).toMatch(/^checked in \d+\.\d s \(slowest: /);
    const again = await runCliCaptured(['check', 'nationalSecurityLetter', 'preservation', '--policy', 'cloudflare']);
    expect(again.out).toBe(out);
    expect(out).toMatch(/^machine\s+policy\s+states\s+transitions\s+proved\s+vacuous\s+violated\s+inconclusive\s+n\/a$/m);
    expect(out).toMatch(/^nationalSecurityLetter\s+cloudflare\s+\d+\s+\d+\s+\d+\s+\d+\s+0\s+0\s+\d+$/m);
    expect(out).toMatch(new RegExp(`^nationalSecurityLetter × cloudflare \\(.+\\)\\n( {2}.+\\n){${RULES.length}}\\n`, 'm'));
    expect(out).toMatch(/^ {2}proved\s+no-notice-under-secrecy\s+\d+ states\s+\d+ transitions$/m);
    expect(out).toMatch(/^ {2}n\/a\s+preservation-term\s+applies to: machines with a preserving tag$/m);
    expect(out).toContain('All rules hold');
  });

  it('checks a kind named twice once, so the summary counts distinct checks', async () => {
    const { code, out } = await runCliCaptured(['check', 'preservation', 'preservation', '--policy', 'cloudflare']);
    expect(code).toBe(0);
    expect(out.match(/^preservation\s+cloudflare\s/gm)).toHaveLength(1);
    expect(out).toMatch(/across 1 machine × policy check\b/);
  });

  it('--threads 2 checks in a worker thread too, with the same report as one thread', async () => {
    const args = ['check', 'nationalSecurityLetter', 'preservation', 'dmcaSubpoena', '--policy', 'cloudflare'];
    const one = await runCliCaptured([...args, '--threads', '1']);
    const two = await runCliCaptured([...args, '--threads', '2']);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it('rejects a user machine that notifies under a gag, with a dated counterexample and its sources (exit 1)', async () => {
    const { code, out } = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--policy', 'cloudflare', '--json']);
    expect(code).toBe(1);
    const [row] = JSON.parse(out) as JsonRow[];
    const rule = row?.rules.find((r) => r.id === 'no-notice-under-secrecy');
    expect(rule?.status).toBe('violated');
    expect(rule?.counterexample?.map((s) => s.what)).toEqual(['request received', 'secrecy.imposed', 'notice.sent']);
    expect(rule?.sources.length).toBeGreaterThan(0);
    expect(row?.rules.filter((r) => r.status === 'violated').map((r) => r.id)).toEqual(['no-notice-under-secrecy']);
    for (const r of row?.rules ?? []) expect(r.transitions === 0).toBe(r.status === 'notApplicable');
  });

  it('proves the same workflow once the gag guard is in place (--export), and says which proofs had nothing to check', async () => {
    const { code, out } = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--export', 'safeWorkflow', '--policy', 'cloudflare']);
    expect(code).toBe(0);
    expect(out).toMatch(/^examples\/my-workflow\.ts#safeWorkflow\s+cloudflare\s+\d+\s+\d+\s+10\s+3\s+0\s+0\s+10$/m);
    expect(out).toMatch(/^ {2}proved\s+delayed-notice\s+\d+ states\s+\d+ transitions {2}vacuous: no run where notice falls due after a disclosure made without it$/m);
    expect(out).toMatch(/^ {2}proved\s+notice-before-disclosure\s+\d+ states\s+\d+ transitions$/m);
    expect(out).toContain('Vacuous proofs: the rule held because no run meets its premise');
    expect(out).toMatch(/^ {2}no-disclosure-past-retention — no run where a request asks for data past its retention:\n {4}examples\/my-workflow\.ts#safeWorkflow × cloudflare$/m);
    expect(out).toContain('All rules hold: 10 proofs (3 vacuous) across 1 machine × policy check');
    const json = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--export', 'safeWorkflow', '--policy', 'cloudflare', '--json']);
    const rules = (JSON.parse(json.out) as { rules: { id: string; vacuous?: { premise: string } }[] }[])[0]?.rules ?? [];
    expect(rules.filter((r) => r.vacuous).map((r) => `${r.id}: ${r.vacuous?.premise}`)).toEqual(['delayed-notice: notice falls due after a disclosure made without it', 'cloud-act-motion-window: a CLOUD Act motion is filed', 'no-disclosure-past-retention: a request asks for data past its retention']);
  });

  it('lists, after a machine of your own’s rules, the states no run enters and the transitions no run takes', async () => {
    const args = ['check', '--machine', 'test/fixtures/unusedParts.js', '--export', 'unusedParts', '--policy', 'cloudflare'];
    const { code, out } = await runCliCaptured(args);
    expect(code).toBe(0);
    expect(out).toContain('\n  never entered: escalated, escalated.waiting, escalated.heard, archived\n  never taken: received —challenge.filed [never]→ escalated\n               archived —notice.sent→ told\n');
    const json = await runCliCaptured([...args, '--json']);
    expect((JSON.parse(json.out) as { unreached?: unknown }[])[0]?.unreached).toEqual({
      states: ['escalated', 'escalated.waiting', 'escalated.heard', 'archived'],
      transitions: ['received —challenge.filed [never]→ escalated', 'archived —notice.sent→ told'],
    });
    const safe = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--export', 'safeWorkflow', '--policy', 'cloudflare', '--json']);
    expect((JSON.parse(safe.out) as { unreached?: unknown }[])[0]?.unreached).toEqual({ states: [], transitions: [] });
    const catalogue = await runCliCaptured(['check', 'preservation', '--policy', 'cloudflare', '--json']);
    expect((JSON.parse(catalogue.out) as object[])[0]).not.toHaveProperty('unreached');
  });

  it('loads a plain JavaScript module and checks its named export', async () => {
    const { code, out } = await runCliCaptured(['check', '--machine', 'test/fixtures/jsWorkflow.js', '--export', 'jsWorkflow', '--policy', 'letsencrypt', '--json']);
    expect(code).toBe(0);
    const [row] = JSON.parse(out) as JsonRow[];
    expect(row?.machine).toBe('test/fixtures/jsWorkflow.js#jsWorkflow');
    expect(row?.rules.filter((r) => r.status === 'proved').map((r) => r.id)).toEqual(expect.arrayContaining(['no-notice-under-secrecy', 'termination', 'no-silent-deadline']));
  });

  it('--stepper verify computes every step through the port and through XState, and agrees on a catalogue kind', async () => {
    const plain = await runCliCaptured(['check', 'nationalSecurityLetter', '--policy', 'cloudflare', '--json']);
    const verified = await runCliCaptured(['check', 'nationalSecurityLetter', '--policy', 'cloudflare', '--json', '--stepper', 'verify']);
    const xstate = await runCliCaptured(['check', 'nationalSecurityLetter', '--policy', 'cloudflare', '--json', '--stepper', 'xstate']);
    expect([plain.code, verified.code, xstate.code]).toEqual([0, 0, 0]);
    const verdicts = (out: string) => (JSON.parse(out) as JsonRow[]).map((r) => r.rules.map((x) => `${x.id}:${x.status}:${x.states}`));
    expect(verdicts(verified.out)).toEqual(verdicts(plain.out));
    expect(verdicts(xstate.out)).toEqual(verdicts(plain.out));
  });

  it('--stepper verify stops with exit 1 on a guard that does not give the same answer twice, naming the step', async () => {
    const { code, out, err } = await runCliCaptured(['check', '--machine', 'test/fixtures/flakyGuard.js', '--export', 'flakyGuard', '--policy', 'cloudflare', '--stepper', 'verify']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/the port \(fastStepper\) and XState differ on \{"type":"notice\.sent"\} from "received": one takes the event and the other does not/);
    expect(err).toMatch(/must give the same answer for the same context and event/);
  });

  it('--stepper verify --json prints that stop as JSON too, so every outcome gives stdout a JSON document', async () => {
    const { code, out } = await runCliCaptured(['check', '--machine', 'test/fixtures/flakyGuard.js', '--export', 'flakyGuard', '--policy', 'cloudflare', '--stepper', 'verify', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      error: { reason: 'stepMismatch', message: expect.stringMatching(/^the port \(fastStepper\) and XState differ on \{"type":"notice\.sent"\} from "received"/), fix: expect.stringMatching(/must give the same answer for the same context and event/) },
    });
  });

  it('says when a user machine is stepped by XState itself, and why', async () => {
    const { code, out, err } = await runCliCaptured(['check', '--machine', 'test/fixtures/historyWorkflow.js', '--export', 'historyWorkflow', '--policy', 'cloudflare']);
    expect(code).toBe(0);
    expect(out).toContain('All rules hold');
    expect(err).toMatch(/^note: test\/fixtures\/historyWorkflow\.js#historyWorkflow is stepped by XState itself, not the port \(state #historyWorkflow\.open\.last is a history state\)/m);
    const ported = await runCliCaptured(['check', '--machine', 'test/fixtures/jsWorkflow.js', '--export', 'jsWorkflow', '--policy', 'cloudflare']);
    expect(ported.err).not.toContain('note:');
    const asked = await runCliCaptured(['check', '--machine', 'test/fixtures/historyWorkflow.js', '--export', 'historyWorkflow', '--policy', 'cloudflare', '--stepper', 'xstate']);
    expect(asked.code).toBe(0);
    expect(asked.err).not.toContain('note:');
  });

  it('reports a budget that ran out as inconclusive, never as proved (exit 1)', async () => {
    const { code, out } = await runCliCaptured(['check', 'subpoena', '--policy', 'cloudflare', '--max-states', '20']);
    expect(code).toBe(1);
    expect(out).toMatch(/INCONCLUSIVE {2}subpoena × cloudflare: .* states unexplored; nothing is proved\n {2}Fix: raise the state budget with --max-states N \(it is 200,000 unless given\)/);
    const json = await runCliCaptured(['check', 'subpoena', '--policy', 'cloudflare', '--max-states', '20', '--json']);
    const rules = (JSON.parse(json.out) as { rules: { status: string; budget?: string }[] }[])[0]?.rules ?? [];
    expect(rules.filter((r) => r.status === 'inconclusive').length).toBeGreaterThan(0);
    for (const r of rules) expect(r.budget).toBe(r.status === 'inconclusive' ? 'states' : undefined);
  });

  it.each([
    ['an unknown kind', ['check', 'warrant'], /kind: is not a kind in the catalogue \(got "warrant"\)/],
    ['a missing machine file', ['check', '--machine', 'nope.ts'], /--machine: does not exist/],
    ['an export that is not a machine', ['check', '--machine', 'examples/my-workflow.ts', '--export', 'nothing'], /--export: is not an XState v5 machine .*Fix: use --export (default|safeWorkflow) or --export (default|safeWorkflow)/],
    ['--export without --machine', ['check', '--export', 'x'], /--export: needs --machine/],
    ['a bad budget', ['check', 'subpoena', '--max-states', 'lots'], /--max-states: is not a positive whole number/],
    ['a bad date', ['check', 'subpoena', '--date', '2026-13-01'], /--date: is no day of the calendar \(got "2026-13-01"\)/],
    ['a date before 1970', ['check', 'subpoena', '--date', '1960-01-01'], /--date: is before 1970 .*Fix: give a date from 1970-01-01 on/],
    ['no threads', ['check', 'subpoena', '--threads', '0'], /--threads: is not a positive whole number \(got "0"\)\. Fix: give a number like 2/],
    ['an unknown stepper', ['check', 'subpoena', '--stepper', 'fast'], /--stepper: is not a way to compute steps \(got "fast"\)\. Fix: use port \(the default\), xstate, or verify/],
    ['a policy name every object inherits', ['check', 'subpoena', '--policy', 'constructor'], /--policy: is not a built-in policy \(got "constructor"\)/],
    ['a policy file that does not parse', ['check', 'subpoena', '--policy', tempFile('p.json', '{')], /--policy: is not valid JSON/],
  ])('exits 2 on %s', async (_name, args, message) => {
    const { code, err, out } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('tells a module outside any project with xstate to install it there (Node resolves from the module’s folder)', () => {
    // In its own process: vitest's loader would find xstate from this project.
    const file = tempFile('m.mjs', "import { setup } from 'xstate'; export default setup({}).createMachine({ id: 'm' });");
    const { status, stderr } = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--machine', file], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/--machine: could not be loaded: Cannot find (module|package) 'xstate'.*Fix: install xstate where the module can find it/);
  });

  it('names where a module fails to compile, not only that it did', () => {
    const file = tempFile('broken.ts', "import { setup } from 'xstate';\nexport default setup({}).createMachine({ id: 'm', states: { a: {} } ;\n");
    const { status, stderr } = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--machine', file], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/--machine: could not be loaded: Transform failed with 1 error: \S*broken\.ts:2:\d+: ERROR: Expected "}" but found ";"/);
  });

  it('dates its evidence: the day whose policy versions it checked under, and the dueprocess that checked', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const text = await runCliCaptured(['check', 'preservation', '--policy', 'letsencrypt', '--date', '2024-09-01']);
    expect(text.out.trimEnd().split('\n').at(-1)).toBe(`Checked under the policy versions in force on 2024-09-01, by dueprocess ${version}.`);
    const json = await runCliCaptured(['check', 'preservation', '--policy', 'letsencrypt', '--date', '2024-09-01', '--json']);
    expect(JSON.parse(json.out)[0]).toMatchObject({ version: policyVersionAt(letsencrypt, '2024-09-01').title, asOf: '2024-09-01', dueprocess: version });
    expect(policyVersionAt(letsencrypt, '2024-09-01').title).not.toBe(policyVersionAt(letsencrypt, '2026-01-15').title);
  });

  it('with --json, also prints the error on stdout as JSON, in fields a program can act on', async () => {
    const { code, err, out } = await runCliCaptured(['check', 'warrant', '--json']);
    expect(code).toBe(2);
    expect(err).toMatch(/kind: is not a kind in the catalogue/);
    expect(JSON.parse(out)).toEqual({
      error: { reason: 'unknownKind', field: 'kind', value: 'warrant', problem: 'is not a kind in the catalogue', fix: expect.stringMatching(/^use one of subpoena, /), message: err.trim().replace(/^dueprocess: /, '') },
    });
  });
});
