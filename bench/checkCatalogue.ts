// (c) The whole catalogue × both policies × every rule through checkMachine (clockless monitors
// over the exact graph, the others in one timed product per machine), each timed figure the
// median of three fresh processes. Baseline: the same rules explored one at a time, one explore per rule.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../machines/catalogue.ts';
import { CHECK_DATE } from '../machines/lifecycle/demandInputs.ts';
import type { KindEntry } from '../machines/lifecycle/KindEntry.ts';
import type { PolicyVersion } from '../src/domain/policy.ts';
import { eventVariants } from '../src/explore/eventVariants.ts';
import { explore } from '../src/explore/explore.ts';
import { POLICIES } from '../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { RULES } from '../src/rules/catalogue.ts';
import { machineTags } from '../src/rules/checkMachine.ts';
import type { RuleContext } from '../src/rules/Rule.ts';
import { fmt, msSince, now, report } from './support/report.ts';

/** Every applicable rule explored on its own, as checkMachine did before it built one product. */
function oneRuleAtATime(entry: KindEntry, version: PolicyVersion): number {
  const machine = withPolicy(entry.machine.provide({}), version);
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const base = { inputs: entry.inputs, events: eventVariants(types, entry.alphabet) };
  const ctx: RuleContext = { kind: entry.kind, policy: version, events: new Set(types), tags: machineTags(machine), explored: { inputs: entry.inputs.map((i) => i.input), events: base.events } };
  let states = 0;
  for (const rule of RULES) {
    if (!rule.appliesTo(ctx)) continue;
    const check = rule.check(ctx);
    states += explore(machine, check.type === 'monitor' ? { ...base, monitor: check.monitor } : { ...base, subsumption: false }).nodes.length;
  }
  return states;
}

interface ColdRun {
  ms: number;
  /** The one-thread run repeated in the same process: code compiled, steps remembered. */
  warmMs?: number;
  /** Repeated on new machines of the same definitions: code compiled, nothing remembered. */
  freshMs?: number;
  /** Every machine step the check computed, computed again on its own: the machines' share, with the explorer's left out. */
  stepsMs?: number;
  steps?: number;
  /** The time after the check, spent on the repeats above. */
  repeatsMs: number;
  /** The whole process, from its start to its exit, less the repeats: module loading included, as `npm start` feels it. */
  wallMs: number;
  runs: { kind: string; policy: string; ms: number; statuses: string[] }[];
}

/** One cold check of the whole catalogue in a fresh Node process (`support/catalogueRun.ts`). */
function coldRun(lanes: 'one' | 'all'): ColdRun {
  const script = fileURLToPath(new URL('./support/catalogueRun.ts', import.meta.url));
  const start = now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, lanes], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = msSince(start);
  if (child.status !== 0) throw new Error(`bench check: the ${lanes === 'one' ? 'one-thread' : 'parallel'} run failed (exit ${child.status}): ${child.stderr}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  const run = JSON.parse(last) as Omit<ColdRun, 'wallMs'>;
  // The process as `npm start` feels it: the repeats after the check are not part of that.
  return { ...run, wallMs: wallMs - run.repeatsMs };
}

/** Fresh processes per timed figure: this VM's runs of one build vary by up to 1.8×, so one cold run says little. */
const COLD_RUNS = 3;

/** The run with the median one-thread time of `COLD_RUNS` fresh processes, and the range of those times. */
function medianColdRun(lanes: 'one' | 'all'): ColdRun & { range: [number, number] } {
  const runs = Array.from({ length: COLD_RUNS }, () => coldRun(lanes)).sort((a, b) => a.ms - b.ms);
  return { ...(runs[Math.floor(COLD_RUNS / 2)] as ColdRun), range: [(runs[0] as ColdRun).ms, (runs.at(-1) as ColdRun).ms] };
}

export async function checkCatalogue(): Promise<boolean> {
  const one = medianColdRun('one');
  const perKind = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const run of one.runs) {
    perKind.set(run.kind, (perKind.get(run.kind) ?? 0) + run.ms);
    run.statuses.forEach((s) => statuses.set(s, (statuses.get(s) ?? 0) + 1));
  }
  const totalMs = one.ms;

  const baseStart = now();
  for (const policy of Object.values(POLICIES)) {
    const version = policyVersionAt(policy, CHECK_DATE);
    for (const entry of CATALOGUE) oneRuleAtATime(entry, version);
  }
  const baselineMs = msSince(baseStart);

  // The same checks with a lane on every core: the main thread and one worker per other core.
  const parallel = medianColdRun('all');
  const parallelMs = parallel.ms;
  const agree = parallel.runs.length === one.runs.length && parallel.runs.every((p, i) => p.statuses.join() === one.runs[i]?.statuses.join());

  const slowest = [...one.runs].sort((a, b) => b.ms - a.ms)[0] as ColdRun['runs'][number];
  const kinds = [...perKind].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${fmt(ms)}`).join(', ');
  const verdicts = [...statuses].map(([s, n]) => `${n} ${s}`).join(', ');
  report(
    `check catalogue (${CATALOGUE.length} kinds × ${one.runs.length / CATALOGUE.length} policies × ${RULES.length} rules, one thread, median of ${COLD_RUNS} cold processes: ${verdicts}): ours ${fmt(totalMs)} (${fmt(one.range[0])}–${fmt(one.range[1])}; process ${fmt(one.wallMs)}) · one explore per rule ${fmt(baselineMs)} · ratio ${(baselineMs / totalMs).toFixed(2)}× · slowest ${slowest.kind} × ${slowest.policy} ${fmt(slowest.ms)}`,
    { bench: 'check-catalogue', ours_ms: totalMs, ours_range_ms: one.range, cold_runs: COLD_RUNS, process_ms: one.wallMs, warm_ms: one.warmMs, fresh_ms: one.freshMs, steps_ms: one.stepsMs, steps: one.steps, baseline_ms: baselineMs, baseline: 'one explore per rule', speedup: baselineMs / totalMs, slowest: `${slowest.kind}×${slowest.policy}`, slowest_ms: slowest.ms, per_kind_ms: Object.fromEntries(perKind) },
  );
  if (one.warmMs !== undefined) console.log(`  the same checks again in that process (code compiled, every machine step remembered): ${fmt(one.warmMs)}`);
  if (one.freshMs !== undefined) console.log(`  and on new machines of the same definitions (code compiled, no step remembered): ${fmt(one.freshMs)}`);
  if (one.stepsMs !== undefined && one.steps !== undefined) console.log(`  the machine steps alone (${one.steps.toLocaleString('en-US')} steps the check computed, each computed again with its code compiled and its plan known; no explorer): ${fmt(one.stepsMs)}`);
  console.log(`  per kind (both policies): ${kinds}`);
  report(
    `check catalogue on ${availableParallelism()} cores (main thread and workers, median of ${COLD_RUNS} cold processes, as check --threads N runs it): ${fmt(parallelMs)} (${fmt(parallel.range[0])}–${fmt(parallel.range[1])}; process ${fmt(parallel.wallMs)}) · one thread ${fmt(totalMs)} · ratio ${(totalMs / parallelMs).toFixed(2)}× · ${agree ? 'same verdicts' : 'verdicts DIFFER'}`,
    { bench: 'check-catalogue-parallel', ours_ms: parallelMs, ours_range_ms: parallel.range, cold_runs: COLD_RUNS, process_ms: parallel.wallMs, baseline_ms: totalMs, baseline: 'one thread', speedup: totalMs / parallelMs, cores: availableParallelism(), agree },
  );
  return agree;
}
