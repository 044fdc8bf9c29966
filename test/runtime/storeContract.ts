import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/domain/date.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { observe } from '../../src/scenarios/observe.ts';
import { verifyAudit } from '../../src/runtime/auditChain.ts';
import { ConflictError } from '../../src/runtime/ConflictError.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { type Dated, GAGGED, REVIEWED, SUBPOENA, type StoreHarness, TODAY, contractFixture, reference, request } from './support/contractFixtures.ts';

export type { StoreHarness } from './support/contractFixtures.ts';

/**
 * The contract every `CaseStore` passes, run through the engine: cases, events, deadlines,
 * refusals, idempotency and conflicts. One line per store; with `restarts`, the harness's `reopen`
 * closes and reopens the same database. `storeAccessContract` covers the rest.
 *
 * @example
 * storeContract('sqlite :memory:', () => sqliteHarness(':memory:'));
 */
export function storeContract(name: string, makeStore: () => Promise<StoreHarness>, { restarts = false } = {}): void {
  describe(`case engine on ${name}`, () => {
    const f = contractFixture(makeStore);
    const { engineOn, snapshotRows } = f;

    it.each([
      ['subpoena', SUBPOENA],
      ['nationalSecurityLetter', [['2026-01-15', { type: 'review.completed', finding: 'sufficient' }]] as Dated[]],
    ])('%s: opens a case and sends events; the view matches a TimedRun driven directly', async (kind, events) => {
      const engine = await engineOn();
      const { id } = await engine.open(request(kind), { id: `${kind}-1` });
      for (const [on, event] of events) expect((await engine.send(id, event, { on })).ok).toBe(true);
      const view = await engine.get(id);
      const { tags, secrecy, notice, disclosed, deadlines } = view;
      expect({ tags, secrecy, notice, disclosed, deadlines: deadlines.map(({ name, due }) => ({ name, due })) }).toEqual(observe(reference(kind, events), dayNumber('2026-01-15')));
      expect(view.version).toBe(events.length + 1);
      expect(view.history.map((h) => h.event)).toEqual(events.map(([, e]) => e));
    });

    it('tick fires each deadline due by now exactly once, and the fired timer is no longer due', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      for (const [on, event] of SUBPOENA) await engine.send(id, event, { on });
      const due = (await engine.get(id)).deadlines;
      expect(due.length).toBeGreaterThan(0);
      const now = due[0]?.due ?? '';
      expect((await engine.due(now)).map((t) => t.dueDate)).toEqual([now]);
      const fired = await engine.tick(now);
      expect(fired).toBeGreaterThan(0);
      const after = await snapshotRows();
      expect(await engine.tick(now)).toBe(0);
      expect(await snapshotRows()).toEqual(after);
      expect(await engine.due(now)).toEqual([]);
      expect((await engine.get(id)).passed).toEqual(due.filter((d) => d.due <= now).map(({ name, due: day }) => ({ name, due: day })));
      const { tags, secrecy, notice, disclosed, deadlines } = await engine.get(id);
      expect({ tags, secrecy, notice, disclosed, deadlines: deadlines.map(({ name, due }) => ({ name, due })) }).toEqual(observe(reference('subpoena', SUBPOENA, now), dayNumber('2026-01-15')));
    });

    it('send fires the deadlines due before its date first, in the same transaction', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      for (const [on, event] of SUBPOENA) await engine.send(id, event, { on });
      const late: Dated[] = [...SUBPOENA, ['2026-06-01', { type: 'secrecy.imposed' }]];
      expect(await engine.send(id, { type: 'secrecy.imposed' }, { on: '2026-06-01' })).toMatchObject({ ok: true });
      const { tags, secrecy, notice, disclosed, deadlines } = await engine.get(id);
      expect({ tags, secrecy, notice, disclosed, deadlines: deadlines.map(({ name, due }) => ({ name, due })) }).toEqual(observe(reference('subpoena', late), dayNumber('2026-01-15')));
      expect(await engine.due('2026-05-31')).toEqual([]);
      const audit = (await f.harness.rows('SELECT entry FROM audit ORDER BY seq')) as { entry: string }[];
      const whats = audit.map((r) => JSON.parse(r.entry) as { what: string; delay?: string }).map((e) => e.delay ?? e.what);
      expect(whats).toEqual(['opened', 'event', 'event', 'event', 'secrecyTerm', 'delayedNotice', 'event']);
      expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true });
    });

    it('a rejected event leaves the stored case byte-for-byte as it was', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      await engine.send(id, REVIEWED, { on: '2026-01-15' });
      const before = await snapshotRows();
      const result = await engine.send(id, { type: 'challenge.decided', route: 'motionToQuash', outcome: 'won' }, { on: '2026-01-16' });
      expect(result).toMatchObject({ ok: false, reason: 'notAccepted' });
      if (!result.ok) {
        expect(result.allowed.length).toBeGreaterThan(0);
        expect(result.message).toContain('cannot be taken on 2026-01-16');
      }
      expect((await engine.send(id, GAGGED, { on: '2026-01-14' })).ok).toBe(false);
      expect(await snapshotRows()).toEqual(before);
    });

    it('list filters by kind, open or closed, and secrecy', async () => {
      const engine = await engineOn();
      await engine.open(request('subpoena'), { id: 's1' });
      await engine.open({ ...request('nationalSecurityLetter'), secrecyCertified: true }, { id: 'n1' });
      await engine.open(request('subpoena'), { id: 's2' });
      await engine.send('s2', { type: 'request.withdrawn' }, { on: '2026-01-16' });
      const ids = async (filter: { kind?: string; closed?: boolean; secrecy?: boolean }) => (await engine.list(filter)).map((c) => c.id).sort();
      expect(await ids({})).toEqual(['n1', 's1', 's2']);
      expect(await ids({ kind: 'subpoena' })).toEqual(['s1', 's2']);
      expect(await ids({ closed: true })).toEqual(['s2']);
      expect(await ids({ kind: 'subpoena', closed: false })).toEqual(['s1']);
      expect(await ids({ kind: 'letterOfMarque' })).toEqual([]);
      expect(await ids({ secrecy: true })).toEqual(['n1']);
      expect(await ids({ secrecy: false, closed: false })).toEqual(['s1']);
    });

    it('a repeated idempotency key returns the first result and applies nothing', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      const first = await engine.send(id, REVIEWED, { on: '2026-01-15', idempotencyKey: 'k1' });
      const rows = await snapshotRows();
      expect(await engine.send(id, REVIEWED, { on: '2026-01-15', idempotencyKey: 'k1' })).toEqual(first);
      expect(await snapshotRows()).toEqual(rows);
      expect((await engine.get(id)).history).toHaveLength(1);
    });

    it('a repeated idempotency key with another event or another date is refused, naming the first, and applies nothing', async () => {
      const engine = await engineOn();
      const { id } = await engine.open(request('subpoena'), { id: 's' });
      const first = await engine.send(id, REVIEWED, { on: '2026-01-15', idempotencyKey: 'k1' });
      const rows = await snapshotRows();
      for (const [event, on] of [[{ type: 'request.withdrawn' }, '2026-01-15'], [{ type: 'review.completed', finding: 'overbroad' }, '2026-01-15'], [REVIEWED, '2026-01-16']] as const) {
        const error = await engine.send(id, event, { on, idempotencyKey: 'k1' }).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error).toMatchObject({ reason: 'keyReused', field: 'idempotencyKey', value: 'k1' });
        expect((error as InputError).message).toContain(`was first used for ${JSON.stringify(REVIEWED)} on 2026-01-15`);
        expect(await snapshotRows()).toEqual(rows);
      }
      expect(await engine.send(id, { finding: 'sufficient', type: 'review.completed' }, { on: '2026-01-15', idempotencyKey: 'k1' })).toEqual(first);
      expect(await engine.send(id, REVIEWED, { idempotencyKey: 'k1' })).toEqual(first);
      expect(await snapshotRows()).toEqual(rows);
    });

    it('a stale expectedVersion is a conflict and applies nothing', async () => {
      const engine = await engineOn();
      const { id, version } = await engine.open(request('subpoena'), { id: 's' });
      await engine.send(id, REVIEWED, { on: '2026-01-15', expectedVersion: version });
      const rows = await snapshotRows();
      await expect(engine.send(id, GAGGED, { on: '2026-01-16', expectedVersion: version })).rejects.toBeInstanceOf(ConflictError);
      expect(await snapshotRows()).toEqual(rows);
    });

    it.each([
      ['an unknown kind', (e: Engine) => e.open({ ...request('subpoena'), kind: 'letterOfMarque' }), 'request.kind', 'unknownKind'],
      ['an invalid request', (e: Engine) => e.open({ ...request('subpoena'), receivedOn: '2026-02-30' }), 'request.receivedOn'],
      ['an invalid event', (e: Engine) => e.send('s', { type: 'review.completed', finding: 'fine' }), 'event.finding'],
      ['an unknown case id', (e: Engine) => e.send('nope', { type: 'request.withdrawn' }), 'caseId', 'unknownCase'],
      ['a null date', (e: Engine) => e.send('s', { type: 'request.withdrawn' }, { on: null as unknown as string }), 'on'],
      ['a date that is no date', (e: Engine) => e.tick('2026-13-01'), 'now'],
      ['an event dated after today', (e: Engine) => e.send('s', { type: 'request.withdrawn' }, { on: '2028-01-01' }), 'on'],
      ['a tick after today', (e: Engine) => e.tick('2028-01-01'), 'now'],
      ['a request received after today', (e: Engine) => e.open({ ...request('subpoena'), receivedOn: '2028-01-01' }), 'request.receivedOn'],
    ])('%s is an InputError naming field, value and fix, and writes nothing', async (_, act, field, reason = 'invalid') => {
      const engine = await engineOn();
      await engine.open(request('subpoena'), { id: 's' });
      const rows = await snapshotRows();
      const error = await act(engine).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field, reason });
      expect((error as InputError).fix.length).toBeGreaterThan(0);
      expect(await snapshotRows()).toEqual(rows);
    });

    if (restarts) {
      it('after a restart an overdue deadline fires on the next tick', async () => {
        const engine = await engineOn();
        if (!f.harness.reopen) throw new Error('a store that restarts needs reopen()');
        const { id, deadlines } = await engine.open({ ...request('nationalSecurityLetter'), secrecyCertified: true }, { id: 'n' });
        expect(deadlines).toHaveLength(1);
        f.harness = await f.harness.reopen();
        const again = createCaseEngine({ store: f.harness.store, policy: 'cloudflare', clock: () => TODAY });
        expect(await again.tick('2026-12-31')).toBeGreaterThan(0);
        expect((await again.get(id)).deadlines).not.toContainEqual(deadlines[0]);
        expect(await again.due('2026-12-31')).toEqual([]);
        expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true });
      });
    }
  });
}

type Engine = ReturnType<typeof createCaseEngine>;
