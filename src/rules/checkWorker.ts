import { parentPort } from 'node:worker_threads';
import { type CheckTask, runCheckTask } from './runCheckTask.ts';

parentPort?.on('message', (task: CheckTask) => {
  try {
    const { results, ms } = runCheckTask(task, (p) => parentPort?.postMessage({ type: 'progress', index: task.index, ...p }));
    parentPort?.postMessage({ type: 'done', index: task.index, ms, results: results.map(({ rule, ...rest }) => ({ ruleId: rule.id, ...rest })) });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    parentPort?.postMessage({ type: 'failed', index: task.index, name: error.name, message: error.message });
  }
});
