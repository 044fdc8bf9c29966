import { findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { RULES } from './catalogue.ts';
import type { Stepper } from '../explore/Stepper.ts';
import { type CheckTarget, checkMachine, type RuleResult } from './checkMachine.ts';

/** A catalogue kind × policy to check, as `checkInParallel` hands it to a lane. */
export interface CheckTask {
  index: number;
  kind: string;
  policy: ProviderPolicy;
  date: string;
  maxStates?: number;
  maxMs?: number;
  stepper?: Stepper;
}

/**
 * A catalogue kind as `checkMachine` checks it: its machine (or another built from it), inputs
 * and declared payload values.
 *
 * @example
 * checkMachine(kindTarget(subpoenaEntry), policyVersionAt(cloudflare, '2026-01-15'), RULES);
 */
export function kindTarget(entry: KindEntry, machine = entry.machine): CheckTarget {
  return { name: entry.kind, machine, kind: entry.kind, inputs: entry.inputs, declared: entry.alphabet };
}

/**
 * Checks one task with every rule, on whichever thread calls it (a worker's, or the main one's).
 *
 * @example
 * runCheckTask({ index: 0, kind: 'subpoena', policy: cloudflare, date: '2026-01-15' }).results.length; // 17
 */
export function runCheckTask(task: CheckTask, onProgress?: (p: { rule: string; states: number; ms: number }) => void): { results: RuleResult[]; ms: number } {
  const entry = findKind(task.kind);
  if (!entry) throw new Error(`no kind ${task.kind}`);
  const started = Date.now();
  const results = checkMachine(kindTarget(entry), policyVersionAt(task.policy, task.date), RULES, {
    ...(task.maxStates ? { maxStates: task.maxStates } : {}),
    ...(task.maxMs ? { maxMs: task.maxMs } : {}),
    ...(task.stepper ? { stepper: task.stepper } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { results, ms: Date.now() - started };
}
