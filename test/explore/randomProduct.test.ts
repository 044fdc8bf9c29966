import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploreProduct } from '../../src/explore/exploreProduct.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { dayByDayProduct } from '../support/dayByDayProduct.ts';
import { buildRandom, RANDOM_EVENTS, smallRegions } from '../support/randomMachines.ts';

// Property-based differential tests of products: copies of a generated machine side by side
// (one clock over all their timers) must reach exactly what a day-by-day search over XState's own
// transition reaches, and symmetry reduction must keep one state of each class. Fixed seeds.

const RUNS = 30;

function product(regions: Parameters<typeof buildRandom>[0], copies: number) {
  const machine = buildRandom(regions);
  const names = Array.from({ length: copies }, (_, i) => `c${i}`);
  const components = names.map((name) => ({ name, machine }));
  const inputs = [{ name: 'all', input: Object.fromEntries(names.map((n) => [n, undefined])) }];
  const events = names.flatMap((n) => RANDOM_EVENTS.map((e) => ({ type: `${n}/${e.type}` })));
  return { machine, components, inputs, events };
}

/** The search's states, or null (the case skipped) past a budget: three copies can take XState a while. */
function searched(machine: ReturnType<typeof buildRandom>, copies: number): Set<string> | null {
  try {
    return dayByDayProduct(machine, copies, RANDOM_EVENTS, 4_000);
  } catch {
    return null;
  }
}

const keyOf = (state: readonly Parameters<typeof snapshotKey>[0][]) => state.map((s) => snapshotKey(s)).join(' & ');
/** A state's class under symmetry: its components' keys in sorted order. */
const orbit = (key: string) => key.split(' & ').sort().join(' & ');

describe('products of generated machines, against a day-by-day search over XState', () => {
  it('two or three copies side by side reach exactly the states the search reaches', () => {
    fc.assert(
      fc.property(smallRegions, fc.constantFrom(2, 2, 3), (regions, copies) => {
        const { machine, components, inputs, events } = product(regions, copies);
        const truth = searched(machine, copies);
        fc.pre(truth !== null);
        const run = exploreProduct(components, { inputs, events });
        expect(run.complete).toBe(true);
        expect([...new Set(run.nodes.map((n) => keyOf(n.snapshot)))].sort()).toEqual([...(truth as Set<string>)].sort());
      }),
      { seed: 20261201, numRuns: RUNS },
    );
  });

  it('with symmetry, reaches one state of every class the search reaches, and no other', () => {
    fc.assert(
      fc.property(smallRegions, fc.constantFrom(2, 3), (regions, copies) => {
        const { machine, components, inputs, events } = product(regions, copies);
        const truth = searched(machine, copies);
        fc.pre(truth !== null);
        const reduced = exploreProduct(components, { inputs, events, symmetry: true });
        expect(reduced.complete).toBe(true);
        expect([...new Set(reduced.nodes.map((n) => orbit(keyOf(n.snapshot))))].sort()).toEqual([...new Set([...(truth as Set<string>)].map(orbit))].sort());
      }),
      { seed: 20261202, numRuns: RUNS },
    );
  });
});
