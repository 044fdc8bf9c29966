import type { AnyStateMachine } from 'xstate';
import { CATALOGUE } from '../../../machines/catalogue.ts';
import { CHECK_DATE } from '../../../machines/lifecycle/demandInputs.ts';
import { cloudflare } from '../../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../../src/policy/withPolicy.ts';
import { statechartModel } from '../../../src/viz/statechartModel.ts';
import type { StatechartJson } from '../../../src/viz/StatechartJson.ts';

/** One catalogue kind drawn under Cloudflare's policy, as `dueprocess viz` draws it by default. */
export interface KindChart {
  kind: string;
  machine: AnyStateMachine;
  chart: StatechartJson;
}

const version = policyVersionAt(cloudflare, CHECK_DATE);

/** Every catalogue kind's statechart model under Cloudflare's policy. */
export const KIND_CHARTS: readonly KindChart[] = CATALOGUE.map((entry) => {
  const machine = withPolicy(entry.machine, version);
  return { kind: entry.kind, machine, chart: statechartModel(machine, { id: cloudflare.id, version: version.title }, version.sources) };
});

/** Every state node of a machine, root included, as `path joined by "."`. */
export function stateNodeIds(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: AnyStateMachine['root']) => {
    out.push(node.path.length ? node.path.join('.') : '(root)');
    Object.values(node.states).forEach(walk);
  };
  walk(machine.root);
  return out;
}
