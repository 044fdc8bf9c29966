import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import { pathOf } from '../../src/explore/pathOf.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { datePath, replayPath } from '../../src/explore/witness.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { entering, isStart, never, notWithin, onlyWithin, precedence, respondWithin, terminates } from '../../src/rules/language.ts';
import { stateLabel } from '../../src/time/TimedRun.ts';
import { dayByDay, dayByDayWatch, fewestStepsToBreak } from '../support/dayByDay.ts';
import { fewestSteps, stuckSomewhere } from '../support/dayGraph.ts';
import { enteredAfter, enteredBefore, enteredWithin, missedResponse, reachesBoth } from '../support/dayWatches.ts';
import { earliestByClock } from '../support/earliestByClock.ts';
import { adHoc, version } from '../support/handMachines.ts';
import { buildRandom, RANDOM_EVENTS, randomRegions, randomTags } from '../support/randomMachines.ts';

// Property-based differential tests of exact time: on generated machines (one or two parallel
// regions, timers of 1–4 days that restart and cancel, guards on a flag and on the other region),
// the explorer must agree with a day-by-day search over XState's own transition (`dayByDay`).
// Fixed seeds, so a failure is reproducible; fast-check prints the shrunk machine.

const input = { name: 'only', input: undefined };
const events = [...RANDOM_EVENTS];
const RUNS = 60;


const sorted = (keys: Iterable<string>) => [...keys].sort();
/** One of a generated machine's state tags, picked by a generated number. */
const tagOf = (regions: Parameters<typeof randomTags>[0], pick: number) => {
  const tags = randomTags(regions);
  return tags[pick % tags.length] as string;
};
const generated = (machine: ReturnType<typeof buildRandom>) => ({ name: 'generated', machine, inputs: [input], declared: {} });

