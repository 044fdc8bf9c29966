import type { AnyStateMachine } from 'xstate';

/** Microsteps one step may take before the explorer calls it a loop that never settles. */
export const MAX_MICROSTEPS = 10_000;

/**
 * Caps a machine's microsteps per step at `MAX_MICROSTEPS` unless it sets a cap of its own.
 * XState steps without end through a loop of eventless transitions when the cap (its
 * `maxIterations`) is infinite, as it is by default; capped, XState and the port both throw, and
 * `machineThrew` names the state and event. It writes to the machine's `options`: a provided
 * copy would give snapshots whose state nodes are not the machine's own.
 *
 * @example
 * capMicrosteps(machine); // machine.options.maxIterations === 10_000
 */
export function capMicrosteps(machine: AnyStateMachine): void {
  const options = (machine as unknown as { options?: { maxIterations?: number } }).options;
  if (options && !Number.isFinite(options.maxIterations)) options.maxIterations = MAX_MICROSTEPS;
}
