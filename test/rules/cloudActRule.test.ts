import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { StepInfo } from '../../src/explore/Monitor.ts';
import { checkMachine, ruleContext } from '../../src/rules/checkMachine.ts';
import { cloudActMotionWindow } from '../../src/rules/dataRules.ts';
import { build, version } from '../support/handMachines.ts';

/** Files the CLOUD Act motion within its 14 days, whoever the customer is. */
const filesAtOnce = build({
  id: 'filesAtOnce',
  initial: 'received',
  states: {
    received: { after: { P14D: 'lapsed' }, on: { 'challenge.filed': 'challenged' } },
    challenged: { type: 'final', tags: ['closed', 'refused'] },
    lapsed: { type: 'final', tags: ['closed', 'disclosed'] },
  },
});

const ukContent = (receivedOn?: string) => ({ categories: ['content'], target: { usPerson: false, residesInUS: false, residenceCountry: 'GB' }, ...(receivedOn ? { receivedOn } : {}) });
const verdict = (input: object) =>
  checkMachine({ name: 'filesAtOnce', machine: filesAtOnce, inputs: [{ name: 'uk', input }], declared: { 'challenge.filed': { route: ['cloudActComityMotion'] } } }, version, [cloudActMotionWindow])[0];

describe('cloud-act-motion-window reads the partner’s agreement as in force on the day the process came', () => {
  it('a motion for a UK resident is eligible from 3 Oct 2022, and before it is not', () => {
    expect(verdict(ukContent('2022-10-03'))?.status).toBe('proved');
    expect(verdict(ukContent('2022-10-02'))).toMatchObject({ status: 'violated', message: 'a CLOUD Act motion was filed for a customer the statute does not cover' });
  });

  it('a request without a date is judged by the agreements in force now', () => {
    expect(verdict(ukContent())?.status).toBe('proved');
  });

  it('turns on whose law is at risk, not where the customer lives (2703(h)(2)(A)(ii))', () => {
    const inFrance = (foreignLawAtRisk?: string) => ({ categories: ['content'], target: { usPerson: false, residesInUS: false, residenceCountry: 'FR', ...(foreignLawAtRisk ? { foreignLawAtRisk } : {}) } });
    expect(verdict(inFrance('GB'))?.status).toBe('proved');
    expect(verdict(inFrance())).toMatchObject({ status: 'violated', message: 'a CLOUD Act motion was filed for a customer the statute does not cover' });
    expect(verdict({ ...ukContent(), target: { ...ukContent().target, foreignLawAtRisk: 'FR' } })?.status).toBe('violated');
  });
});

/** Files the motion on day 15 or not at all: a P14D timer fires at the end of day 14, and a day later the chance is gone. */
const filesOnDay15 = build({
  id: 'filesOnDay15',
  initial: 'received',
  states: {
    received: { after: { P14D: 'filing' } },
    filing: { after: { P1D: 'lapsed' }, on: { 'challenge.filed': 'challenged' } },
    challenged: { type: 'final', tags: ['closed', 'refused'] },
    lapsed: { type: 'final', tags: ['closed', 'disclosed'] },
  },
}).provide({ delays: { P1D: 86_400_000 } } as never);
const onDay15 = (receivedOn: string) =>
  checkMachine({ name: 'filesOnDay15', machine: filesOnDay15, inputs: [{ name: 'uk', input: ukContent(receivedOn) }], declared: { 'challenge.filed': { route: ['cloudActComityMotion'] } } }, version, [cloudActMotionWindow])[0];

describe('cloud-act-motion-window counts the 14 days as a court does (FRCP 6(a)(1)(C), Fed. R. Crim. P. 45(a))', () => {
  it('takes a motion on day 15 when day 14 is a legal holiday, and not when it is a court day', () => {
    // 2026-02-02 + 14 is Washington's Birthday; 2026-03-02 + 14 is a Monday like any other.
    expect(onDay15('2026-02-02')?.status).toBe('proved');
    expect(onDay15('2026-03-02')).toMatchObject({ status: 'violated', message: 'the CLOUD Act motion was filed more than 14 days after service' });
  });
});


describe('cloud-act-motion-window starts its clock only where the statute covers the request', () => {
  const check = cloudActMotionWindow.check(ruleContext(filesAtOnce, undefined, version));
  const monitor = check.type === 'monitor' ? check.monitor : null;
  const start = (input: object) => monitor?.initial({ kind: 'start', event: { type: 'xstate.init' }, pre: null, post: createActor(filesAtOnce).getSnapshot(), input } as StepInfo);

  it('a covered run starts the 14 days at service; an uncovered one starts no clock, which would only split its zones', () => {
    expect(start(ukContent('2026-03-02'))?.start).toEqual(['@since']);
    expect(start({ categories: ['content'], target: { usPerson: true, residesInUS: true, residenceCountry: 'US' } })?.start).toBeUndefined();
    expect(start({ categories: ['basicSubscriberInfo'], target: ukContent().target })?.start).toBeUndefined();
  });
});
