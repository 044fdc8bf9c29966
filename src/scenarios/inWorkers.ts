import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, type InputErrorReason } from '../domain/InputError.ts';
import type { ScenarioTask } from './scenarioWorker.ts';

type Failure = { name: string; message: string; reason?: InputErrorReason; field?: string; value?: unknown; problem?: string; fix?: string };

/**
 * Runs scenario tasks (generation, coverage) on worker threads, one per core. Results come back
 * in task order, so output is the same whatever the scheduling; bad input fails as `InputError`.
 *
 * @example
 * const files = await inWorkers<ScenarioFile>([{ op: 'generate', kind: 'subpoena', policy: cloudflare }]);
 */
export async function inWorkers<R>(tasks: readonly ScenarioTask[]): Promise<R[]> {
  const out: R[] = new Array(tasks.length);
  const queue = tasks.map((task, index) => ({ task, index }));
  const boot = new URL('../rules/workerBoot.mjs', import.meta.url);
  const module = new URL('./scenarioWorker.ts', import.meta.url).href;
  const workers = Math.max(1, Math.min(availableParallelism(), queue.length));
  let failure: Failure | undefined;
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(boot, { workerData: { module } });
          const next = () => {
            const item = failure ? undefined : queue.shift();
            if (item) worker.postMessage(item);
            else void worker.terminate().then(() => resolve());
          };
          worker.on('message', (m: { index: number; result?: R; error?: Failure }) => {
            if (m.error) failure ??= m.error;
            else out[m.index] = m.result as R;
            next();
          });
          worker.on('error', reject);
          next();
        }),
    ),
  );
  if (failure) {
    if (failure.name === 'InputError' && failure.reason && failure.field !== undefined) {
      throw new InputError(failure.reason, failure.field, failure.value, failure.problem ?? failure.message.replace(/^[^:]*: /, '').replace(/ \(got .*$/, ''), failure.fix ?? '');
    }
    throw new Error(failure.message);
  }
  return out;
}
