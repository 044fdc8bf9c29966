import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';

type Action = { type: string; params?: unknown };

/**
 * XState's pure `initialTransition` / `transition`, with one inert actor scope made per machine
 * instead of per call. `transition()` builds a whole actor each time (its constructor computes
 * the initial state), which is most of its cost; the machine's own `transition(snapshot, event,
 * scope)` is what it then calls, and that is what this calls too. Actions are collected, never run.
 */
export function pureStepper(machine: AnyStateMachine) {
  const self = createActor(machine);
  let collected: Action[] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: Action) => void collected.push(action),
  } as unknown as AnyActorScope;
  const run = (fn: () => AnyMachineSnapshot): [AnyMachineSnapshot, Action[]] => {
    collected = [];
    const snapshot = fn();
    return [snapshot, collected];
  };
  return {
    initial: (input: unknown) => run(() => machine.getInitialSnapshot(scope, input)),
    next: (snapshot: AnyMachineSnapshot, event: { type: string }) => run(() => machine.transition(snapshot, event, scope)),
  };
}

const steppers = new WeakMap<AnyStateMachine, ReturnType<typeof pureStepper>>();

/** The shared stepper of a machine, made on first use. */
export function stepperOf(machine: AnyStateMachine): ReturnType<typeof pureStepper> {
  let stepper = steppers.get(machine);
  if (!stepper) steppers.set(machine, (stepper = pureStepper(machine)));
  return stepper;
}
