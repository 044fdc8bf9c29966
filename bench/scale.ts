// (d) Scale: k concurrent civil subpoenas against one account, k = 1…4, explored exactly with
// timers. Ours: exploreProduct, the k requests as components of one product, each component's
// steps from the machine's shared transition cache. Baseline (same run, same explorer): the k
// copies as parallel regions of ONE XState machine (support/productMachine.ts), where XState
// computes every product step afresh.
import type { AnyStateMachine } from 'xstate';
import { civilSubpoenaEntry, civilSubpoenaSpec } from '../machines/civilSubpoena.ts';
import { createDemandMachine } from '../machines/lifecycle/createDemandMachine.ts';
import type { Exploration } from '../src/explore/Exploration.ts';
import { eventVariants } from '../src/explore/eventVariants.ts';
import { explore } from '../src/explore/explore.ts';
import { exploreProduct } from '../src/explore/exploreProduct.ts';
import { cloudflare } from '../src/policy/cloudflare.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { productMachine } from './support/productMachine.ts';
import { collectGarbage, fmt, report } from './support/report.ts';

const MAX_MS = 60_000;
const BASELINE_MAX_MS = 20_000;
/** About 1.5 KB of heap per node at k = 3: a cap that keeps k = 4 under Node's default heap. */
const MAX_STATES = 1_500_000;

/** Runs `fn`, sampling the heap through its progress callback; heap figures in MB. */
function measured<T extends Exploration<unknown>>(fn: (sample: () => void) => T): { run: T; peakMb: number; growthMb: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const run = fn(sample);
  sample();
  return { run, peakMb: peak / 2 ** 20, growthMb: (peak - before) / 2 ** 20 };
}

const outcome = (run: Exploration<unknown>, maxMs: number) => (run.complete ? 'exhaustive' : `STOPPED by the ${run.stopped?.reason === 'time' ? `${fmt(maxMs)} budget` : `${MAX_STATES}-state budget`} with ${run.stopped?.frontier} states unexplored`);

export function scale(): boolean {
  let ok = true;
  const version = policyVersionAt(cloudflare, '2026-01-15');
  const input = civilSubpoenaEntry.inputs[0]?.input;
  const types = civilSubpoenaEntry.machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const events = eventVariants(types, civilSubpoenaEntry.alphabet);
  for (let k = 1; k <= 4; k++) {
    const names = Array.from({ length: k }, (_, i) => `civilSubpoena${i + 1}`);
    const all = names.flatMap((name) => events.map((e) => ({ ...e, type: `${name}/${e.type}` })));
    const inputs = [{ name: 'plain', input: Object.fromEntries(names.map((n) => [n, input])) }];

    const machine = withPolicy(createDemandMachine(civilSubpoenaSpec) as never, version) as AnyStateMachine;
    const ours = measured((sample) => exploreProduct(names.map((name) => ({ name, machine })), { inputs, events: all, maxMs: MAX_MS, maxStates: MAX_STATES, onProgress: sample }));

    const copies = names.map((kind) => withPolicy(createDemandMachine({ ...civilSubpoenaSpec, kind }) as never, version) as AnyStateMachine);
    const theirs = measured((sample) => explore(productMachine(`civilSubpoenas${k}`, copies), { inputs, events: all, maxMs: BASELINE_MAX_MS, maxStates: MAX_STATES, onProgress: sample }));

    const both = ours.run.complete && theirs.run.complete;
    if (both && ours.run.nodes.length !== theirs.run.nodes.length) ok = false;
    const perNode = (r: Exploration<unknown>) => r.ms / Math.max(1, r.nodes.length);
    const speedup = theirs.run.complete ? theirs.run.ms / ours.run.ms : perNode(theirs.run) / perNode(ours.run);
    const basis = theirs.run.complete ? 'time' : 'time per node, the baseline being cut';
    report(
      `scale k=${k} civil subpoenas (${all.length} events): ${ours.run.nodes.length} zone nodes, ${ours.run.transitions} XState transitions, ${outcome(ours.run, MAX_MS)} · ${fmt(ours.run.ms)} · heap peak ${ours.peakMb.toFixed(0)} MB (+${ours.growthMb.toFixed(0)} MB) · one XState machine: ${theirs.run.nodes.length} nodes, ${theirs.run.transitions} transitions, ${outcome(theirs.run, BASELINE_MAX_MS)} in ${fmt(theirs.run.ms)} · ratio ${speedup.toFixed(1)}× (${basis})${both ? (ours.run.nodes.length === theirs.run.nodes.length ? ' · same zone graph' : ' · DIFFERENT zone graphs') : ''}`,
      {
        bench: `scale:civilSubpoena×${k}`,
        ours_ms: ours.run.ms,
        nodes: ours.run.nodes.length,
        transitions: ours.run.transitions,
        complete: ours.run.complete,
        heap_peak_mb: ours.peakMb,
        heap_growth_mb: ours.growthMb,
        baseline: 'one XState machine with a region per request',
        baseline_ms: theirs.run.ms,
        baseline_complete: theirs.run.complete,
        speedup,
      },
    );
    if (!ours.run.complete) {
      console.log(`  scale: stopping at k=${k}; larger k not attempted`);
      break;
    }
  }
  return ok;
}
