// Checks the whole catalogue × every policy once and prints one JSON line: run by
// bench/checkCatalogue.ts as a child process, so each timed run starts cold (no code optimised,
// nothing remembered) as `npm start` does, whatever the benchmarks before it ran.
// `one`: every task on this thread, in order, then all of them again (`warmMs`), then again on
// new machines made from the same definitions (`freshMs`: code compiled, no step remembered), and
// then every machine step that run computed, computed again on its own (`stepsMs`); `all`:
// `checkInParallel` with a lane on every core (`check --threads N` with N the cores; by default
// `check` leaves one core to V8).
import { availableParallelism } from 'node:os';
import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { checkInParallel, taskWeight } from '../../src/rules/checkInParallel.ts';
import { kindTarget, runCheckTask } from '../../src/rules/runCheckTask.ts';
import { type TransitionCache, transitionCacheOf } from '../../src/explore/transitionCache.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { msSince, now } from './report.ts';

const lanes = process.argv[2];
if (lanes !== 'one' && lanes !== 'all') throw new Error(`lanes is "${lanes}": give one or all`);
const tasks = Object.values(POLICIES).flatMap((policy) => CATALOGUE.map((entry) => ({ kind: entry.kind, policy, date: CHECK_DATE, weight: taskWeight(entry) })));
const start = now();
const done = lanes === 'one' ? tasks.map(({ weight: _w, ...task }, index) => runCheckTask({ ...task, index })) : await checkInParallel(tasks, undefined, availableParallelism());
const ms = msSince(start);
const repeats = now();
const runs = done.map((d, i) => ({ kind: tasks[i]?.kind, policy: tasks[i]?.policy.id, ms: d.ms, statuses: d.results.map((r) => (r.vacuous ? 'proved vacuously' : r.status)) }));
// The same checks again on this thread, its code compiled and every machine step remembered:
// what the explorer and the rules cost on their own.
let warmMs: number | undefined;
// And once more on new machines of the same definitions (`provide({})` makes one: new state
// nodes, so no step, plan or configuration is remembered), with the code still compiled: what
// filling the step caches costs, apart from V8's compiling.
let freshMs: number | undefined;
// And the machines' own work alone: each step the check computed, computed again through the
// port with its plan known and its code compiled, the explorer left out. However fast the
// explorer, a check cannot take less.
let stepsMs: number | undefined;
let steps: number | undefined;
if (lanes === 'one') {
  const again = now();
  tasks.forEach(({ weight: _w, ...task }, index) => runCheckTask({ ...task, index }));
  warmMs = msSince(again);
  const fresh = now();
  for (const { kind, policy, date } of tasks) {
    const entry = findKind(kind);
    if (!entry) throw new Error(`no kind ${kind}`);
    checkMachine(kindTarget(entry, entry.machine.provide({})), policyVersionAt(policy, date), RULES);
  }
  freshMs = msSince(fresh);
  const caches: TransitionCache[] = tasks.map(({ kind, policy, date }) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(`no kind ${kind}`);
    const machine = entry.machine.provide({});
    const version = policyVersionAt(policy, date);
    // `checkMachine` steps the machine through this cache: `withPolicy` builds one machine per machine and version.
    const cache = transitionCacheOf(withPolicy(machine, version));
    cache.stepLog = [];
    checkMachine(kindTarget(entry, machine), version, RULES);
    return cache;
  });
  caches.forEach((c) => c.replaySteps());
  const replay = now();
  steps = caches.reduce((n, c) => n + c.replaySteps(), 0);
  stepsMs = msSince(replay);
}
console.log(JSON.stringify({ ms, runs, repeatsMs: msSince(repeats), ...(warmMs === undefined ? {} : { warmMs, freshMs, stepsMs, steps }) }));
