import { describe, expect, it } from 'vitest';
import { safeWorkflow } from '../../examples/my-workflow.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { type CheckTarget, checkMachine, type RuleResult } from '../../src/rules/checkMachine.ts';
import { runCheckTask } from '../../src/rules/runCheckTask.ts';
import { version } from '../support/handMachines.ts';

const target = (inputs: CheckTarget['inputs']): CheckTarget => ({ name: 'safe', machine: safeWorkflow, inputs, declared: safeWorkflow.root.meta?.alphabet });
const byId = (results: readonly RuleResult[]) => new Map(results.map((r) => [r.rule.id, r]));
const vacuous = (results: readonly RuleResult[]) => results.filter((r) => r.vacuous).map((r) => r.rule.id);

describe('vacuous proofs', () => {
  it('marks a proof whose premise no run meets, and only those', () => {
    const results = checkMachine(target([{ name: 'default', input: undefined }]), version, RULES);
    expect(vacuous(results)).toEqual(['delayed-notice', 'cloud-act-motion-window', 'no-disclosure-past-retention']);
    const rules = byId(results);
    expect(rules.get('delayed-notice')).toMatchObject({ status: 'proved', vacuous: { premise: 'notice falls due after a disclosure made without it' } });
    // It discloses, notifies and imposes gags, so these proofs did work.
    for (const id of ['no-notice-under-secrecy', 'notice-before-disclosure', 'objection-window', 'gag-ends-on-its-date', 'challenge-long-secrecy', 'termination', 'no-silent-deadline']) {
      expect(rules.get(id)?.status).toBe('proved');
      expect(rules.get(id)?.vacuous).toBeUndefined();
    }
  });

  it('a vacuous proof can hide a violation that an input meeting the premise shows', () => {
    const old = { name: 'old records', input: { categories: ['nonContentRecords'], dataAgeDays: 4000 } };
    const before = byId(checkMachine(target([{ name: 'default', input: undefined }]), version, RULES)).get('no-disclosure-past-retention');
    const after = byId(checkMachine(target([old]), version, RULES)).get('no-disclosure-past-retention');
    expect(before?.vacuous).toBeDefined();
    expect(after).toMatchObject({ status: 'violated', input: 'old records' });
    expect(after?.vacuous).toBeUndefined();
  });

  it('says nothing of vacuity where a budget ran out: an unfinished graph cannot show a premise is never met', () => {
    const results = checkMachine(target([{ name: 'default', input: undefined }]), version, RULES, { maxStates: 3 });
    expect(results.some((r) => r.status === 'inconclusive')).toBe(true);
    expect(vacuous(results)).toEqual([]);
  });

  it('on the catalogue, follows the law: a civil subpoena has no gag, so the gag rule has nothing to check there', () => {
    const rules = (kind: string) => byId(runCheckTask({ index: 0, kind, policy: cloudflare, date: '2026-01-15' }).results);
    expect(rules('civilSubpoena').get('no-notice-under-secrecy')?.vacuous).toEqual({ premise: 'a gag comes into force' });
    const gagged = rules('subpoena').get('no-notice-under-secrecy');
    expect(gagged?.status).toBe('proved');
    expect(gagged?.vacuous).toBeUndefined();
  });
});
