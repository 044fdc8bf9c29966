// (d) Scale: k concurrent civil subpoenas against one account, k = 1…4, explored exactly with
// timers. Ours: exploreProduct, the k requests as components of one product, each component's
// steps from the machine's shared transition cache, with symmetry reduction (the requests are
// interchangeable) and without. Baseline (same run, same explorer): the k copies as parallel
// regions of ONE XState machine (support/productMachine.ts), where XState computes every
// product step afresh. A side cut by its budget is not run for larger k.
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
const SYMMETRY_MAX_MS = 300_000;
const BASELINE_MAX_MS = 20_000;
const MAX_STATES = 4_000_000;

/** What a run measured; the exploration itself is dropped, so the next run's heap figures are its own. */
interface Measured {
  run: { ms: number; nodes: { length: number }; transitions: number; complete: boolean; stopped?: Exploration<unknown>['stopped'] };
  peakMb: number;
  growthMb: number;
}

/** Runs `fn`, sampling the heap through its progress callback; heap figures in MB. */
function measured(fn: (sample: () => void) => Exploration<unknown>): Measured {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const full = fn(sample);
  sample();
  const run = { ms: full.ms, nodes: { length: full.nodes.length }, transitions: full.transitions, complete: full.complete, ...(full.stopped ? { stopped: full.stopped } : {}) };
  return { run, peakMb: peak / 2 ** 20, growthMb: (peak - before) / 2 ** 20 };
}

const outcome = (run: Measured['run'], maxMs: number) => (run.complete ? 'exhaustive' : `STOPPED by the ${run.stopped?.reason === 'time' ? `${fmt(maxMs)} budget` : `${MAX_STATES}-state budget`} with ${run.stopped?.frontier} states unexplored`);

type Side = { name: string; maxMs: number; run: (k: number, sample: () => void) => Exploration<unknown> };

export function scale(): boolean {
  let ok = true;
  const version = policyVersionAt(cloudflare, '2026-01-15');
  const input = civilSubpoenaEntry.inputs[0]?.input;
  const types = civilSubpoenaEntry.machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const events = eventVariants(types, civilSubpoenaEntry.alphabet);
  const names = (k: number) => Array.from({ length: k }, (_, i) => `civilSubpoena${i + 1}`);
  const setup = (k: number) => ({
    inputs: [{ name: 'plain', input: Object.fromEntries(names(k).map((n) => [n, input])) }],
    events: names(k).flatMap((name) => events.map((e) => ({ ...e, type: `${name}/${e.type}` }))),
    maxStates: MAX_STATES,
  });
  const shared = () => withPolicy(createDemandMachine(civilSubpoenaSpec) as never, version) as AnyStateMachine;
  const sides: Side[] = [
    {
      name: 'product with symmetry',
      maxMs: SYMMETRY_MAX_MS,
      run: (k, sample) => {
        const machine = shared();
        return exploreProduct(names(k).map((name) => ({ name, machine })), { ...setup(k), symmetry: true, maxMs: SYMMETRY_MAX_MS, onProgress: sample });
      },
    },
    {
      name: 'product',
      maxMs: MAX_MS,
      run: (k, sample) => {
        const machine = shared();
        return exploreProduct(names(k).map((name) => ({ name, machine })), { ...setup(k), maxMs: MAX_MS, onProgress: sample });
      },
    },
    {
      name: 'one XState machine (baseline)',
      maxMs: BASELINE_MAX_MS,
      run: (k, sample) => explore(productMachine(`civilSubpoenas${k}`, names(k).map((kind) => withPolicy(createDemandMachine({ ...civilSubpoenaSpec, kind }) as never, version) as AnyStateMachine)), { ...setup(k), maxMs: BASELINE_MAX_MS, onProgress: sample }),
    },
  ];
  const cut = new Set<string>();
  for (let k = 1; k <= 4; k++) {
    const results = new Map<string, Measured>();
    for (const side of sides) {
      if (cut.has(side.name)) continue;
      const m = measured((sample) => side.run(k, sample));
      results.set(side.name, m);
      if (!m.run.complete) cut.add(side.name);
      console.log(`  scale k=${k} ${side.name}: ${m.run.nodes.length} zone nodes, ${m.run.transitions} steps computed, ${outcome(m.run, side.maxMs)} · ${fmt(m.run.ms)} · heap peak ${m.peakMb.toFixed(0)} MB (+${m.growthMb.toFixed(0)} MB)`);
    }
    const ours = results.get('product with symmetry') as Measured;
    const product = results.get('product');
    const baseline = results.get('one XState machine (baseline)');
    if (product?.run.complete && baseline?.run.complete && product.run.nodes.length !== baseline.run.nodes.length) ok = false;
    const ratio = (other: Measured | undefined, label: string) => {
      if (!other) return '';
      if (!other.run.complete) return ` · ${label} cut at ${fmt(other.run.ms)} with ${other.run.nodes.length} nodes`;
      return ours.run.complete ? ` · against ${label} ${(other.run.ms / ours.run.ms).toFixed(1)}×` : '';
    };
    const speedup = baseline?.run.complete ? baseline.run.ms / ours.run.ms : null;
    report(
      `scale k=${k} civil subpoenas: ${ours.run.nodes.length} zone nodes up to symmetry, ${outcome(ours.run, SYMMETRY_MAX_MS)} in ${fmt(ours.run.ms)}, heap +${ours.growthMb.toFixed(0)} MB${ratio(baseline, 'one XState machine')}${ratio(product, 'the product without symmetry')}${product?.run.complete && baseline?.run.complete ? (product.run.nodes.length === baseline.run.nodes.length ? ' · product and one machine: same zone graph' : ' · product and one machine: DIFFERENT zone graphs') : ''}`,
      {
        bench: `scale:civilSubpoena×${k}`,
        ours_ms: ours.run.ms,
        nodes: ours.run.nodes.length,
        complete: ours.run.complete,
        heap_peak_mb: ours.peakMb,
        heap_growth_mb: ours.growthMb,
        ...(product ? { product_ms: product.run.ms, product_nodes: product.run.nodes.length, product_complete: product.run.complete, product_heap_growth_mb: product.growthMb } : {}),
        ...(baseline ? { baseline: 'one XState machine with a region per request', baseline_ms: baseline.run.ms, baseline_complete: baseline.run.complete } : {}),
        ...(speedup === null ? {} : { speedup }),
      },
    );
    if (!ours.run.complete) {
      console.log(`  scale: stopping at k=${k}; larger k not attempted`);
      break;
    }
  }
  return ok;
}
