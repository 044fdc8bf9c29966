/**
 * The port and XState computed one step differently: a bug in the port, or a machine function
 * (a guard, an assignment) that does not give the same answer twice.
 */
export class StepMismatch extends Error {
  override readonly name = 'StepMismatch';
}

/** How a cache computes steps: through the port where it can (`port`), always through XState, or both, compared. */
export type Stepper = 'port' | 'xstate' | 'verify';

/**
 * Whether a text names a `Stepper`.
 *
 * @example
 * isStepper('verify'); // true
 */
export function isStepper(value: string): value is Stepper {
  return value === 'port' || value === 'xstate' || value === 'verify';
}
