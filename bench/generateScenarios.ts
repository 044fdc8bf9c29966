// (e) Scenario generation for the whole catalogue × both policies, one thread, with the count of
// scenarios and steps. Baseline: exploring the same timed graphs (with their edges kept) and
// nothing else, the floor any generator walking the graph pays.
import { CATALOGUE } from '../machines/catalogue.ts';
import { POLICIES } from '../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { timedGraph } from '../src/paths/TimedGraph.ts';
import { scenariosFor } from '../src/scenarios/generateScenarios.ts';
import { renderScenarioFiles } from '../src/scenarios/scenarioFiles.ts';
import type { ScenarioFile } from '../src/scenarios/Scenario.ts';
import { fmt, msSince, now, report } from './support/report.ts';

export function generateScenarios(): boolean {
  const pairs = Object.values(POLICIES).flatMap((policy) => CATALOGUE.map((entry) => ({ entry, policy })));
  const version = (p: (typeof pairs)[number]) => policyVersionAt(p.policy, (p.entry.inputs[0]?.input as { receivedOn: string }).receivedOn);

  const baseStart = now();
  for (const p of pairs) timedGraph(withPolicy(p.entry.machine.provide({}), version(p)), p.entry.inputs, p.entry.alphabet);
  const baselineMs = msSince(baseStart);

  const start = now();
  const files: ScenarioFile[] = pairs.map((p) => scenariosFor({ ...p.entry, machine: p.entry.machine.provide({}) }, p.policy));
  const generateMs = msSince(start);
  const renderStart = now();
  const rendered = renderScenarioFiles(files);
  const renderMs = msSince(renderStart);
  const totalMs = generateMs + renderMs;

  const scenarios = files.reduce((n, f) => n + f.scenarios.length, 0);
  const steps = files.reduce((n, f) => n + f.scenarios.reduce((m, s) => m + s.steps.length, 0), 0);
  const bytes = [...rendered.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const byStrategy = new Map<string, number>();
  files.forEach((f) => f.scenarios.forEach((s) => byStrategy.set(s.strategy, (byStrategy.get(s.strategy) ?? 0) + 1)));
  report(
    `generate scenarios (${CATALOGUE.length} kinds × ${Object.keys(POLICIES).length} policies, one thread): ${scenarios} scenarios, ${steps} steps, ${(bytes / 1e6).toFixed(1)} MB · ours ${fmt(totalMs)} (render ${fmt(renderMs)}) · graphs alone ${fmt(baselineMs)} · ratio ${(totalMs / baselineMs).toFixed(2)}× the graphs`,
    { bench: 'generate-scenarios', ours_ms: totalMs, baseline_ms: baselineMs, baseline: 'explore the timed graphs only', ratio: totalMs / baselineMs, scenarios, steps, bytes, by_strategy: Object.fromEntries(byStrategy) },
  );
  console.log(`  by strategy: ${[...byStrategy].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  return true;
}
