import { describe, expect, it } from 'vitest';
import { statechartModel } from '../../src/viz/statechartModel.ts';
import type { StatechartJson } from '../../src/viz/StatechartJson.ts';
import { scxmlIds, toScxml } from '../../src/viz/toScxml.ts';
import { KIND_CHARTS } from './support/catalogueCharts.ts';
import { oddMachine } from './support/oddMachine.ts';
import { parseXml } from './support/parseXml.ts';
import { readScxml } from './support/readScxml.ts';

const ELEMENT = { atomic: 'state', compound: 'state', parallel: 'parallel', final: 'final', history: 'history' } as const;

/** Writes the chart as SCXML, reads it back, and compares states, transitions and timers with the chart. */
function roundTrip(chart: StatechartJson) {
  const text = toScxml(chart);
  const doc = readScxml(text);
  const id = (nodeId: string) => scxmlIds(chart).get(nodeId) ?? `missing ${nodeId}`;
  const root = chart.nodes.find((n) => n.parent === null);
  expect(doc.initial).toBe(root && id(root.id));
  expect(doc.states).toEqual(
    chart.nodes.map((n) => ({ id: id(n.id), type: ELEMENT[n.type], parent: n.parent === null ? null : id(n.parent), initial: n.initial === null ? null : id(n.initial) })),
  );
  const history = new Set(doc.states.filter((s) => s.type === 'history').map((s) => s.id));
  expect(doc.transitions.filter((t) => !history.has(t.source)).map(({ internal: _, ...t }) => t)).toEqual(
    chart.edges.map((e) => ({
      source: id(e.source),
      event: e.event,
      cond: e.guardExpression?.replace(/In\('([^']*)'\)/g, (_, s: string) => `In('${id(s)}')`) ?? null,
      targets: e.targets.map(id),
    })),
  );
  const timers = chart.edges.filter((e) => e.timer);
  expect(new Set(doc.sends.map((s) => `${s.state} ${s.event}`))).toEqual(new Set(timers.map((e) => `${id(e.source)} ${e.event}`)));
  for (const e of timers) {
    const send = doc.sends.find((s) => s.event === e.event);
    const days = e.timer?.days ?? null;
    expect(send).toMatchObject(days === null ? { delay: null, delayexpr: e.timer?.delay } : { delay: `${days * 86_400}s`, delayexpr: null });
    expect(doc.cancels).toContainEqual({ state: id(e.source), sendid: send?.id });
  }
  expect(doc.cancels).toHaveLength(doc.sends.length);
  return { text, doc };
}

describe('toScxml', () => {
  it.each(KIND_CHARTS.map((k) => [k.kind, k.chart] as const))('%s: well-formed SCXML 1.0 that round-trips', (_, chart) => {
    const { text } = roundTrip(chart);
    expect(parseXml(text).name).toBe('scxml');
  });

  it('lists at the top what SCXML cannot express, with the policy’s timer lengths', () => {
    const chart = KIND_CHARTS.find((k) => k.kind === 'subpoena')?.chart as StatechartJson;
    const { doc } = roundTrip(chart);
    const top = doc.topComments.join('\n');
    expect(top).toContain('subpoena (Subpoena (ECPA, grand jury or trial)) as SCXML 1.0, from its XState v5 machine under policy cloudflare');
    expect(top).toMatch(/delays a policy sets are written as their lengths under this policy only: .*objectionWindow 14 days/);
    expect(top).toContain('delays set per case are written as delayexpr naming the delay (secrecyTerm)');
    expect(top).toContain("guards are names only: cond is the guard's name, or an expression over names with !, &&, || and In('state')");
    expect(top).toContain('context, its assignments and every other action are omitted');
    const preservation = roundTrip(KIND_CHARTS.find((k) => k.kind === 'preservation')?.chart as StatechartJson).doc.topComments.join('\n');
    expect(preservation).not.toContain('delays a policy sets');
  });

  it('writes XState’s timer convention and SCXML’s internal transitions', () => {
    const chart = KIND_CHARTS.find((k) => k.kind === 'penRegister')?.chart as StatechartJson;
    const { text, doc } = roundTrip(chart);
    expect(text).toContain('<send id="xstate.after.P60D.penRegister.orderTerm.active.extension" event="xstate.after.P60D.penRegister.orderTerm.active.extension" delay="5184000s"/>');
    expect(text).toContain('<cancel sendid="xstate.after.P60D.penRegister.orderTerm.active.extension"/>');
    expect(text).toContain('<send id="xstate.after.orderTerm.penRegister.orderTerm.active.initial" event="xstate.after.orderTerm.penRegister.orderTerm.active.initial" delayexpr="orderTerm"/>');
    expect(doc.transitions).toContainEqual({ source: 'orderTerm.active.extension', event: 'xstate.after.P60D.penRegister.orderTerm.active.extension', cond: 'extensionPending', targets: ['orderTerm.active.extension'], internal: false });
    expect(doc.transitions).toContainEqual({ source: 'orderTerm.active.initial', event: 'order.extended', cond: '!extensionPending', targets: [], internal: false });
    expect(text).toContain('cond="disclosureCompelled &amp;&amp; policyRetains &amp;&amp; In(\'orderTerm.active\')');
  });

  it('escapes text, keeps comments well-formed and ids valid XML names', () => {
    const chart = statechartModel(oddMachine);
    const { text, doc } = roundTrip(chart);
    expect(doc.states.map((s) => s.id)).toEqual(['odd-machine', 'a-b', 'a_b', 'a_b.inner', 'a_b.done', 'a_b.hist', 'both', 'both.left', 'both.left.l1', 'both.left.l2', 'both.right', 'both.right.r1', 'end']);
    expect(doc.transitions).toContainEqual({ source: 'odd-machine', event: 'reset.all', cond: null, targets: ['a-b'], internal: true });
    expect(doc.transitions).toContainEqual({ source: 'a_b.hist', event: null, cond: null, targets: ['a_b.inner'], internal: false });
    expect(text).toContain('Root <with> "quotes" & ampersands - - and a trailing dash - ');
    expect(text).toContain('<history id="a_b.hist" type="deep">');
    expect(() => parseXml('<a><b></a>')).toThrow(/<\/a> closes <b>/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/stray &/);
    expect(() => parseXml('<a><!-- x -- y --></a>')).toThrow(/-- inside a comment/);
  });
});
