import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/policy/resolvePolicy.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { modelAdapter } from '../../src/suite/modelAdapter.ts';

const thrown = async (f: () => unknown): Promise<unknown> => {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('the engine and the policy registry suggest the name meant', () => {
  it('an engine asked to open a misspelt kind names the kind meant', async () => {
    const store = sqliteStore(':memory:');
    const engine = createCaseEngine({ store });
    const error = await thrown(() => engine.open({ kind: 'subpena', receivedOn: '2026-01-15' }));
    expect(error).toMatchObject({ reason: 'unknownKind', field: 'request.kind', value: 'subpena' });
    expect((error as { fix: string }).fix).toBe('open a request of a catalogue kind (dueprocess list); did you mean subpoena?');
    await store.close();
  });

  it('the model as an adapter names the kind meant too, and only when one is near', async () => {
    expect(await thrown(() => modelAdapter.open({ kind: 'preservaton', receivedOn: '2026-01-15' }, 'cloudflare'))).toMatchObject({ reason: 'unknownKind', field: 'request.kind', fix: 'open a request of a catalogue kind; did you mean preservation?' });
    expect(await thrown(() => modelAdapter.open({ kind: 'nope', receivedOn: '2026-01-15' }, 'cloudflare'))).toMatchObject({ fix: 'open a request of a catalogue kind' });
  });

  it('a misspelt policy id names the policy meant; a far-off one gets the list alone', async () => {
    expect(await thrown(() => resolvePolicy('cloudfare', 'policy'))).toMatchObject({ field: 'policy', fix: expect.stringMatching(/dueprocess serve --policy FILE; did you mean cloudflare\?$/) });
    expect(await thrown(() => resolvePolicy('acme', 'policy'))).toMatchObject({ fix: expect.not.stringContaining('did you mean') });
  });
});
