import { type AnyStateMachine, assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { isoDate, dayNumber } from '../../src/domain/date.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { type CheckTarget, checkMachine } from '../../src/rules/checkMachine.ts';
import { gagEndsOnItsDate } from '../../src/rules/gagEndsOnItsDate.ts';
import { version } from '../support/handMachines.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';
import { mutateState } from '../support/mutate.ts';
import { gagTermRemoved } from './support/checkRunFixtures.ts';

const plain = subpoenaEntry.inputs.find((i) => i.name === 'plain')?.input as Record<string, unknown>;
/** A 365-day order dated 30 days before receipt: 335 days of it are left. */
const datedOrder = { name: 'dated order served', input: { ...plain, secrecyOrder: { days: 365, issuedOn: isoDate(dayNumber(CHECK_DATE) - 30) } } };

const subpoenaTarget = (machine: AnyStateMachine, inputs = [{ name: 'plain', input: plain }]): CheckTarget => ({ name: 'subpoena', machine, kind: 'subpoena', inputs, declared: subpoenaEntry.alphabet });
const verdict = (t: CheckTarget) => checkMachine(t, version, [gagEndsOnItsDate])[0];

/** A machine whose gag takes `secrecy.imposed` again in force: `renew` decides what the new order does to its end (the first one's timer runs on, or a new one starts). */
function gagMachine(renew: 'restarts' | 'keepsFirst') {
  return setup({
    types: {} as { context: { term: number }; events: VocabularyEvent },
    delays: { term: ({ context }) => context.term * DAY_MS },
    actions: {
      setTerm: assign({ term: ({ event }) => (event.type === 'secrecy.imposed' ? (event.days ?? 0) : 0) }),
      noteOrder: assign({ term: ({ context }) => context.term }),
    },
  }).createMachine({
    context: { term: 0 },
    initial: 'free',
    states: {
      free: { on: { 'secrecy.imposed': { target: 'gagged', actions: 'setTerm' } } },
      gagged: {
        tags: ['secrecy'],
        after: { term: 'free' },
        on: { 'secrecy.imposed': renew === 'restarts' ? { target: 'gagged', reenter: true, actions: 'setTerm' } : { actions: 'noteOrder' } },
      },
    },
  }) as unknown as AnyStateMachine;
}
const handTarget = (machine: AnyStateMachine): CheckTarget => ({ name: 'hand-written', machine, inputs: [{ name: 'only', input: {} }], declared: { 'secrecy.imposed': { days: [90, 400] } } });

describe('gag-ends-on-its-date: a gag ends as its order ends', () => {
  it('a fixed gag whose end timer was lost is still held the day after its term, counted from the day it was imposed', () => {
    expect(verdict(subpoenaTarget(subpoenaEntry.machine))?.status).toBe('proved');
    const result = verdict(subpoenaTarget(gagTermRemoved()));
    expect(result?.status).toBe('violated');
    const steps = result?.counterexample ?? [];
    const imposed = steps.find((s) => s.what.startsWith('secrecy.imposed'));
    expect(imposed?.what).toMatch(/days: (90|400)/);
    const days = Number(/days: (\d+)/.exec(imposed?.what ?? '')?.[1]);
    expect(result?.message).toBe(`the gag order ran out after ${days} days, and the case still held the request secret the day after`);
    const last = steps.at(-1);
    expect((last?.day ?? 0) - (imposed?.day ?? 0)).toBe(days + 1);
    expect(last?.tags).toContain('secrecy');
  });

  it('a served order runs from the date it bears: a machine that counts it from receipt holds it 30 days too long', () => {
    expect(verdict(subpoenaTarget(subpoenaEntry.machine, [datedOrder]))?.status).toBe('proved');
    const fromReceipt = mutateState(subpoenaEntry.machine, 'secrecy', () => undefined, { delays: { secrecyTerm: ({ context }: { context: { secrecyDays: number | null } }) => (context.secrecyDays ?? 0) * DAY_MS } });
    const result = verdict(subpoenaTarget(fromReceipt, [datedOrder]));
    expect(result?.status).toBe('violated');
    expect(result?.message).toBe('the gag order ran out after 335 days, and the case still held the request secret the day after');
    expect(result?.counterexample?.at(-1)).toMatchObject({ day: 336 });
  });

  it('a new order replaces the old: a machine that starts the new term is proved, one that keeps a longer first term is not', () => {
    const restarts = verdict(handTarget(gagMachine('restarts')));
    expect(restarts?.status).toBe('proved');
    expect(restarts?.vacuous).toBeUndefined();
    const keeps = verdict(handTarget(gagMachine('keepsFirst')));
    expect(keeps?.status).toBe('violated');
    // The 400-day gag, then a 90-day order: the case is still gagged on the 91st day of the new one.
    expect(keeps?.message).toBe('the gag order ran out after 90 days, and the case still held the request secret the day after');
    const whats = keeps?.counterexample?.map((s) => s.what) ?? [];
    expect(whats.filter((w) => w.startsWith('secrecy.imposed'))).toEqual(['secrecy.imposed { days: 400 }', 'secrecy.imposed { days: 90 }']);
  });

  it('the machine’s own timer ends a dated gag on the order’s date, never before: a first term kept under a renewed order ends it too soon', () => {
    const shortFirst = checkMachine({ ...handTarget(gagMachine('keepsFirst')), declared: { 'secrecy.imposed': { days: [90] } } }, version, [gagEndsOnItsDate])[0];
    expect(shortFirst?.status).toBe('violated');
    expect(shortFirst?.message).toBe("the case's own timer ended the gag before its order's 90 days were over, while the order still bound: the user could be told too soon");
    const steps = shortFirst?.counterexample ?? [];
    const [first, second] = steps.filter((s) => s.what.startsWith('secrecy.imposed'));
    // The second order is taken on a later day, and the first order's timer ends the gag 90 days after the first: before the second's 90 are over.
    expect((second?.day ?? 0) > (first?.day ?? 0)).toBe(true);
    expect(steps.at(-1)).toMatchObject({ day: (first?.day ?? 0) + 90, what: 'deadline term passes' });
  });

  it('a gag the machine tags open-ended is held to no date, and one a lift ends early is fine', () => {
    const openEnded = mutateState(gagMachine('keepsFirst'), 'gagged', (s) => {
      s.tags = ['secrecy', 'secrecyOpenEnded'];
      delete s.after;
    });
    const result = verdict(handTarget(openEnded));
    expect(result?.status).toBe('proved');
    // It checked the gag: no timer of the case's own ends it.
    expect(result?.vacuous).toBeUndefined();
    const early = mutateState(gagMachine('restarts'), 'gagged', (s) => {
      s.on = { ...s.on, 'secrecy.lifted': 'free' };
    });
    expect(verdict({ ...handTarget(early), declared: { 'secrecy.imposed': { days: [90] }, 'secrecy.lifted': { reason: ['courtOrder'] } } })?.status).toBe('proved');
  });

  it('a gag with no end date ends only by a lift or a court’s decision: one the case’s own timer ends is caught, on the day it ends', () => {
    const timedOut = setup({ types: {} as { events: VocabularyEvent }, delays: { review: 365 * DAY_MS } }).createMachine({
      initial: 'free',
      states: {
        free: { on: { 'secrecy.imposed': 'gagged' } },
        gagged: { tags: ['secrecy'], after: { review: 'free' }, on: { 'secrecy.lifted': 'free' } },
      },
    }) as unknown as AnyStateMachine;
    const target = (machine: AnyStateMachine): CheckTarget => ({ ...handTarget(machine), declared: { 'secrecy.imposed': { days: [undefined] }, 'secrecy.lifted': { reason: ['courtOrder'] } } });
    const result = verdict(target(timedOut));
    expect(result?.status).toBe('violated');
    expect(result?.message).toBe('the case’s own timer ended a gag whose order has no end date, with no lift (secrecy.lifted) and no court decision: the user could be told while the order still binds');
    const steps = result?.counterexample ?? [];
    const imposed = steps.find((s) => s.what.startsWith('secrecy.imposed'));
    expect(steps.at(-1)).toMatchObject({ day: (imposed?.day ?? 0) + 365, what: 'deadline review passes' });
    // Ended by a lift alone, it holds, and the proof had the gag to check.
    const liftedOnly = mutateState(timedOut, 'gagged', (s) => {
      delete s.after;
    });
    const held = verdict(target(liftedOnly));
    expect(held?.status).toBe('proved');
    expect(held?.vacuous).toBeUndefined();
  });

  it('applies to every machine with a secrecy tag, whatever it is called', () => {
    const ctx = { kind: undefined, policy: version, events: new Set<string>(), tags: new Set(['secrecy']) };
    expect(gagEndsOnItsDate.appliesTo(ctx)).toBe(true);
    expect(gagEndsOnItsDate.appliesTo({ ...ctx, tags: new Set(['noticeSent']) })).toBe(false);
  });

  describe('the ways a first version missed (test/fixtures/gagTerm.js)', () => {
    const check = async (name: string) => {
      const { code, out } = await runCliCaptured(['check', '--machine', 'test/fixtures/gagTerm.js', '--export', name, '--policy', 'cloudflare', '--json']);
      const rows = JSON.parse(out) as { rules: { id: string; status: string; message?: string; counterexample?: { day: number }[] }[] }[];
      return { code, rule: rows[0]?.rules.find((r) => r.id === 'gag-ends-on-its-date') };
    };

    it.each([
      ['reentry', 'a gag left for an untagged state and taken up again is still held to the served order’s date', 30],
      ['pendingGag', 'an order taken before the machine enters its gag runs from the day it was imposed', 30],
      ['relabel', 'a dated gag filed as open-ended later is still held to its date', 90],
      ['lostChallenge', 'a challenge lost leaves the order standing: a gag taken up again is held to its date', 30],
    ])('%s: %s', async (name, _title, days) => {
      const { code, rule } = await check(name);
      expect(code).toBe(1);
      expect(rule?.status).toBe('violated');
      expect(rule?.message).toBe(`the gag order ran out after ${days} days, and the case still held the request secret the day after`);
    });

    it('a served order’s date with no receipt to count from is bad input, named, not a term of NaN days', async () => {
      const { code, err } = await runCliCaptured(['check', '--machine', 'test/fixtures/gagTerm.js', '--export', 'noReceipt', '--policy', 'cloudflare']);
      expect(code).toBe(2);
      expect(err).toContain('meta.inputs[0].input.receivedOn: is missing: the date a gag order bears (secrecyOrder.issuedOn) is counted to the day the request was received');
    });
  });
});