describe('exact time on generated machines, against a day-by-day search over XState', () => {
  it('reaches exactly the same machine states, with or without zone subsumption', () => {
    fc.assert(
      fc.property(randomRegions, (regions) => {
        const machine = buildRandom(regions);
        const truth = dayByDay(machine, undefined, events);
        const reduced = explore(machine, { inputs: [input], events });
        const exact = explore(machine, { inputs: [input], events, subsumption: false });
        expect(reduced.complete && exact.complete).toBe(true);
        expect(sorted(new Set(reduced.nodes.map((n) => snapshotKey(n.snapshot))))).toEqual(sorted(truth.earliest.keys()));
        expect(sorted(new Set(exact.nodes.map((n) => snapshotKey(n.snapshot))))).toEqual(sorted(truth.earliest.keys()));
      }),
      { seed: 20261123, numRuns: RUNS },
    );
  });

  it('gives every state its exact earliest day (a clock started at day 0, read off the zones)', () => {
    fc.assert(
      fc.property(randomRegions, (regions) => {
        const machine = buildRandom(regions);
        const truth = dayByDay(machine, undefined, events);
        const ours = earliestByClock(machine, input, events, Math.max(...truth.earliest.values()) + 2);
        expect(ours.complete).toBe(true);
        expect(Object.fromEntries(ours.days)).toEqual(Object.fromEntries(truth.earliest));
      }),
      { seed: 20261124, numRuns: RUNS },
    );
  });

  it('dates every path so that it replays on the whole-day clock on those very days and ends in its state, never before that state can be reached', () => {
    fc.assert(
      fc.property(randomRegions, (regions) => {
        const machine = buildRandom(regions);
        const truth = dayByDay(machine, undefined, events);
        const run = explore(machine, { inputs: [input], events, subsumption: false });
        const every = Math.max(1, Math.floor(run.nodes.length / 30));
        for (const node of run.nodes.filter((n) => n.id % every === 0)) {
          const { path } = pathOf(run.nodes, node.id);
          const replayed = replayPath(machine, undefined, path);
          const dates = datePath(path);
          expect(replayed.map((s) => s.day)).toEqual(dates);
          expect(replayed.at(-1)?.state).toBe(stateLabel(node.snapshot));
          expect(dates.at(-1)).toBeGreaterThanOrEqual(truth.earliest.get(snapshotKey(node.snapshot)) as number);
        }
      }),
      { seed: 20261125, numRuns: RUNS },
    );
  });

  it('a timed rule ("not entered within D days of the start") is violated exactly when the search can enter the state by day D, with a counterexample that replays', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(10), (regions, pick, days) => {
        const machine = buildRandom(regions);
        const tag = tagOf(regions, pick);
        const truth = dayByDay(machine, undefined, events);
        const rule = adHoc('not-early', notWithin({ target: entering(tag), since: isStart, message: `${tag} entered early` })(days));
        const [result] = checkMachine(generated(machine), version, [rule], { stepper: 'verify' });
        const first = truth.entered.get(tag);
        const early = first !== undefined && first <= days;
        expect(result?.status).toBe(early ? 'violated' : 'proved');
        if (early) {
          const last = result?.counterexample?.at(-1);
          expect(last?.day).toBeGreaterThanOrEqual(first);
          expect(last?.day).toBeLessThanOrEqual(days);
        }
      }),
      { seed: 20261126, numRuns: RUNS },
    );
  });

  it('a deadline rule ("entered only within D days of the start") is violated exactly when the search can enter the state after day D', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(10), (regions, pick, days) => {
        const machine = buildRandom(regions);
        const tag = tagOf(regions, pick);
        const rule = adHoc('not-late', onlyWithin({ target: entering(tag), since: isStart, message: `${tag} entered late` })(days));
        const [result] = checkMachine(generated(machine), version, [rule], { stepper: 'verify' });
        const late = dayByDayWatch(machine, undefined, events, enteredAfter(tag, days));
        expect(result?.status).toBe(late ? 'violated' : 'proved');
        if (late) expect(result?.counterexample?.at(-1)?.day).toBeGreaterThan(days);
      }),
      { seed: 20261127, numRuns: RUNS },
    );
  });

  it('a timed response ("after entering T, enter R within N days") is violated exactly when the search can let N + 1 days pass without R', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(), fc.nat(6), (regions, pickT, pickR, days) => {
        const machine = buildRandom(regions);
        const [trigger, response] = [tagOf(regions, pickT), tagOf(regions, pickR)];
        const rule = adHoc('respond', respondWithin({ trigger: entering(trigger), response: entering(response), message: `no ${response} in time` })(days));
        const [result] = checkMachine(generated(machine), version, [rule], { stepper: 'verify' });
        const missed = dayByDayWatch(machine, undefined, events, missedResponse(trigger, response, days));
        expect(result?.status).toBe(missed ? 'violated' : 'proved');
      }),
      { seed: 20261128, numRuns: RUNS },
    );
  });

  it('termination is violated exactly when the search reaches a state from which no outcome (`closed`) can be reached', () => {
    fc.assert(
      fc.property(randomRegions, (regions) => {
        const machine = buildRandom(regions);
        const [result] = checkMachine(generated(machine), version, [adHoc('ends', terminates())]);
        expect(result?.status).toBe(stuckSomewhere(machine, undefined, events) ? 'violated' : 'proved');
      }),
      { seed: 20261129, numRuns: RUNS },
    );
  });

  it('clockless rules run over the graph: an invariant and a precedence rule are violated exactly when the search finds a run that breaks them', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(), (regions, pickA, pickB) => {
        const machine = buildRandom(regions);
        const [a, b] = [tagOf(regions, pickA), tagOf(regions, pickB)];
        const rules = [
          adHoc('apart', never((s) => s.hasTag(a) && s.hasTag(b) && a !== b, `${a} with ${b}`)),
          adHoc('order', precedence({ target: entering(a), after: entering(b), message: `${a} before ${b}` })),
        ];
        const [apart, order] = checkMachine(generated(machine), version, rules);
        const together = a !== b && dayByDayWatch(machine, undefined, events, reachesBoth(a, b));
        expect(apart?.status).toBe(together ? 'violated' : 'proved');
        expect(order?.status).toBe(dayByDayWatch(machine, undefined, events, enteredBefore(a, b)) ? 'violated' : 'proved');
      }),
      { seed: 20261130, numRuns: RUNS },
    );
  });

  it('a state budget never turns into a wrong verdict: each rule is left inconclusive or gets the verdict of the full search', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(6), fc.integer({ min: 1, max: 40 }), (regions, pick, days, maxStates) => {
        const machine = buildRandom(regions);
        const tag = tagOf(regions, pick);
        const rules = [
          adHoc('late', onlyWithin({ target: entering(tag), since: isStart, message: 'late' })(days)),
          adHoc('early', notWithin({ target: entering(tag), since: isStart, message: 'early' })(days)),
          adHoc('ends', terminates()),
          adHoc('never', never((s) => s.hasTag(tag), 'reached')),
        ];
        const full = checkMachine(generated(machine), version, rules);
        const cut = checkMachine(generated(machine), version, rules, { maxStates });
        cut.forEach((r, i) => {
          if (r.status === 'inconclusive') expect(r.frontier).toBeGreaterThan(0);
          else expect(r.status).toBe(full[i]?.status);
        });
      }),
      { seed: 20261131, numRuns: RUNS },
    );
  });

  it('a counterexample is a shortest one: as few steps as any run that breaks the rule, over the graph and in the timed product', () => {
    fc.assert(
      fc.property(randomRegions, fc.nat(), fc.nat(6), (regions, pick, days) => {
        const machine = buildRandom(regions);
        const tag = tagOf(regions, pick);
        const goal = (s: { hasTag: (t: string) => boolean }) => s.hasTag(tag);
        const rules = [adHoc('never', never(goal, 'reached')), adHoc('never-timed', notWithin({ target: entering(tag), since: isStart, message: 'early' })(days))];
        const [onGraph, timed] = checkMachine(generated(machine), version, rules);
        const fewest = fewestSteps(machine, undefined, events, goal);
        expect(onGraph?.status).toBe(fewest === null ? 'proved' : 'violated');
        if (fewest !== null) expect((onGraph?.counterexample?.length ?? 0) - 1).toBe(fewest);
        const fewestEarly = fewestStepsToBreak(machine, undefined, events, enteredWithin(tag, days));
        expect(timed?.status).toBe(fewestEarly === null ? 'proved' : 'violated');
        if (fewestEarly !== null) expect((timed?.counterexample?.length ?? 0) - 1).toBe(fewestEarly);
      }),
      { seed: 20261132, numRuns: RUNS },
    );
  });
});
