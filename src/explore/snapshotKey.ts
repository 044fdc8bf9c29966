import type { AnyMachineSnapshot } from 'xstate';

const texts = new WeakMap<object, string>();

/**
 * JSON with object keys sorted, so equal values always give equal text. Objects are treated as
 * immutable (XState contexts are), so each one is serialised once. A Date, Map or Set is written
 * by its content (`{"$date":…}`, `{"$map":…}`, `{"$set":…}`), not as the `{}` of its own keys.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const known = texts.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (value instanceof Date) {
    text = `{"$date":${JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString())}}`;
  } else if (value instanceof Map) {
    text = `{"$map":[${[...value].map(([k, v]) => `[${stableJson(k)},${stableJson(v)}]`).sort().join(',')}]}`;
  } else if (value instanceof Set) {
    text = `{"$set":[${[...value].map(stableJson).sort().join(',')}]}`;
  } else if (Array.isArray(value)) {
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
 * What identifies a machine state: its state value, its (finite) context, and where its history
 * states would return to. XState builds a state value in the order the machine declares its
 * states, so plain JSON is canonical for it; contexts can gain keys in any order, so they get
 * sorted keys. A machine without history states keeps none, and its key has no third part.
 */
export function snapshotKey(snapshot: AnyMachineSnapshot): string {
  const history = historyOf(snapshot);
  return `${valueJson(snapshot.value)}|${stableJson(snapshot.context)}${history ? `|${stableJson(history)}` : ''}`;
}

/**
 * The states each history state of a snapshot would return to, by their ids; undefined when
 * none has been left yet. Two snapshots alike in value and context but not in this go different
 * ways on a transition into the history state.
 *
 * @example
 * historyOf(snapshot); // { "h.open.hist": ["h.open.b"] }
 */
export function historyOf(snapshot: AnyMachineSnapshot): Record<string, string[]> | undefined {
  const recorded = (snapshot as unknown as { historyValue?: Record<string, readonly { id: string }[]> }).historyValue;
  let out: Record<string, string[]> | undefined;
  for (const key in recorded) (out ??= {})[key] = (recorded[key] ?? []).map((node) => node.id);
  return out;
}
