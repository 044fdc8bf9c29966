import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const FIXTURE = 'test/fixtures/gagRetaken.js';
type Row = { rules: { id: string; status: string; message?: string; counterexample?: { what: string; state: string }[] }[] };
const gagRule = async (name: string) => {
  const { out } = await runCliCaptured(['check', '--machine', FIXTURE, '--export', name, '--policy', 'letsencrypt', '--json']);
  return (JSON.parse(out) as Row[]).flatMap((r) => r.rules).find((x) => x.id === 'gag-ends-on-its-date');
};

describe(`a gag taken up again after its order is over needs a new order (${FIXTURE})`, () => {
  it.each([
    ['retakenAfterTerm', 'deadline P3D passes'],
    ['retakenAfterWin', 'process.received'],
  ])('%s breaks gag-ends-on-its-date where it goes back under the gag', async (name, last) => {
    const rule = await gagRule(name);
    expect(rule?.status).toBe('violated');
    expect(rule?.message).toBe('the case took up a gag again after its order had ended, with no new order (secrecy.imposed) to bind it');
    expect(rule?.counterexample?.at(-1)).toMatchObject({ state: 'again' });
    expect(rule?.counterexample?.at(-1)?.what.startsWith(last)).toBe(true);
  });

  it('retakenAfterOwnTimer breaks it sooner, where its own 5-day timer ends a 30-day order', async () => {
    const rule = await gagRule('retakenAfterOwnTimer');
    expect(rule?.status).toBe('violated');
    expect(rule?.message).toBe("the case's own timer ended the gag before its order's 30 days were over, while the order still bound: the user could be told too soon");
    expect(rule?.counterexample?.at(-1)).toMatchObject({ state: 'review', what: 'deadline P5D passes' });
  });

  it.each(['retakenByNewOrder', 'retakenAfterModified'])('%s, taken up under a new or modified order, proves it', async (name) => {
    expect((await gagRule(name))?.status).toBe('proved');
  });
});
