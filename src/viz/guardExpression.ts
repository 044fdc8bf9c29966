import { and, not, or, stateIn, type AnyStateMachine } from 'xstate';
import { ROOT_ID } from './StatechartJson.ts';

interface Composed {
  check?: unknown;
  guards?: unknown[];
  stateValue?: unknown;
}

const checkOf = (g: unknown) => (g as Composed).check;
const AND = checkOf(and([]));
const OR = checkOf(or([]));
const NOT = checkOf(not('x'));
const IN = checkOf(stateIn('x'));

/** Operator strength, so only the parentheses that are needed are written. */
type Written = { text: string; strength: 0 | 1 | 2 };

/**
 * A transition guard written out as an expression over guard names: `!`, `&&`, `||` and
 * SCXML's `In('state.id')`, with parameters as JSON. Null when there is no guard.
 *
 * @example
 * guardExpression(and(['policyRetains', stateIn('#subpoena.secrecy.inForce')]), subpoenaMachine)
 * // "policyRetains && In('secrecy.inForce')"
 */
export function guardExpression(guard: unknown, machine: AnyStateMachine): string | null {
  return guard === undefined || guard === null ? null : write(guard, machine).text;
}

function write(guard: unknown, machine: AnyStateMachine): Written {
  if (typeof guard === 'string') return { text: guard, strength: 2 };
  const check = checkOf(guard);
  const parts = ((guard as Composed).guards ?? []).map((g) => write(g, machine));
  if (typeof guard === 'function' && check === AND) return joined(parts, ' && ', 1);
  if (typeof guard === 'function' && check === OR) return joined(parts, ' || ', 0);
  if (typeof guard === 'function' && check === NOT) return { text: `!${wrap(parts[0] ?? { text: 'true', strength: 2 }, 2)}`, strength: 2 };
  if (typeof guard === 'function' && check === IN) return { text: `In(${quote(stateId((guard as Composed).stateValue, machine))})`, strength: 2 };
  if (guard && typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
    const params = 'params' in guard ? guard.params : undefined;
    if (params === undefined) return { text: guard.type, strength: 2 };
    return { text: `${guard.type}(${typeof params === 'function' ? '…' : JSON.stringify(params)})`, strength: 2 };
  }
  return { text: 'inline guard', strength: 2 };
}

function joined(parts: Written[], op: string, strength: 0 | 1): Written {
  if (parts.length === 0) return { text: strength === 1 ? 'true' : 'false', strength: 2 };
  return { text: parts.map((p) => wrap(p, strength)).join(op), strength };
}

function wrap(part: Written, strength: number): string {
  return part.strength < strength ? `(${part.text})` : part.text;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `#machine.a.b` as the chart’s node id `a.b`; other state values as JSON. */
function stateId(value: unknown, machine: AnyStateMachine): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (!value.startsWith('#')) return value;
  try {
    const node = machine.getStateNodeById(value.slice(1));
    return node.path.length ? node.path.join('.') : ROOT_ID;
  } catch {
    return value;
  }
}
