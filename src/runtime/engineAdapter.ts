import type { CaseAdapter } from '../suite/CaseAdapter.ts';
import type { CaseStore } from './CaseStore.ts';
import { createCaseEngine } from './createCaseEngine.ts';
import { sqliteStore } from './sqliteStore.ts';

/**
 * The case engine as a system under test for a generated conformance suite: each case gets a store
 * of its own (an SQLite database in memory unless `makeStore` says otherwise), so ending a day in
 * one scenario never fires another's deadlines.
 *
 * @example
 * await runScenario(engineAdapter(), 'cloudflare', scenario);
 */
export function engineAdapter(makeStore: () => CaseStore | Promise<CaseStore> = () => sqliteStore(':memory:')): CaseAdapter {
  return {
    name: 'the case engine',
    async open(request, policy) {
      const receivedOn = (request as { receivedOn?: unknown }).receivedOn;
      const engine = createCaseEngine({ store: await makeStore(), policy, clock: () => String(receivedOn) });
      const { id } = await engine.open(request);
      return {
        send: async (event, on) => ({ accepted: (await engine.send(id, event, { on })).ok }),
        endDay: async (on) => void (await engine.tick(on)),
        observe: async () => {
          const { tags, secrecy, notice, disclosed, deadlines } = await engine.get(id);
          return { tags, secrecy, notice, disclosed, deadlines };
        },
      };
    },
  };
}
