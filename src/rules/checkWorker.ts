import { parentPort } from 'node:worker_threads';
import { findKind } from '../../machines/catalogue.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { RULES } from './catalogue.ts';
import { checkMachine } from './checkMachine.ts';

/** A catalogue kind × policy to check, as sent to a worker. */
export interface CheckTask {
  index: number;
  kind: string;
  policy: ProviderPolicy;
  date: string;
  maxStates?: number;
  maxMs?: number;
}

parentPort?.on('message', (task: CheckTask) => {
  const entry = findKind(task.kind);
  if (!entry) throw new Error(`worker: no kind ${task.kind}`);
  const started = Date.now();
  const results = checkMachine(
    { name: entry.kind, machine: entry.machine, kind: entry.kind, inputs: entry.inputs, declared: entry.alphabet },
    policyVersionAt(task.policy, task.date),
    RULES,
    {
      ...(task.maxStates ? { maxStates: task.maxStates } : {}),
      ...(task.maxMs ? { maxMs: task.maxMs } : {}),
      onProgress: (p) => parentPort?.postMessage({ type: 'progress', index: task.index, ...p }),
    },
  );
  parentPort?.postMessage({ type: 'done', index: task.index, ms: Date.now() - started, results: results.map(({ rule, ...rest }) => ({ ruleId: rule.id, ...rest })) });
});
