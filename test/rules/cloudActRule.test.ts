import { describe, expect, it } from 'vitest';
import { checkMachine } from '../../src/rules/checkMachine.ts';
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
