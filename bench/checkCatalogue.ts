// (c) The whole catalogue × both policies × every rule through checkMachine (clockless monitors
// over the exact graph, the others in one timed product per machine). Baseline: the same rules
// explored one at a time, one explore per rule.
import { availableParallelism } from 'node:os';
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
import { checkInParallel } from '../src/rules/checkInParallel.ts';
import { checkMachine, machineTags } from '../src/rules/checkMachine.ts';
import type { RuleContext } from '../src/rules/Rule.ts';
import { fmt, msSince, now, report } from './support/report.ts';

/** Every applicable rule explored on its own, as checkMachine did before it built one product. */
function oneRuleAtATime(entry: KindEntry, version: PolicyVersion): number {
  const machine = withPolicy(entry.machine.provide({}), version);
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const ctx: RuleContext = { kind: entry.kind, policy: version, events: new Set(types), tags: machineTags(machine) };
  const base = { inputs: entry.inputs, events: eventVariants(types, entry.alphabet) };
  let states = 0;
  for (const rule of RULES) {
    if (!rule.appliesTo(ctx)) continue;
    const check = rule.check(ctx);
    states += explore(machine, check.type === 'monitor' ? { ...base, monitor: check.monitor } : { ...base, subsumption: false }).nodes.length;
  }
  return states;
}

export async function checkCatalogue(): Promise<boolean> {
  const perKind = new Map<string, number>();
  const runs: { kind: string; policy: string; ms: number }[] = [];
  const statuses = new Map<string, number>();
  const verdictsByRun: string[][] = [];
  const start = now();
  for (const policy of Object.values(POLICIES)) {
    const version = policyVersionAt(policy, CHECK_DATE);
    for (const entry of CATALOGUE) {
      const t = now();
      const results = checkMachine({ name: entry.kind, machine: entry.machine.provide({}), kind: entry.kind, inputs: entry.inputs, declared: entry.alphabet }, version, RULES);
      const ms = msSince(t);
      runs.push({ kind: entry.kind, policy: policy.id, ms });
      perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + ms);
      results.forEach((r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1));
      verdictsByRun.push(results.map((r) => r.status));
    }
  }
  const totalMs = msSince(start);

  const baseStart = now();
  for (const policy of Object.values(POLICIES)) {
    const version = policyVersionAt(policy, CHECK_DATE);
    for (const entry of CATALOGUE) oneRuleAtATime(entry, version);
  }
  const baselineMs = msSince(baseStart);

  // The same checks as `npm start` runs them: worker threads, one per core, each booting cold.
  const parallelStart = now();
  const parallel = await checkInParallel(Object.values(POLICIES).flatMap((policy) => CATALOGUE.map((entry) => ({ kind: entry.kind, policy, date: CHECK_DATE, weight: entry.inputs.length * entry.machine.root.events.length }))));
  const parallelMs = msSince(parallelStart);
  const agree = parallel.every((p, i) => p.results.map((r) => r.status).join() === (verdictsByRun[i] ?? []).join());

  const slowest = [...runs].sort((a, b) => b.ms - a.ms)[0] as (typeof runs)[number];
  const kinds = [...perKind].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${fmt(ms)}`).join(', ');
  const verdicts = [...statuses].map(([s, n]) => `${n} ${s}`).join(', ');
  report(
    `check catalogue (${CATALOGUE.length} kinds × ${runs.length / CATALOGUE.length} policies × ${RULES.length} rules, one thread: ${verdicts}): ours ${fmt(totalMs)} · one explore per rule ${fmt(baselineMs)} · ratio ${(baselineMs / totalMs).toFixed(2)}× · slowest ${slowest.kind} × ${slowest.policy} ${fmt(slowest.ms)}`,
    { bench: 'check-catalogue', ours_ms: totalMs, baseline_ms: baselineMs, baseline: 'one explore per rule', speedup: baselineMs / totalMs, slowest: `${slowest.kind}×${slowest.policy}`, slowest_ms: slowest.ms, per_kind_ms: Object.fromEntries(perKind) },
  );
  console.log(`  per kind (both policies): ${kinds}`);
  report(
    `check catalogue on ${availableParallelism()} cores (worker threads, as npm start runs it): ${fmt(parallelMs)} · one thread ${fmt(totalMs)} · ratio ${(totalMs / parallelMs).toFixed(2)}× · ${agree ? 'same verdicts' : 'verdicts DIFFER'}`,
    { bench: 'check-catalogue-parallel', ours_ms: parallelMs, baseline_ms: totalMs, baseline: 'one thread', speedup: totalMs / parallelMs, cores: availableParallelism(), agree },
  );
  return agree;
}
