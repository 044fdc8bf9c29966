import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { machineTransitions } from '../../src/paths/machineTransitions.ts';
import { machineTimers } from '../../src/time/machineTimers.ts';
import { statechartModel } from '../../src/viz/statechartModel.ts';
import { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { KIND_CHARTS, stateNodeIds } from './support/catalogueCharts.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { oddMachine } from './support/oddMachine.ts';

const cloudflareNow = policyVersionAt(cloudflare, CHECK_DATE);

describe('statechartModel', () => {
  it.each(KIND_CHARTS.map((k) => [k.kind, k] as const))('%s: validates, one node per state node, one edge per transition', (_, { machine, chart }) => {
    expect(StatechartJson.safeParse(chart).success).toBe(true);
    expect(StatechartJson.parse(JSON.parse(JSON.stringify(chart)))).toEqual(chart);
    expect(chart.nodes.map((n) => n.id)).toEqual(stateNodeIds(machine));
    expect(chart.edges.map((e) => e.id)).toEqual(machineTransitions(machine).map((t) => t.id));
    const ids = new Set(chart.nodes.map((n) => n.id));
    for (const n of chart.nodes) {
      if (n.parent !== null) expect(ids.has(n.parent)).toBe(true);
      if (n.type === 'compound') expect(n.initial && chart.nodes.find((c) => c.id === n.initial)?.parent).toBe(n.id);
      else expect(n.initial).toBeNull();
    }
    for (const e of chart.edges) {
      expect(ids.has(e.source)).toBe(true);
      for (const t of e.targets) expect(ids.has(t)).toBe(true);
      expect(e.event === null).toBe(e.trigger === 'always');
    }
  });

  it('gives every timer edge its delay, length under the policy, who sets it and a policy length’s citation, as machineTimers does', () => {
    for (const { machine, chart } of KIND_CHARTS) {
      const timers = machineTimers(machine, cloudflareNow.sources);
      const edges = chart.edges.filter((e) => e.trigger.startsWith('after '));
      expect(edges.every((e) => e.timer !== null)).toBe(true);
      expect(new Set(edges.map((e) => e.timer?.delay))).toEqual(new Set(timers.map((t) => t.name)));
      for (const e of edges) {
        const t = timers.find((x) => x.name === e.timer?.delay);
        expect(e.timer).toEqual({ delay: t?.name, days: t?.days, setBy: t?.setBy, ...(t?.source ? { source: t.source, confidence: t.confidence } : {}) });
        expect(e.event).toMatch(/^xstate\.after\./);
      }
      expect(chart.edges.filter((e) => !e.trigger.startsWith('after ')).every((e) => e.timer === null)).toBe(true);
    }
    const subpoena = KIND_CHARTS.find((k) => k.kind === 'subpoena')?.chart;
    expect(subpoena?.edges.find((e) => e.id === 'notice.sent|after objectionWindow|0')?.timer).toEqual({
      delay: 'objectionWindow',
      days: 14,
      setBy: 'policy',
      source: cloudflareNow.sources['notice.objectionWindow'],
      confidence: '?',
    });
    expect(subpoena?.edges.find((e) => e.trigger === 'after secrecyTerm')?.timer).toEqual({ delay: 'secrecyTerm', days: null, setBy: 'case' });
    const civil = KIND_CHARTS.find((k) => k.kind === 'civilSubpoena')?.chart;
    expect(civil?.edges.find((e) => e.trigger === 'after writtenObjectionWindow')?.timer).toEqual({ delay: 'writtenObjectionWindow', days: null, setBy: 'case' });
  });

  it('carries descriptions, tags and legal sources of states and transitions', () => {
    for (const { kind, chart } of KIND_CHARTS) {
      const root = chart.nodes[0];
      expect(root?.parent).toBeNull();
      expect(root?.sources.length, kind).toBeGreaterThan(0);
      expect(chart.title).toBe(CATALOGUE.find((e) => e.kind === kind)?.machine.root.meta?.title);
      expect(chart.edges.some((e) => e.sources.length > 0), kind).toBe(true);
    }
    const nsl = KIND_CHARTS.find((k) => k.kind === 'nationalSecurityLetter')?.chart;
    expect(nsl?.nodes.find((n) => n.id === 'secrecy.inForce')?.tags).toContain('secrecy');
    expect(nsl?.nodes.find((n) => n.id === 'process.intake')?.description).toMatch(/Request received/);
    expect(nsl?.policy?.id).toBe('cloudflare');
  });

  it('writes composed guards out with names, !, &&, || and In()', () => {
    const subpoena = KIND_CHARTS.find((k) => k.kind === 'subpoena')?.chart;
    const sent = subpoena?.edges.find((e) => e.id === 'notice.pending|notice.sent|0');
    expect(sent?.guard).toBe('inline guard');
    expect(sent?.guardExpression).toBe("!In('secrecy.inForce')");
    expect(subpoena?.edges.find((e) => e.id === 'process.review|review.completed|0')?.guardExpression).toBe('findingIs({"finding":"sufficient"})');
    const odd = statechartModel(oddMachine);
    expect(odd.edges.find((e) => e.id === 'a-b|go|0')?.guardExpression).toBe("ready && (!allowed || In('a_b.inner'))");
  });

  it('draws a machine without a policy, keeping only valid sources, with history and targetless transitions', () => {
    const odd = statechartModel(oddMachine);
    expect(StatechartJson.safeParse(odd).success).toBe(true);
    expect(odd.policy).toBeNull();
    expect(odd.title).toBe('Odd { machine }; #1');
    expect(odd.nodes[0]?.sources).toHaveLength(1);
    expect(odd.nodes.find((n) => n.id === 'a_b.hist')).toMatchObject({ type: 'history', history: 'deep' });
    expect(odd.edges.find((e) => e.id === 'a-b|poke|0')).toMatchObject({ targets: [], sources: [{ domain: '§2' }] });
    expect(odd.edges.find((e) => e.id === '(root)|reset.all|0')).toMatchObject({ source: '(root)', targets: ['a-b'], description: 'Back to the start; from anywhere.' });
    expect(odd.edges.find((e) => e.trigger === 'after P2D')?.timer).toEqual({ delay: 'P2D', days: 2, setBy: 'law' });
  });
});
