// (d) Scale: k concurrent civil subpoenas against one account, k = 1…4, as ONE XState machine
// (the k copies as parallel regions, see support/productMachine.ts), explored exactly with timers.
import { civilSubpoenaEntry, civilSubpoenaSpec } from '../machines/civilSubpoena.ts';
import { createDemandMachine } from '../machines/lifecycle/createDemandMachine.ts';
import { eventVariants } from '../src/explore/eventVariants.ts';
import { explore } from '../src/explore/explore.ts';
import { cloudflare } from '../src/policy/cloudflare.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { productMachine } from './support/productMachine.ts';
import { collectGarbage, fmt, report } from './support/report.ts';

const MAX_MS = 120_000;
const MAX_STATES = 5_000_000;

export function scale(): boolean {
  const version = policyVersionAt(cloudflare, '2026-01-15');
  const input = civilSubpoenaEntry.inputs[0]?.input;
  const types = civilSubpoenaEntry.machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const events = eventVariants(types, civilSubpoenaEntry.alphabet);
  for (let k = 1; k <= 4; k++) {
    const copies = Array.from({ length: k }, (_, i) => withPolicy(createDemandMachine({ ...civilSubpoenaSpec, kind: `civilSubpoena${i + 1}` }) as never, version));
    const machine = productMachine(`civilSubpoenas${k}`, copies);
    const all = copies.flatMap((c) => events.map((e) => ({ ...e, type: `${c.id}/${e.type}` })));
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
    const run = explore(machine, {
      inputs: [{ name: 'plain', input: Object.fromEntries(copies.map((c) => [c.id, input])) }],
      events: all,
      maxMs: MAX_MS,
      maxStates: MAX_STATES,
      onProgress: sample,
    });
    sample();
    const mb = (peak - before) / 2 ** 20;
    const done = run.complete ? 'exhaustive' : `STOPPED by the ${run.stopped?.reason === 'time' ? `${fmt(MAX_MS)} budget` : `${MAX_STATES}-state budget`} with ${run.stopped?.frontier} states unexplored`;
    report(
      `scale k=${k} civil subpoenas (${all.length} events): ${run.nodes.length} zone nodes, ${run.transitions} transitions, ${done} · ${fmt(run.ms)} · heap peak ${(peak / 2 ** 20).toFixed(0)} MB (+${mb.toFixed(0)} MB over the ${(before / 2 ** 20).toFixed(0)} MB before)`,
      { bench: `scale:civilSubpoena×${k}`, ours_ms: run.ms, nodes: run.nodes.length, transitions: run.transitions, complete: run.complete, heap_peak_mb: peak / 2 ** 20, heap_growth_mb: mb },
    );
    if (!run.complete) {
      console.log(`  scale: stopping at k=${k}; larger k not attempted`);
      break;
    }
  }
  return true;
}
