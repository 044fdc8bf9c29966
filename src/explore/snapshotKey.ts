import type { AnyMachineSnapshot } from 'xstate';

const texts = new WeakMap<object, string>();

/**
 * JSON with object keys sorted, so equal values always give equal text. Objects are treated as
 * immutable (XState contexts are), so each one is serialised once.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const known = texts.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map(stableJson).join(',')}]`;
  } else {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  texts.set(value, text);
  return text;
}

const valueTexts = new WeakMap<object, string>();

/** `JSON.stringify` of a state value, remembered per value object (XState never changes one in place). */
export function valueJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  let text = valueTexts.get(value);
  if (text === undefined) valueTexts.set(value, (text = JSON.stringify(value)));
  return text;
}

/**
 * What identifies a machine state: its state value and its (finite) context. XState builds a
 * state value in the order the machine declares its states, so plain JSON is canonical for it;
 * contexts can gain keys in any order, so they get sorted keys.
 */
export function snapshotKey(snapshot: AnyMachineSnapshot): string {
  return `${valueJson(snapshot.value)}|${stableJson(snapshot.context)}`;
}
