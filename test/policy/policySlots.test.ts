import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeWorkflow } from '../../examples/my-workflow.ts';
import { loadPolicy } from '../../src/policy/loadPolicy.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policySlotsOf } from '../../src/policy/policySlotsOf.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { objectionWindow } from '../../src/rules/noticeRules.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';
import { days } from '../support/handMachines.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');
/** Cloudflare's profile with a 30-day objection window. */
const slower = { ...cloudflare, id: 'slower', versions: cloudflare.versions.map((v) => ({ ...v, notice: { ...v.notice, objectionWindow: 'P30D' } })) };

describe('policy slots', () => {
  it('names the delays and guards a machine implements under a slot, with the policy’s length and its own', () => {
    expect(policySlotsOf(safeWorkflow, version)).toEqual([
      { kind: 'delay', name: 'objectionWindow', policyDays: 14, machineDays: 14 },
      { kind: 'delay', name: 'secrecyChallengeWindow', policyDays: 30, machineDays: 30 },
    ]);
    const own = safeWorkflow.provide({ delays: { objectionWindow: days(30), grace: days(2) }, guards: { policyNoticeBeforeDisclosure: () => false, mine: () => true } } as never);
    expect(policySlotsOf(own, version)).toEqual([
      { kind: 'delay', name: 'objectionWindow', policyDays: 14, machineDays: 30 },
      { kind: 'delay', name: 'secrecyChallengeWindow', policyDays: 30, machineDays: 30 },
      { kind: 'guard', name: 'policyNoticeBeforeDisclosure' },
    ]);
  });

  it('are filled by the policy, so a window the machine shortened is checked at the policy’s length, and check says so', async () => {
    const short = { name: 'short', machine: safeWorkflow.provide({ delays: { objectionWindow: days(5) } } as never), inputs: [{ name: 'default', input: undefined }], declared: safeWorkflow.root.meta?.alphabet };
    expect(checkMachine(short, version, [objectionWindow])[0]?.status).toBe('proved');
    const { code, out } = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--export', 'safeWorkflow', '--policy', tempFile('slower.json', slower)]);
    expect(code).toBe(0);
    expect(out).toContain('policy slots, filled from slower: delay objectionWindow = 30 days (your machine says 14); delay secrecyChallengeWindow = 30 days');
    const json = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--export', 'safeWorkflow', '--policy', 'cloudflare', '--json']);
    expect(JSON.parse(json.out)[0].policySlots).toEqual([
      { kind: 'delay', name: 'objectionWindow', policyDays: 14, machineDays: 14 },
      { kind: 'delay', name: 'secrecyChallengeWindow', policyDays: 30, machineDays: 30 },
    ]);
  });

  it('examples/policy.json is Cloudflare’s profile, and loads as a policy file: the built-in one itself', () => {
    expect(loadPolicy('examples/policy.json')).toBe(cloudflare);
  });

  it('refuses a file that keeps a built-in id over values of its own, so no result carries the built-in name wrongly', () => {
    const edited = JSON.parse(readFileSync('examples/policy.json', 'utf8')) as { versions: { notice: { objectionWindow: string } }[] };
    (edited.versions[0] as { notice: { objectionWindow: string } }).notice.objectionWindow = 'P10D';
    const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-policy-')), 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const error = inputErrorOf(() => loadPolicy(file));
    expect(error.field).toBe('--policy');
    expect(error.problem).toBe('holds the policy id "cloudflare", which is a built-in policy\'s, with values of its own');
    expect(error.fix).toContain('an id of its own');
  });
});
