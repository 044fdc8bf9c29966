import { type AnyStateMachine, and, createMachine, or, stateIn } from 'xstate';

/** A state node's config, as plain data to edit. */
export type StateConfig = Record<string, unknown> & { states?: Record<string, StateConfig>; on?: Record<string, unknown>; after?: Record<string, unknown> };

/**
 * A deep copy of a machine config: plain objects and arrays are copied, everything else
 * (functions such as `and()`/`stateIn()` guards and context factories, class instances) is kept
 * by reference, so the copy behaves like the original until it is edited.
 */
export function cloneConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneConfig(v)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneConfig(v)])) as T;
  }
  return value;
}

/** The state config at a dotted path (`process.compliance`); throws naming the missing step. */
export function stateAt(config: StateConfig, path: string): StateConfig {
  let node = config;
  for (const part of path.split('.').filter(Boolean)) {
    const next = node.states?.[part];
    if (!next) throw new Error(`no state "${part}" on the path "${path}" (have: ${Object.keys(node.states ?? {}).join(', ')})`);
    node = next;
  }
  return node;
}

/**
 * The machine rebuilt from an edited copy of its config, with the same implementations
 * (guards, actions, delays). `edit` changes the copy in place; the original is untouched.
 */
export function mutateMachine(machine: AnyStateMachine, edit: (config: StateConfig) => void, implementations: Partial<AnyStateMachine['implementations']> = {}): AnyStateMachine {
  const config = cloneConfig(machine.config) as StateConfig;
  edit(config);
  const impl = machine.implementations;
  const merged = {
    actors: { ...impl.actors, ...implementations.actors },
    actions: { ...impl.actions, ...implementations.actions },
    guards: { ...impl.guards, ...implementations.guards },
    delays: { ...impl.delays, ...implementations.delays },
  };
  return createMachine(config as never, merged as never) as unknown as AnyStateMachine;
}

/** The machine with the state at `path` edited in place by `edit`. */
export function mutateState(machine: AnyStateMachine, path: string, edit: (state: StateConfig) => void, implementations: Partial<AnyStateMachine['implementations']> = {}): AnyStateMachine {
  return mutateMachine(machine, (config) => edit(stateAt(config, path)), implementations);
}

/** The transitions of `state` for `event`, always as an array of objects (a string target becomes `{ target }`). */
export function transitionsOf(state: StateConfig, event: string): Record<string, unknown>[] {
  const raw = state.on?.[event];
  if (raw === undefined) throw new Error(`the state has no transition for "${event}" (has: ${Object.keys(state.on ?? {}).join(', ')})`);
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((t) => (typeof t === 'string' ? { target: t } : (t as Record<string, unknown>)));
}

type Guard = unknown;
type Combinator = ((...args: never[]) => unknown) & { check?: unknown; guards?: Guard[] };

const OR_CHECK = (or([]) as unknown as Combinator).check;
const STATE_IN_CHECK = (stateIn('#x') as unknown as Combinator).check;

/** Whether a guard is an `or([...])`. */
export const isOr = (g: Guard): boolean => typeof g === 'function' && (g as Combinator).check === OR_CHECK;
/** Whether a guard is a `stateIn(...)`. */
export const isStateIn = (g: Guard): boolean => typeof g === 'function' && (g as Combinator).check === STATE_IN_CHECK;
/** Whether a guard is the named guard (as a string or `{ type }`). */
export const isNamed =
  (name: string) =>
  (g: Guard): boolean =>
    g === name || (typeof g === 'object' && g !== null && (g as { type?: unknown }).type === name);

/** The parts of an `and([...])` guard; throws when the guard is not one. */
export function andParts(guard: Guard): Guard[] {
  const parts = typeof guard === 'function' ? (guard as Combinator).guards : undefined;
  if (!Array.isArray(parts) || isOr(guard)) throw new Error('expected an and([...]) guard');
  return parts;
}

/** The `and([...])` guard without the parts `drop` matches; throws unless exactly `count` parts were dropped. */
export function withoutParts(guard: Guard, drop: (g: Guard) => boolean, count = 1): Guard {
  const parts = andParts(guard);
  const kept = parts.filter((g) => !drop(g));
  if (parts.length - kept.length !== count) throw new Error(`expected to drop ${count} guard part(s), matched ${parts.length - kept.length}`);
  return and(kept as never);
}
