import { parentPort } from 'node:worker_threads';
import { findKind } from '../../machines/catalogue.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { coverageOf } from './coverageOf.ts';
import { scenariosFor } from './generateScenarios.ts';
import { readScenarioFile } from './readScenarioFile.ts';

/** Work a scenario worker does: generate one kind × policy, or measure one committed file. */
export type ScenarioTask = { op: 'generate'; kind: string; policy: ProviderPolicy } | { op: 'coverage'; path: string; policies?: Record<string, ProviderPolicy> };

parentPort?.on('message', ({ index, task }: { index: number; task: ScenarioTask }) => {
  try {
    if (task.op === 'generate') {
      const entry = findKind(task.kind);
      if (!entry) throw new Error(`no kind ${task.kind}`);
      parentPort?.postMessage({ index, result: scenariosFor(entry, task.policy) });
    } else {
      parentPort?.postMessage({ index, result: coverageOf(readScenarioFile(task.path), task.policies) });
    }
  } catch (e) {
    const err = e as Error & { field?: string; value?: unknown; fix?: string; reason?: string };
    parentPort?.postMessage({ index, error: { name: err.name, message: err.message, reason: err.reason, field: err.field, value: err.value, fix: err.fix } });
  }
});
