import { describe, expect, it } from 'vitest';
import { cloudActAgreementEntry } from '../../machines/cloudActAgreement.ts';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { demandRequest } from '../support/demandFixtures.ts';

const engine = () => createCaseEngine({ store: sqliteStore(':memory:'), policy: 'letsencrypt', clock: () => '2026-06-30' });
const terms = (view: { deadlines: readonly { name: string; due: string }[] }) => view.deadlines.filter((d) => d.name === 'secrecyTerm').map((d) => d.due);

describe('the case engine: a gag order renewed before it lapses', () => {
  it('moves the gag’s end to the new order’s date, and refuses notice until then', async () => {
    const cases = engine();
    // Served with a 90-day order signed the day it came: the gag ends with 2026-05-31.
    const { id } = await cases.open(demandRequest(subpoenaEntry, { secrecyOrder: { days: 90, issuedOn: '2026-03-02' } }));
    expect(terms(await cases.get(id))).toEqual(['2026-05-31']);

    const renewal = { type: 'secrecy.imposed', days: 90, issuedOn: '2026-05-18' } as const;
    expect(await cases.send(id, renewal, { on: '2026-05-20' })).toMatchObject({ ok: true });
    // 90 days from the date the renewal bears, not from the day it came, and the old end is gone.
    expect(terms(await cases.get(id))).toEqual(['2026-08-16']);
    expect(await cases.send(id, { type: 'notice.sent' }, { on: '2026-06-15' })).toMatchObject({ ok: false, reason: 'notAccepted' });
  });

  it('refuses a new order over a partner country’s gag still in force, whose law DOMAIN does not say renews one', async () => {
    const cases = engine();
    const { id } = await cases.open(demandRequest(cloudActAgreementEntry, { secrecyOrder: { days: 90 } }));
    const before = await cases.get(id);
    const sent = await cases.send(id, { type: 'secrecy.imposed', days: 90 }, { on: '2026-05-20' });
    expect(sent).toMatchObject({ ok: false, reason: 'notAccepted' });
    expect(await cases.get(id)).toEqual(before);
  });
});
