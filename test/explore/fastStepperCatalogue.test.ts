import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { exploreSteps } from '../../src/explore/exploreSteps.ts';
import { TransitionCache } from '../../src/explore/transitionCache.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';

/**
 * The proof of the port on what it proves things about: every step the checker's exact graph
 * takes, on every kind under every built-in policy, computed by `fastStepper` and by XState, must
 * agree on the next state, its actions and the transitions taken (`verify` throws otherwise),
 * and none may fall back to XState.
 */
describe.each(Object.entries(POLICIES))('fastStepper on the catalogue under %s', (_name, policy) => {
  it.each(CATALOGUE.map((e) => [e.kind, e] as const))('%s: every step agrees with XState', (_kind, entry) => {
    const machine = withPolicy(entry.machine, policyVersionAt(policy, CHECK_DATE));
    const events = eventVariants(machine.root.events.filter((t) => !t.startsWith('xstate.')), entry.alphabet);
    const cache = new TransitionCache(machine, 'verify');
    const run = exploreSteps(cache, { inputs: entry.inputs, events, subsumption: false, links: true });
    expect(run.complete).toBe(true);
    expect(cache.portedSteps).toBeGreaterThan(0);
    expect(cache.portedSteps + entry.inputs.length).toBe(cache.transitions);
  });
});
