import { describe, expect, it } from 'vitest';
import type { InputError } from '../../src/domain/InputError.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { REVIEWED, TODAY, request } from './support/contractFixtures.ts';

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as InputError);

/** An engine's options are checked by name: a misspelt one would be ignored and its default used in silence. */
describe('the engine refuses options it does not know, before anything is applied', () => {
  const setUp = async () => {
    const store = sqliteStore(':memory:');
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
    const { id } = await engine.open(request('subpoena'));
    return { store, engine, id };
  };

  it('send with `date` for `on` is refused, naming the option and the one meant; nothing is recorded', async () => {
    const { engine, id } = await setUp();
    const error = await refusal(engine.send(id, REVIEWED, { date: '2027-03-02' } as never));
    expect(error).toMatchObject({ field: 'send options.date', value: '2027-03-02', problem: 'is not an option here, so it would be ignored' });
    expect(error?.fix).toBe('the options are on, idempotencyKey, expectedVersion, guard, by');
    expect((await engine.get(id)).history).toEqual([]);
    const near = await refusal(engine.send(id, REVIEWED, { onn: '2027-03-02' } as never));
    expect(near?.fix).toBe('did you mean "on"? the options are on, idempotencyKey, expectedVersion, guard, by');
  });

  it('open with a misspelt `policy` is refused instead of opening under the default policy', async () => {
    const { engine } = await setUp();
    const error = await refusal(engine.open(request('subpoena'), { polcy: 'letsencrypt' } as never));
    expect(error).toMatchObject({ field: 'open options.polcy', value: 'letsencrypt' });
    expect(error?.fix).toMatch(/^did you mean "policy"\?/);
    expect(await engine.list()).toHaveLength(1);
  });

  it('tick, get, audit, list and the engine itself check theirs too', async () => {
    const { store, engine, id } = await setUp();
    expect((await refusal(engine.tick(TODAY, { batchSize: 5 } as never)))?.field).toBe('tick options.batchSize');
    await expect(engine.get(id, { gaurd: undefined } as never)).rejects.toThrow(/^get options\.gaurd: .*did you mean "guard"\?/);
    await expect(engine.audit(id, 'all' as never)).rejects.toThrow(/^audit options: is not an object of options/);
    await expect(engine.list({ open: true } as never)).rejects.toThrow(/^list filter\.open: is not an option here/);
    expect(() => createCaseEngine({ store, polices: {} } as never)).toThrow(/^engine options\.polices: .*did you mean "policies"\?/);
  });

  it('send checks its idempotency key as open does: 1 to 200 characters', async () => {
    const { engine, id } = await setUp();
    for (const key of ['', 'k'.repeat(201), 7]) {
      expect(await refusal(engine.send(id, REVIEWED, { idempotencyKey: key } as never))).toMatchObject({ field: 'idempotencyKey', value: key, problem: 'is not a string of 1 to 200 characters' });
    }
    expect((await engine.get(id)).history).toEqual([]);
    expect(await engine.send(id, REVIEWED, { idempotencyKey: 'k'.repeat(200) })).toMatchObject({ ok: true });
  });
});
