import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { type CheckTarget, type RuleResult, checkMachine } from '../../src/rules/checkMachine.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { kindTarget } from '../../src/rules/runCheckTask.ts';

const CHECK_DATE = '2026-01-15';
const POLICIES = { cloudflare, letsencrypt };
const targetOf = (e: KindEntry): CheckTarget => kindTarget(e);

/**
 * Which rules apply to each kind under each policy. Applicability does not depend on the search,
 * so a one-state budget is enough to read it.
 */
function applicability(): RuleResult[] {
  return Object.values(POLICIES).flatMap((profile) => CATALOGUE.flatMap((entry) => checkMachine(targetOf(entry), policyVersionAt(profile, CHECK_DATE), RULES, { maxStates: 1 })));
}

describe('the whole catalogue under both policies', () => {
  const cases = Object.entries(POLICIES).flatMap(([policy, profile]) => CATALOGUE.map((entry) => ({ policy, kind: entry.kind, entry, profile })));

  it.each(cases)(
    '$kind under $policy: every applicable rule is proved',
    ({ entry, profile }) => {
      const results = checkMachine(targetOf(entry), policyVersionAt(profile, CHECK_DATE), RULES);

      expect(results.map((r) => r.rule.id)).toEqual(RULES.map((r) => r.id));
      const notProved = results.filter((r) => r.status !== 'proved' && r.status !== 'notApplicable');
      expect(notProved.map((r) => ({ rule: r.rule.id, status: r.status, message: r.message, input: r.input, counterexample: r.counterexample, frontier: r.frontier }))).toEqual([]);
      expect(results.some((r) => r.status === 'proved')).toBe(true);
      // termination and no-silent-deadline apply to every machine.
      expect(results.find((r) => r.rule.id === 'termination')?.status).toBe('proved');
    },
    180_000,
  );

  it('every rule in RULES applies to at least one catalogue kind', () => {
    const applied = new Set(applicability().filter((r) => r.status !== 'notApplicable').map((r) => r.rule.id));
    expect(RULES.map((r) => r.id).filter((id) => !applied.has(id))).toEqual([]);
  });

  it('each policy-dependent rule is not applicable somewhere, so applicability is real', () => {
    const skipped = new Set(applicability().filter((r) => r.status === 'notApplicable').map((r) => r.rule.id));
    for (const id of ['challenge-long-secrecy', 'foreign-law-conflict-challenged', 'preservation-term', 'abuse-complaint-handling', 'data-subject-deadline', 'erasure-ground']) {
      expect(skipped.has(id), id).toBe(true);
    }
    expect(skipped.has('termination')).toBe(false);
    expect(skipped.has('no-silent-deadline')).toBe(false);
  });
});

describe('rule metadata', () => {
  it('rule ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has an id, title, rationale, scope and a DOMAIN.md (§) source', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(10);
    expect(rule.scope.length).toBeGreaterThan(3);
    expect(rule.sources.length).toBeGreaterThan(0);
    expect(rule.sources.some((s) => s.domain.startsWith('§'))).toBe(true);
    for (const s of rule.sources) expect(s.cite.length).toBeGreaterThan(0);
  });
});
