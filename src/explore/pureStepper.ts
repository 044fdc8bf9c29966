import { type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyTransitionDefinition, createEmptyActor, type StateValue } from 'xstate';

type Action = { type: string; params?: unknown };

/**
 * XState's pure `initialTransition` / `transition`, with one inert actor scope made per machine
 * instead of per call. `transition()` builds a whole actor each time (its constructor computes
 * the initial state), which is most of its cost; the machine's own `transition(snapshot, event,
 * scope)` is what it then calls, and that is what this calls too. The scope's actor is XState's
 * empty actor, as xstate/graph's is: making an actor of the machine itself would compute its
 * initial state for nothing. Actions are collected, never
 * run; the transitions each microstep took (eventless ones included), and the states passed
 * through on the way (every microstep's but the last, which is the step's own), are collected from
 * the inspection events XState sends to the scope's system. A start's first microstep, into the
 * initial states, sends none, so that state is rebuilt from the chart (`initialEntry`).
 */
export function pureStepper(machine: AnyStateMachine) {
  const self = createEmptyActor();
  let collected: Action[] = [];
  let taken: AnyTransitionDefinition[] = [];
  let first: AnyTransitionDefinition[] | null = null;
  let microstates: AnyMachineSnapshot[] = [];
  const system = Object.create(self.system, {
    _sendInspectionEvent: {
      value: (e: { type: string; _transitions?: AnyTransitionDefinition[]; snapshot?: AnyMachineSnapshot }) => {
        if (e.type !== '@xstate.microstep' || !e._transitions) return;
        first ??= e._transitions;
        taken.push(...e._transitions);
        if (e.snapshot) microstates.push(e.snapshot);
      },
    },
  }) as typeof self.system;
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system,
    emit: () => {},
    actionExecutor: (action: Action) => void collected.push(action),
  } as unknown as AnyActorScope;
  const run = (fn: () => AnyMachineSnapshot): [AnyMachineSnapshot, Action[], AnyTransitionDefinition[], AnyMachineSnapshot[]] => {
    collected = [];
    taken = [];
    first = null;
    microstates = [];
    const snapshot = fn();
    return [snapshot, collected, taken, microstates.slice(0, -1)];
  };
  return {
    initial: (input: unknown) => {
      const step = run(() => machine.getInitialSnapshot(scope, input));
      // XState reports no microstep for the entry into the initial states: when more followed, that state was passed through too.
      const entered = microstates.length ? initialEntry(machine, (microstates[0] as AnyMachineSnapshot).context) : null;
      return entered ? ([step[0], step[1], step[2], [entered, ...step[3]]] as typeof step) : step;
    },
    next: (snapshot: AnyMachineSnapshot, event: { type: string }) => run(() => machine.transition(snapshot, event, scope)),
    /**
     * `next`, or null when the event selects no transition that moves or acts: XState's own
     * `snapshot.can(event)` test, read off the step's first microstep instead of computed twice.
     */
    taken: (snapshot: AnyMachineSnapshot, event: { type: string }) => {
      const result = run(() => machine.transition(snapshot, event, scope));
      const selected = first as AnyTransitionDefinition[] | null;
      return selected?.some((t) => t.target !== undefined || t.actions.length > 0) ? result : null;
    },
  };
}

type ChartNode = { type: string; key: string; states: Record<string, ChartNode>; initial?: { target?: readonly ChartNode[] } };

/** The state value entered by default below a node: each compound state's initial child, every region of a parallel one. */
function valueBelow(node: ChartNode): StateValue {
  if (node.type === 'parallel') return Object.fromEntries(Object.values(node.states).map((c) => [c.key, valueBelow(c)]));
  const child = node.type === 'compound' ? node.initial?.target?.[0] : undefined;
  if (!child) return {};
  return child.type === 'compound' || child.type === 'parallel' ? { [child.key]: valueBelow(child) } : child.key;
}

/**
 * The snapshot of a machine's initial states as its first microstep enters them, with `context`
 * (the state before any `always` moves on); null where the chart's initial targets are not plain
 * children, which the rebuild does not follow.
 */
function initialEntry(machine: AnyStateMachine, context: unknown): AnyMachineSnapshot | null {
  try {
    return machine.resolveState({ value: valueBelow(machine.root as unknown as ChartNode), context } as never);
  } catch {
    return null;
  }
}

const steppers = new WeakMap<AnyStateMachine, ReturnType<typeof pureStepper>>();

/** The shared stepper of a machine, made on first use. */
export function stepperOf(machine: AnyStateMachine): ReturnType<typeof pureStepper> {
  let stepper = steppers.get(machine);
  if (!stepper) steppers.set(machine, (stepper = pureStepper(machine)));
  return stepper;
}
