import { findKind, unknownKind } from '../../machines/catalogue.ts';
import { eventAsOf } from '../domain/eventAsOf.ts';
import { dayNumber } from '../domain/date.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyRegistry } from '../policy/policyRegistry.ts';
import { resolvePolicy } from '../policy/resolvePolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { observe } from '../scenarios/observe.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../time/TimedRun.ts';
import type { CaseAdapter } from './CaseAdapter.ts';

/**
 * The model itself as a system under test: each case is a whole-day run of the kind's machine
 * under the policy version in force on receipt, the policy found by id among the built-in ones
 * and a provider's own `policies`. A generated suite passes against it by construction, which
 * makes it the reference point when a suite fails elsewhere.
 *
 * @example
 * await runScenario(modelAdapterFor({ acme }), 'acme', scenario); // scenarios written under acme's policy
 */
export function modelAdapterFor(policies: Readonly<Record<string, ProviderPolicy>> = {}): CaseAdapter {
  const registry = policyRegistry(policies);
  return {
    name: 'the model',
    open(request, policy) {
      const kind = (request as { kind?: unknown }).kind;
      const entry = typeof kind === 'string' ? findKind(kind) : undefined;
      if (!entry) throw unknownKind('request.kind', kind, 'open a request of a catalogue kind');
      const profile = resolvePolicy(policy, 'policy', registry);
      const parsed = entry.requestSchema.parse(request);
      const day0 = dayNumber(parsed.receivedOn);
      let run: TimedRun = startRun(withPolicy(entry.machine, policyVersionAt(profile, parsed.receivedOn)), parsed, 0);
      return {
        send(event, on) {
          const result = sendEvent(run, dayNumber(on) - day0, eventAsOf(event, on));
          run = result.run;
          return { accepted: result.ok };
        },
        endDay(on) {
          run = advanceTo(run, dayNumber(on) - day0, true);
        },
        observe: () => observe(run, day0),
      };
    },
  };
}

/**
 * The model under the built-in policies: `modelAdapterFor()`.
 *
 * @example
 * await runScenario(modelAdapter, 'cloudflare', scenario); // never throws for a committed scenario
 */
export const modelAdapter: CaseAdapter = modelAdapterFor();
