import { describe, expect, it } from 'vitest';
import { refusals } from '../../src/paths/refusals.ts';
import { buildScenario } from '../../src/scenarios/buildScenario.ts';
import { catalogueGraph } from './pathFixtures.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';

// Refusal scenarios end with an event the machine refuses, leaving the case as it was; the ones
// the law cares about are among them.

const built = (kind: string) => {
  const { graph, ctx } = catalogueGraph(kind);
  return refusals(graph).map((plan) => ({ plan, scenario: buildScenario(graph, ctx, plan) }));
};

describe.each(['nationalSecurityLetter', 'preservation', 'emergency'])('refusals of %s', (kind) => {
  const all = built(kind);

  it('builds most plans, and each built one ends with its event refused and the case unchanged', () => {
    const scenarios = all.flatMap((b) => (b.scenario ? [{ ...b, scenario: b.scenario }] : []));
    expect(scenarios.length).toBeGreaterThan(all.length / 2);
    for (const { plan, scenario } of scenarios) {
      const last = scenario.steps[scenario.steps.length - 1];
      const before = scenario.steps[scenario.steps.length - 2];
      expect(last?.do).toEqual({ kind: 'event', event: plan.refusal });
      expect(last?.expect.accepted).toBe(false);
      expect({ ...last?.expect, accepted: true }).toEqual(before?.expect);
    }
  });
});

describe('the refusals the law cares about are generated', () => {
  const purposes = (kind: string) => built(kind).filter((b) => b.scenario).map((b) => b.plan.purpose);

  it('a notice while the NSL gag is in force', () => {
    expect(purposes('nationalSecurityLetter').some((p) => p.startsWith('notice.sent is refused') && p.includes('under secrecy'))).toBe(true);
  });

  it('a second preservation extension', () => {
    expect(purposes('preservation')).toContain('preservation.extended is refused (preserving.firstPeriod|preservation.extended|0 does not fire)');
  });

  it('an emergency disclosure before the good-faith assessment', () => {
    expect(purposes('emergency').some((p) => /^data\.disclosed is refused in process\.(assessing|verifying)/.test(p))).toBe(true);
  });
});

describe('a refusal is told apart by what it refuses, not by the order a snapshot lists its states in', () => {
  it('names the transitions that do not fire in the machine’s order, and no two plans refuse the same thing', () => {
    const { graph } = catalogueGraph('euProductionOrder', letsencrypt);
    const order = new Map(graph.transitions.map((t, i) => [t.id, i]));
    const seen = new Set<string>();
    for (const plan of refusals(graph)) {
      for (const part of plan.purpose.split('; ')) {
        const listed = /^(.*?) is refused \((.*?) (?:do|does) not fire\)(.*)$/.exec(part);
        if (!listed) continue;
        const ids = (listed[2] as string).split(', ');
        expect(ids.map((id) => order.get(id) ?? -1), part).toEqual([...ids.map((id) => order.get(id) ?? -1)].sort((a, b) => a - b));
        const key = `${listed[1]}|${[...ids].sort().join(',')}|${listed[3]}`;
        expect(seen.has(key), part).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
