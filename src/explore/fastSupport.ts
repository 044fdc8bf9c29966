import type { AnyStateMachine } from 'xstate';
import type { ChartNode } from './statechartSets.ts';

const PORTED_BUILTINS = new Set(['xstate.assign', 'xstate.raise', 'xstate.cancel', 'xstate.log']);

/**
 * Why `fastStepper` cannot step this machine (a history state, an invoked actor, an output, an
 * action such as `sendTo`, `spawnChild` or `enqueueActions`), or null when it can. Plain
 * function actions and named actions without an implementation are fine: XState only hands
 * them to its executor, and so does the port.
 *
 * @example
 * unsupportedFeature(subpoenaMachine); // null
 * unsupportedFeature(machineWithHistory); // 'state #m.a is a history state'
 */
export function unsupportedFeature(machine: AnyStateMachine): string | null {
  const actions = machine.implementations.actions as Record<string, unknown>;
  const actionProblem = (action: unknown): string | null => {
    const named = action as string | { type: string };
    const resolved = typeof action === 'function' ? action : actions[typeof named === 'string' ? named : named.type];
    if (typeof resolved !== 'function' || !('resolve' in resolved)) return null;
    const type = (resolved as { type?: string }).type ?? '?';
    return PORTED_BUILTINS.has(type) ? null : `action ${type}`;
  };
  const walk = (node: ChartNode): string | null => {
    if (!['atomic', 'compound', 'parallel', 'final'].includes(node.type)) return `state #${node.id} is a ${node.type} state`;
    if (node.invoke.length) return `state #${node.id} invokes an actor`;
    if (node.output !== undefined) return `state #${node.id} has an output`;
    const lists = [node.entry, node.exit, node.initial.actions, ...[...node.transitions.values(), node.always ?? []].flat().map((t) => t.actions)];
    for (const list of lists) {
      for (const action of list) {
        const problem = actionProblem(action);
        if (problem) return `state #${node.id} uses ${problem}`;
      }
    }
    for (const child of Object.values(node.states)) {
      const problem = walk(child);
      if (problem) return problem;
    }
    return null;
  };
  return walk(machine.root as unknown as ChartNode);
}
