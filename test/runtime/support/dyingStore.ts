import type { CaseStore, StoreTx } from '../../../src/runtime/CaseStore.ts';

/** The `StoreTx` methods that write. */
const WRITES = ['insertCase', 'updateCase', 'insertTimer', 'cancelTimer', 'markFired', 'insertEvent', 'appendAudit'] as const;

/**
 * `store`, except that the process kills itself with SIGKILL right after the `n`th write (counting
 * every transaction's), inside that write's transaction, before it commits: a crash placed at an
 * exact point of a send, an open or a tick, where a kill from outside lands wherever it lands.
 *
 * @example
 * const engine = createCaseEngine({ store: dyingStore(sqliteStore(path), 12) });
 */
export function dyingStore(store: CaseStore, n: number): CaseStore {
  let writes = 0;
  const wrap = (tx: StoreTx): StoreTx => {
    const dying: StoreTx = { ...tx };
    for (const name of WRITES) {
      const write = tx[name] as (...args: unknown[]) => Promise<unknown>;
      Object.assign(dying, {
        [name]: async (...args: unknown[]) => {
          const result = await write(...args);
          if (++writes === n) {
            process.kill(process.pid, 'SIGKILL');
            await new Promise(() => undefined);
          }
          return result;
        },
      });
    }
    return dying;
  };
  return { transaction: (fn) => store.transaction((tx) => fn(wrap(tx))), close: () => store.close() };
}
