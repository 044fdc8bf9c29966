import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import caseTool from '../../examples/caseTool/adapter.ts';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { eventAsOf } from '../../src/domain/eventAsOf.ts';
import { parseEvent } from '../../src/domain/parseEvent.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { readMachineMeta } from '../../src/cli/readMachineMeta.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { modelAdapter } from '../../src/suite/modelAdapter.ts';
import { replay } from '../../src/time/replay.ts';
import { sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { demandRequest } from '../support/demandFixtures.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const DATED = { type: 'secrecy.imposed', days: 90, issuedOn: '2026-02-24' } as const;

describe('a gag order imposed during a case, with the date it bears', () => {
  it('is taken as its days left on the day it comes', () => {
    expect(eventAsOf(DATED, '2026-03-06')).toEqual({ type: 'secrecy.imposed', days: 80 });
    expect(eventAsOf(DATED, '2026-02-24')).toEqual({ type: 'secrecy.imposed', days: 90 });
    expect(eventAsOf({ ...DATED, days: 11 }, '2026-03-06')).toEqual({ type: 'secrecy.imposed', days: 1 });
    // On its last day: binding for the rest of it.
    expect(eventAsOf({ ...DATED, days: 10 }, '2026-03-06')).toEqual({ type: 'secrecy.imposed', days: 0 });
    const plain = { type: 'secrecy.imposed', days: 30 };
    expect(eventAsOf(plain, '2026-03-06')).toBe(plain);
  });

  it('is refused, naming the field, when dated after the day it comes, when it ran out before, or when it has no days', () => {
    const early = inputErrorOf(() => eventAsOf(DATED, '2026-02-23'));
    expect([early.field, early.value]).toEqual(['event.issuedOn', '2026-02-24']);
    expect(early.message).toContain('is after 2026-02-23');
    const dayAfter = inputErrorOf(() => eventAsOf({ ...DATED, days: 10 }, '2026-03-07'));
    expect(dayAfter.message).toContain("puts the last of the order's 10 days on 2026-03-06, before 2026-03-07: it no longer binds");
    const zero = inputErrorOf(() => parseEvent({ type: 'secrecy.imposed', days: 0, issuedOn: '2026-02-24' }, 'event'));
    expect(zero.field).toBe('event.days');
    const spent = inputErrorOf(() => eventAsOf({ ...DATED, days: 10 }, '2026-03-08'));
    expect([spent.field, spent.value]).toEqual(['event.issuedOn', '2026-02-24']);
    expect(spent.message).toContain("puts the last of the order's 10 days on 2026-03-06, before 2026-03-08: it no longer binds");
    const open = inputErrorOf(() => parseEvent({ type: 'secrecy.imposed', issuedOn: '2026-02-24' }, 'event'));
    expect(open.field).toBe('event.issuedOn');
  });

  it('never reaches a machine: a timed run refuses it, the explorer never tries it, and an alphabet may not declare it', () => {
    const machine = withPolicy(subpoenaEntry.machine, policyVersionAt(cloudflare, '2026-03-02'));
    const run = startRun(machine, demandRequest(subpoenaEntry), 0);
    expect(inputErrorOf(() => sendEvent(run, 4, DATED)).field).toBe('event.issuedOn');
    expect(eventVariants(['secrecy.imposed'], { 'secrecy.imposed': { days: [undefined, 30] } })).toEqual([{ type: 'secrecy.imposed' }, { type: 'secrecy.imposed', days: 30 }]);
    const declared = createMachine({ meta: { alphabet: { 'secrecy.imposed': { issuedOn: ['2026-02-24'] } } }, initial: 'open', states: { open: { on: { 'secrecy.imposed': 'gagged' } }, gagged: {} } });
    const refused = inputErrorOf(() => readMachineMeta(declared));
    expect(refused.field).toBe('meta.alphabet["secrecy.imposed"].issuedOn');
  });

  it('ends its gag on the order’s date in the case engine, which keeps the event as sent', async () => {
    const engine = createCaseEngine({ store: sqliteStore(':memory:'), policy: 'cloudflare', clock: () => '2026-03-10' });
    const { id } = await engine.open(demandRequest(subpoenaEntry, { receivedOn: '2026-03-02', categories: ['basicSubscriberInfo'] }));
    expect(await engine.send(id, DATED, { on: '2026-03-06' })).toMatchObject({ ok: true });
    const view = await engine.get(id);
    expect(view.deadlines).toContainEqual(expect.objectContaining({ name: 'secrecyTerm', due: '2026-05-25' }));
    expect(view.history.at(-1)).toMatchObject({ on: '2026-03-06', event: DATED });
    const { id: other } = await engine.open(demandRequest(subpoenaEntry, { receivedOn: '2026-03-02' }));
    const before = await engine.get(other);
    const late = await engine.send(other, { ...DATED, days: 5 }, { on: '2026-03-06' }).catch((e: unknown) => e);
    expect(late).toMatchObject({ field: 'event.issuedOn' });
    // Nothing of the refused event is applied or kept.
    expect(await engine.get(other)).toEqual(before);
  });

  it('binds for the rest of the day when it comes on its last day: notice waits for the next', async () => {
    const engine = createCaseEngine({ store: sqliteStore(':memory:'), policy: 'letsencrypt', clock: () => '2026-03-10' });
    const { id } = await engine.open(demandRequest(subpoenaEntry, { receivedOn: '2026-03-02', categories: ['basicSubscriberInfo'] }));
    expect(await engine.send(id, { ...DATED, days: 10 }, { on: '2026-03-06' })).toMatchObject({ ok: true });
    expect((await engine.get(id)).deadlines).toContainEqual(expect.objectContaining({ name: 'secrecyTerm', due: '2026-03-06' }));
    expect(await engine.send(id, { type: 'notice.sent' }, { on: '2026-03-06' })).toMatchObject({ ok: false, reason: 'notAccepted' });
    expect(await engine.send(id, { type: 'notice.sent' }, { on: '2026-03-07' })).toMatchObject({ ok: true });
  });

  it('is counted the same by a replay and by the reference case tool', async () => {
    const request = demandRequest(subpoenaEntry, { receivedOn: '2026-03-02' });
    const replayed = replay(subpoenaEntry, policyVersionAt(cloudflare, '2026-03-02'), request, [{ date: '2026-03-06', event: DATED }]);
    expect(replayed.run.timers).toContainEqual(expect.objectContaining({ delay: 'secrecyTerm', dueDay: 4 + 80 }));
    const model = await modelAdapter.open(request, 'cloudflare');
    const tool = await caseTool.open(request, 'cloudflare');
    for (const side of [model, tool]) expect(await side.send(DATED, '2026-03-06')).toEqual({ accepted: true });
    const seen = await model.observe();
    expect(await tool.observe()).toEqual(seen);
    expect(seen.deadlines).toContainEqual({ name: 'secrecyTerm', due: '2026-05-25' });
    // An order on its last day: the same single day of gag on both sides.
    const lastDay = { ...DATED, days: 10 };
    const [m, t] = [await modelAdapter.open(request, 'cloudflare'), await caseTool.open(request, 'cloudflare')];
    for (const side of [m, t]) expect(await side.send(lastDay, '2026-03-06')).toEqual({ accepted: true });
    const held = await m.observe();
    expect(await t.observe()).toEqual(held);
    expect(held).toMatchObject({ secrecy: true, deadlines: expect.arrayContaining([{ name: 'secrecyTerm', due: '2026-03-06' }]) });
  });
});
