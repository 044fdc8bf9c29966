import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProviderPolicy } from '../domain/policy.ts';
import { RULES } from './catalogue.ts';
import type { RuleResult } from './checkMachine.ts';
import type { CheckTask } from './checkWorker.ts';

type Sent = Omit<RuleResult, 'rule'> & { ruleId: string };

/**
 * Checks catalogue kinds × policies on worker threads, one per core, largest first. Results come
 * back in task order, so output stays deterministic.
 *
 * @example
 * const rows = await checkInParallel([{ kind: 'subpoena', policy: cloudflare, date: '2026-01-15' }]);
 */
export async function checkInParallel(
  tasks: readonly (Omit<CheckTask, 'index'> & { weight?: number })[],
  onProgress?: (p: { kind: string; policy: string; rule: string; states: number; ms: number }) => void,
): Promise<{ results: RuleResult[]; ms: number }[]> {
  const out: { results: RuleResult[]; ms: number }[] = new Array(tasks.length);
  const order = tasks.map((t, index) => ({ ...t, index })).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  const workers = Math.max(1, Math.min(availableParallelism(), order.length));
  const boot = new URL('./workerBoot.mjs', import.meta.url);
  const module = new URL('./checkWorker.ts', import.meta.url).href;
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { workerData: { module } });
        const next = () => {
          const task = order.shift();
          if (!task) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const { weight: _w, ...message } = task;
          worker.postMessage(message);
        };
        worker.on('message', (m: { type: 'progress'; index: number; rule: string; states: number; ms: number } | { type: 'done'; index: number; ms: number; results: Sent[] }) => {
          const task = tasks[m.index] as CheckTask;
          if (m.type === 'progress') {
            onProgress?.({ kind: task.kind, policy: (task.policy as ProviderPolicy).id, rule: m.rule, states: m.states, ms: m.ms });
            return;
          }
          out[m.index] = { ms: m.ms, results: m.results.map(({ ruleId, ...rest }) => ({ rule: RULES.find((r) => r.id === ruleId) as RuleResult['rule'], ...rest })) };
          next();
        });
        worker.on('error', reject);
        next();
      }),
    ),
  );
  return out;
}
