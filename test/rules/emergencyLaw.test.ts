import { describe, expect, it } from 'vitest';
import { EmergencyRequest, emergencyEntry, emergencyMachine } from '../../machines/emergency.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { emergencyReach, statutoryEmergency } from '../../src/domain/emergencyLaw.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { type CheckTarget, checkMachine, ruleContext } from '../../src/rules/checkMachine.ts';
import { checkRun } from '../../src/rules/checkRun.ts';
import { compellableOnly, emergencyAssessedFirst } from '../../src/rules/dataRules.ts';
import { noticeBeforeDisclosure } from '../../src/rules/noticeRules.ts';
import { sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { send } from '../support/runHelpers.ts';
import { INTAKE_SCHEMAS } from '../../examples/caseTool/intakeSchemas.ts';

const disclose = (e: VocabularyEvent) => e;
const version = policyVersionAt(letsencrypt, '2026-01-15');
const machine = withPolicy(emergencyMachine, version);
// Cloudflare names no limit of its own on emergency disclosures: the statute's reach alone.
const lawVersion = policyVersionAt(cloudflare, '2026-01-15');
const lawOnly = withPolicy(emergencyMachine, lawVersion);
const request = (country: string) =>
  EmergencyRequest.parse({ kind: 'emergency', receivedOn: '2026-01-15', account: 'a', requester: { name: 'r', country }, categories: ['basicSubscriberInfo', 'content'] });

function target(m = emergencyMachine, inputNames?: string[]): CheckTarget {
  const inputs = inputNames ? emergencyEntry.inputs.filter((i) => inputNames.includes(i.name)) : emergencyEntry.inputs;
  return { name: 'emergency', machine: m, kind: 'emergency', inputs, declared: emergencyEntry.alphabet };
}

describe('2702(b)(8) and (c)(4) bound an emergency disclosure, whatever the policy says', () => {
  it('knows the statutory criterion and who may get content', () => {
    expect(statutoryEmergency('deathOrSeriousInjury')).toBe(true);
    expect(statutoryEmergency('propertyDamage')).toBe(false);
    expect(statutoryEmergency(null)).toBe(false);
    expect(emergencyReach('US')).toContain('content');
    expect(emergencyReach('DE')).toEqual(['basicSubscriberInfo', 'nonContentRecords']);
    expect(emergencyReach('PR')).toContain('content');
    expect(emergencyReach(undefined)).toEqual(emergencyReach('DE'));
  });

  it('never assumes an emergency requester is a US government: a request without its country is refused at intake', () => {
    const raw = { kind: 'emergency', receivedOn: '2026-01-15', account: 'a', requester: { name: 'Polizei' }, categories: ['content'] };
    const issue = EmergencyRequest.safeParse(raw).error?.issues[0];
    expect(issue?.path).toEqual(['requester', 'country']);
    expect(issue?.message).toMatch(/US governmental entity/);
    expect(INTAKE_SCHEMAS.emergency.safeParse(raw).error?.issues[0]?.path).toEqual(['requester', 'country']);
  });

  it('refuses to disclose on a policy criterion the statute does not know (Let’s Encrypt: financial harm)', () => {
    for (const criterion of ['propertyDamage', 'significantFinancialHarm'] as const) {
      let run = startRun(machine, request('US'), 0);
      run = send(run, 0, { type: 'request.verified', authentic: true });
      run = send(run, 0, { type: 'emergency.assessed', criterion });
      expect(run.snapshot.matches({ process: 'refused' })).toBe(true);
      expect(run.snapshot.context.outcome).toMatch(/^no emergency the statute allows/);
      expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] })).ok).toBe(false);
    }
  });

  it('gives a foreign authority non-content records, never content', () => {
    let run = startRun(lawOnly, request('DE'), 0);
    run = send(run, 0, { type: 'request.verified', authentic: true });
    run = send(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
    expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: ['content'] })).ok).toBe(false);
    expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: ['basicSubscriberInfo', 'content'] })).ok).toBe(false);
    expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] })).ok).toBe(true);
  });

  it('catches a machine that takes any policy criterion as an emergency', () => {
    const lax = emergencyMachine.provide({ guards: { statutoryEmergency: ({ event }) => event.type === 'emergency.assessed' && event.criterion !== null } });
    const rules = [emergencyAssessedFirst, noticeBeforeDisclosure];
    expect(checkMachine(target(), version, rules).map((r) => r.status)).toEqual(['proved', 'proved']);
    const [assessed, notice] = checkMachine(target(lax, ['plain']), version, rules);
    expect(assessed?.status).toBe('violated');
    expect(assessed?.message).toBe('data was disclosed in an emergency without a good-faith assessment of danger of death or serious physical injury');
    expect(assessed?.counterexample?.map((s) => s.what).find((w) => w.startsWith('emergency.assessed'))).toMatch(/propertyDamage|significantFinancialHarm/);
    expect(notice?.status).toBe('violated');
  });

  it('catches a machine that sends content to a foreign authority', () => {
    const lax = emergencyMachine.provide({ guards: { withinLawfulReach: () => true } });
    const [before] = checkMachine(target(), lawVersion, [compellableOnly]);
    expect(before?.status).toBe('proved');
    const [result] = checkMachine(target(lax, ['foreign authority asks']), lawVersion, [compellableOnly]);
    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.at(-1)?.what).toMatch(/^data\.disclosed .*content/);
  });
});

describe('a provider’s emergency policy narrows what the statute allows, never widens it', () => {
  it('Let’s Encrypt gives a US government in a death emergency account-recovery information (subscriber identity) only', () => {
    let run = startRun(machine, request('US'), 0);
    run = send(run, 0, { type: 'request.verified', authentic: true });
    run = send(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
    for (const categories of [['content'], ['basicSubscriberInfo'], ['nonContentRecords']] as const) {
      expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: [...categories] })).ok, categories.join()).toBe(false);
    }
    expect(sendEvent(run, 0, disclose({ type: 'data.disclosed', categories: ['subscriberIdentity'] })).ok).toBe(true);
    // Under Cloudflare, which names no such limit, the statute's reach stands.
    let cf = startRun(lawOnly, request('US'), 0);
    cf = send(cf, 0, { type: 'request.verified', authentic: true });
    cf = send(cf, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
    expect(sendEvent(cf, 0, disclose({ type: 'data.disclosed', categories: ['content'] })).ok).toBe(true);
  });

  it('catches a case run without the policy’s limit: content disclosed where Let’s Encrypt promises account-recovery data only', () => {
    let run = startRun(lawOnly, request('US'), 0);
    run = send(run, 0, { type: 'request.verified', authentic: true });
    run = send(run, 0, { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' });
    run = send(run, 0, { type: 'data.disclosed', categories: ['content'] });
    const judged = (v: typeof version) => checkRun(run, request('US'), [compellableOnly], ruleContext(lawOnly, 'emergency', v));
    expect(judged(lawVersion)).toEqual([]);
    expect(judged(version)).toMatchObject([{ rule: 'compellable-only', message: 'data was disclosed beyond what an emergency compels or allows' }]);
  });
});
