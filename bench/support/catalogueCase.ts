import type { AnyStateMachine } from 'xstate';
import { findKind } from '../../machines/catalogue.ts';
import type { ExploreInput } from '../../src/explore/Exploration.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';

/** A catalogue kind under Cloudflare's policy, with its first (plain) input and its concrete events. */
export interface CatalogueCase {
  kind: string;
  /** A fresh machine each call, so no run reuses another's transition cache. */
  machine: () => AnyStateMachine;
  input: ExploreInput;
  events: { type: string }[];
}

export function catalogueCase(kind: string): CatalogueCase {
  const entry = findKind(kind);
  if (!entry) throw new Error(`catalogue has no ${kind}`);
  const policed = withPolicy(entry.machine, policyVersionAt(cloudflare, '2026-01-15'));
  const types = policed.root.events.filter((t) => !t.startsWith('xstate.'));
  return { kind, machine: () => policed.provide({}), input: entry.inputs[0] as ExploreInput, events: eventVariants(types, entry.alphabet) };
}

/** Outside events the active state nodes listen for, guards aside: what xstate/graph's own default tries. */
export function listenedEvents<E extends { type: string }>(snapshot: unknown, events: readonly E[]): E[] {
  const nodes = (snapshot as { _nodes: { ownEvents: string[] }[] })._nodes;
  const types = new Set(nodes.flatMap((n) => n.ownEvents));
  return events.filter((e) => types.has(e.type));
}
