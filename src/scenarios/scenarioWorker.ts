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
    const err = e as Error & { field?: string; value?: unknown; problem?: string; fix?: string; reason?: string };
    // A measured file's error names the file: a folder holds many.
    const field = task.op === 'coverage' && err.field !== undefined ? `${task.path}: ${err.field}` : err.field;
    parentPort?.postMessage({ index, error: { name: err.name, message: err.message, reason: err.reason, field, value: err.value, problem: err.problem, fix: err.fix } });
  }
});
