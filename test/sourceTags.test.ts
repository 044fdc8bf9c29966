import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../machines/catalogue.ts';
import type { Source } from '../src/domain/source.ts';
import { RULES } from '../src/rules/catalogue.ts';
import { statechartModel } from '../src/viz/statechartModel.ts';

// What shared/DOMAIN.md says of itself, restated here because the file is not in the repository:
// §10 holds "inferences from the facts above, not legal rules" and §4's modelling rules are
// "derived, not quoted", so no source checks them; the GDPR articles (with paragraph) it names.
const GDPR_IN_DOMAIN = new Set(['5(1)', '12', '12(3)', '12(4)', '15', '17(1)', '17(3)', '23', '48', '49', '77', '78(2)', '79']);

const everySource = (): Source[] => [
  ...RULES.flatMap((r) => r.sources),
  ...CATALOGUE.flatMap((e) => {
    const chart = statechartModel(e.machine);
    return [...e.sources, ...chart.nodes.flatMap((n) => n.sources), ...chart.edges.flatMap((x) => x.sources)];
  }),
];

describe('confidence tags follow DOMAIN.md', () => {
  it('a modelling inference (a §10 note, a §4 modelling rule) is tagged [?], never [S] or [L]', () => {
    const inferences = everySource().filter((s) => s.domain.startsWith('§10') || /^Modelling (rule|inference)/.test(s.cite));
    expect(inferences.length).toBeGreaterThan(0);
    expect(inferences.filter((s) => s.confidence !== '?')).toEqual([]);
  });

  it('a GDPR article tagged [S] or [L] is one DOMAIN.md names; one it does not name is [?] and says so', () => {
    const gdpr = everySource().filter((s) => s.cite.includes('GDPR Art'));
    const cited = (s: Source) => [...s.cite.matchAll(/Arts?\.? (\d+(?:\(\d+\))?)/g)].map((m) => m[1] as string);
    expect(gdpr.filter((s) => s.confidence !== '?' && !cited(s).every((a) => GDPR_IN_DOMAIN.has(a)))).toEqual([]);
    const outside = gdpr.filter((s) => !cited(s).every((a) => GDPR_IN_DOMAIN.has(a)));
    expect(outside.length).toBeGreaterThan(0);
    for (const s of outside) expect(s.cite).toContain('not in DOMAIN.md');
  });
});
