import type { CaseAdapter } from '../suite/CaseAdapter.ts';
import type { CaseStore } from './CaseStore.ts';
import { createCaseEngine } from './createCaseEngine.ts';
import { sqliteStore } from './sqliteStore.ts';

/**
 * The case engine as a system under test for a generated conformance suite: each case gets a store
 * of its own (an SQLite database in memory unless `makeStore` says otherwise), so ending a day in
 * one scenario never fires another's deadlines. The engine's today moves with the suite's dates.
 *
 * @example
 * await runScenario(engineAdapter(), 'cloudflare', scenario);
 */
export function engineAdapter(makeStore: () => CaseStore | Promise<CaseStore> = () => sqliteStore(':memory:')): CaseAdapter {
  return {
    name: 'the case engine',
    async open(request, policy) {
      let today = String((request as { receivedOn?: unknown }).receivedOn);
      const reach = (on: string) => void (today = on > today ? on : today);
      const engine = createCaseEngine({ store: await makeStore(), policy, clock: () => today });
      const { id } = await engine.open(request);
      return {
        send: async (event, on) => {
          reach(on);
          return { accepted: (await engine.send(id, event, { on })).ok };
        },
        endDay: async (on) => {
          reach(on);
          await engine.tick(on);
        },
        observe: async () => {
          const { tags, secrecy, notice, disclosed, deadlines } = await engine.get(id);
          // The suite compares the vocabulary only: a deadline's name and due day.
          return { tags, secrecy, notice, disclosed, deadlines: deadlines.map(({ name, due }) => ({ name, due })) };
        },
      };
    },
  };
}
