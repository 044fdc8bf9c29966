import { InputError } from '../domain/InputError.ts';
import { stableJson } from './snapshotKey.ts';

/**
 * Small numbers for plain JSON-like values, equal by content: deeply equal values get equal ids,
 * whatever their key order. A nested object stands in its parent's text as `#id`, so a context
 * that shares its request object with a thousand others costs a short text, not the request's
 * whole serialisation, and each object is read once (values are treated as immutable, as XState
 * contexts are). Unlike `stableJson`, the texts are not JSON and mean nothing outside one
 * `ValueIds`.
 *
 * @example
 * const ids = new ValueIds();
 * ids.of({ a: 1, b: [2] }) === ids.of({ b: [2], a: 1 }); // true
 * ids.any('review') !== ids.any({ review: 'open' }); // true
 */
export class ValueIds {
  private readonly byObject = new WeakMap<object, number>();
  private readonly byText = new Map<string, number>();
  /** Objects whose text is being built: meeting one again is a cycle, which has no text. */
  private readonly open = new Set<object>();
  private readonly keyTexts = new Map<string, string>();

  /** The id of an object or array; an InputError for a value that contains itself (an actor reference does), naming where. */
  of(value: object): number {
    let id = this.byObject.get(value);
    if (id === undefined) {
      if (this.open.has(value)) throw new CyclicValue();
      this.open.add(value);
      let text: string;
      try {
        text = this.text(value);
      } catch (e) {
        // A Map or Set that holds itself overflows the sort of its entries before `open` sees it.
        if (this.open.size === 1 && (e instanceof CyclicValue || e instanceof RangeError)) throw cyclicValueError(value) ?? e;
        throw e;
      } finally {
        this.open.delete(value);
      }
      id = this.byText.get(text);
      if (id === undefined) this.byText.set(text, (id = this.byText.size));
      this.byObject.set(value, id);
    }
    return id;
  }

  /**
   * The id of any value: an object's or array's as `of` gives it, a primitive's by its JSON (an
   * object's text always starts with a bracket, so the two never meet).
   */
  any(value: unknown): number {
    if (value !== null && typeof value === 'object') return this.of(value);
    const text = JSON.stringify(value) ?? 'undefined';
    let id = this.byText.get(text);
    if (id === undefined) this.byText.set(text, (id = this.byText.size));
    return id;
  }

  private part(value: unknown): string {
    if (value !== null && typeof value === 'object') return `#${this.of(value)}`;
    // JSON's own text, without calling JSON for the common cases: a context is read on every new state.
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value === null) return 'null';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return JSON.stringify(value) ?? 'undefined';
  }

  /** `"key":`, made once per key. */
  private keyText(key: string): string {
    let text = this.keyTexts.get(key);
    if (text === undefined) this.keyTexts.set(key, (text = `${JSON.stringify(key)}:`));
    return text;
  }

  private text(value: object): string {
    // Own keys say nothing of these: every Date, Map or Set would be `{}`, and unlike states one.
    if (value instanceof Date) return `D${value.getTime()}`;
    if (value instanceof Map) return `M${this.text([...value].sort(byKeyText))}`;
    if (value instanceof Set) return `S${this.text([...value].sort(byText))}`;
    if (Array.isArray(value)) {
      let text = '[';
      for (let i = 0; i < value.length; i++) text += `${i ? ',' : ''}${this.part(value[i])}`;
      return `${text}]`;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let i = 1; i < keys.length; i++) {
      if ((keys[i - 1] as string) > (keys[i] as string)) {
        keys.sort();
        break;
      }
    }
    let text = '{';
    for (const key of keys) {
      const v = record[key];
      if (v !== undefined) text += `${this.keyText(key)}${this.part(v)},`;
    }
    return `${text}}`;
  }
}

/** Values in the order of their JSON, so equal sets built in any order read the same. */
function byText(a: unknown, b: unknown): number {
  const x = stableJson(a);
  const y = stableJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Map entries in the order of their keys' JSON, likewise. */
function byKeyText(a: [unknown, unknown], b: [unknown, unknown]): number {
  return byText(a[0], b[0]);
}

class CyclicValue extends Error {}

/** Where in `root` a value first contains itself, as a path (`.kids[0]`), and whether it is an actor reference; null when nothing does. */
function cycleIn(root: object): { path: string; actor: boolean } | null {
  const onPath = new Set<object>();
  const walk = (value: unknown, path: string): { path: string; actor: boolean } | null => {
    if (value === null || typeof value !== 'object') return null;
    const actor = typeof (value as { send?: unknown }).send === 'function' && 'sessionId' in value;
    if (actor || onPath.has(value)) return { path, actor };
    onPath.add(value);
    const entries =
      value instanceof Map
        ? [...value].flatMap(([k, v], i) => [[`[entry ${i} key]`, k] as const, [`.get(${JSON.stringify(String(k))})`, v] as const])
        : value instanceof Set
          ? [...value].map((v, i) => [`[member ${i}]`, v] as const)
          : Array.isArray(value)
            ? value.map((v, i) => [`[${i}]`, v] as const)
            : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
    for (const [key, v] of entries) {
      const found = walk(v, path + key);
      if (found) return found;
    }
    onPath.delete(value);
    return null;
  };
  return walk(root, '');
}

function cyclicValueError(root: object): InputError | null {
  const found = cycleIn(root);
  if (!found) return null;
  const { path, actor } = found;
  const field = (root as { '#context'?: unknown })['#context'] !== undefined ? `context (with history)${path}` : `context${path}`;
  return actor
    ? new InputError('invalid', field, 'an actor reference', 'holds a spawned actor: the checker compares states by their context, and an actor is no data', 'start the child with `spawnChild` or `invoke`, which keep it out of the context, and keep context to plain data')
    : new InputError('invalid', field, 'a value that contains itself', 'refers back to itself, so it cannot be compared with another state’s', 'keep context to plain data without cycles');
}
