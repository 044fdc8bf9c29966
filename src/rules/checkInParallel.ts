import { availableParallelism } from 'node:os';
import type { AnyStateMachine } from 'xstate';
import { Worker } from 'node:worker_threads';
import type { ProviderPolicy } from '../domain/policy.ts';
import { RULES } from './catalogue.ts';
import type { RuleResult } from './checkMachine.ts';
import { StepMismatch } from '../explore/Stepper.ts';
import { type CheckTask, runCheckTask } from './runCheckTask.ts';

type Sent = Omit<RuleResult, 'rule'> & { ruleId: string };
type Progress = (p: { kind: string; policy: string; rule: string; states: number; ms: number }) => void;
type Message =
  | { type: 'progress'; index: number; rule: string; states: number; ms: number }
  | { type: 'done'; index: number; ms: number; results: Sent[] }
  | { type: 'failed'; index: number; name: string; message: string };

/** Tasks a worker holds at once, so it has the next one while the main thread is busy with its own. */
const IN_FLIGHT = 2;

/**
 * How many lanes check at once by default: one per core but one. A busy V8 isolate keeps about
 * half a core more busy with its compiler and collector threads (one thread checking the
 * catalogue: 12 s of CPU in 8.7 s), so on two cores a second lane only slowed the first (8.4 s
 * against 8.2 s, each in a fresh process).
 *
 * @example
 * defaultLanes(2); // 1: the main thread alone
 * defaultLanes(8); // 7
 */
export function defaultLanes(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * A rough measure of a kind's check, to hand out the largest first: its inputs times the event
 * types its machine listens for.
 *
 * @example
 * taskWeight(subpoenaEntry); // 56: 4 inputs × 14 event types
 */
export function taskWeight(entry: { inputs: readonly unknown[]; machine: AnyStateMachine }): number {
  return entry.inputs.length * entry.machine.root.events.length;
}

/**
 * Checks catalogue kinds × policies in `lanes` lanes (`defaultLanes()` unless given), largest
 * first: the main thread takes tasks itself (it has the code loaded already) and a worker thread
 * per other lane boots and joins in. Results come back in task order, so output stays
 * deterministic.
 *
 * @example
 * const rows = await checkInParallel([{ kind: 'subpoena', policy: cloudflare, date: '2026-01-15' }], undefined, 2);
 */
export async function checkInParallel(tasks: readonly (Omit<CheckTask, 'index'> & { weight?: number })[], onProgress?: Progress, lanes = defaultLanes()): Promise<{ results: RuleResult[]; ms: number }[]> {
  const out: { results: RuleResult[]; ms: number }[] = new Array(tasks.length);
  const order = tasks.map((t, index) => ({ ...t, index })).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  let failed = false;
  const take = (): CheckTask | undefined => {
    const task = failed ? undefined : order.shift();
    if (!task) return undefined;
    const { weight: _w, ...rest } = task;
    return rest;
  };
  const workers = Math.max(0, Math.min(lanes - 1, order.length - 1));
  const running = Array.from({ length: workers }, () => workerLane(take, out, tasks, onProgress));
  running.push(mainLane(take, out, tasks, onProgress));
  // One lane's failure stops the others taking more work.
  await Promise.all(
    running.map((lane) =>
      lane.catch((e: unknown) => {
        failed = true;
        throw e;
      }),
    ),
  );
  return out;
}

/** The main thread's share: one task at a time, yielding between them so workers' messages get through. */
async function mainLane(take: () => CheckTask | undefined, out: { results: RuleResult[]; ms: number }[], tasks: readonly Omit<CheckTask, 'index'>[], onProgress?: Progress): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    const task = take();
    if (!task) return;
    const { kind, policy } = tasks[task.index] as Omit<CheckTask, 'index'>;
    out[task.index] = runCheckTask(task, onProgress ? (p) => onProgress({ kind, policy: policy.id, ...p }) : undefined);
  }
}

function workerLane(take: () => CheckTask | undefined, out: { results: RuleResult[]; ms: number }[], tasks: readonly Omit<CheckTask, 'index'>[], onProgress?: Progress): Promise<void> {
  const boot = new URL('./workerBoot.mjs', import.meta.url);
  const module = new URL('./checkWorker.ts', import.meta.url).href;
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(boot, { workerData: { module } });
    let held = 0;
    const fill = () => {
      for (let task = held < IN_FLIGHT ? take() : undefined; task; task = held < IN_FLIGHT ? take() : undefined) {
        held++;
        worker.postMessage(task);
      }
      if (held === 0) void worker.terminate().then(() => resolve());
    };
    worker.on('message', (m: Message) => {
      const task = tasks[m.index] as Omit<CheckTask, 'index'>;
      if (m.type === 'progress') {
        onProgress?.({ kind: task.kind, policy: (task.policy as ProviderPolicy).id, rule: m.rule, states: m.states, ms: m.ms });
        return;
      }
      if (m.type === 'failed') {
        void worker.terminate();
        reject(workerFailure(m, task));
        return;
      }
      out[m.index] = { ms: m.ms, results: m.results.map(({ ruleId, ...rest }) => ({ rule: RULES.find((r) => r.id === ruleId) as RuleResult['rule'], ...rest })) };
      held--;
      fill();
    });
    worker.on('error', reject);
    fill();
  });
}

/**
 * The error a worker's failed task stands for on the main thread: a `StepMismatch` stays one
 * (the CLI reports it as the port and XState disagreeing, not as a crash); anything else names
 * the task.
 *
 * @example
 * workerFailure({ name: 'Error', message: 'no kind nope' }, { kind: 'nope', policy: cloudflare }).message; // 'checking nope × cloudflare: no kind nope'
 */
export function workerFailure(failed: { name: string; message: string }, task: { kind: string; policy: { id: string } }): Error {
  return failed.name === 'StepMismatch' ? new StepMismatch(failed.message) : new Error(`checking ${task.kind} × ${task.policy.id}: ${failed.message}`);
}
