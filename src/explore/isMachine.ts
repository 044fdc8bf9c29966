import type { AnyStateMachine } from 'xstate';

/**
 * What an XState v5 machine has and the checker uses: a root state node that points back at it,
 * with its list of events, and the functions to start and step it. An object with a few of
 * these fields (an XState v4 machine, a state node, a hand-made imitation) is not one.
 *
 * @example
 * isMachine(setup({}).createMachine({})); // true
 * isMachine(machine.root);                // false: a state node
 */
export function isMachine(value: unknown): value is AnyStateMachine {
  try {
    const machine = value as AnyStateMachine;
    const root = typeof value === 'object' && value !== null ? (machine.root as unknown) : undefined;
    if (typeof root !== 'object' || root === null || machine.root.machine !== value || !Array.isArray(machine.root.events)) return false;
    return ['transition', 'microstep', 'getInitialSnapshot', 'provide', 'resolveState'].every((f) => typeof (machine as unknown as Record<string, unknown>)[f] === 'function');
  } catch {
    // A getter or proxy that throws when read is no machine either.
    return false;
  }
}
