import type { z } from 'zod';
import { MachineEvent } from '../domain/events.ts';
import { InputError } from '../domain/InputError.ts';

/** Values to try for payload fields a schema cannot enumerate (strings, numbers), by event type and field. */
export type DeclaredValues = Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every value a field schema allows, or undefined when it cannot be enumerated. */
function fieldValues(schema: z.ZodType): unknown[] | undefined {
  const d = def(schema);
  switch (d.type) {
    case 'enum':
      return Object.values(d.entries ?? {});
    case 'literal':
      return d.values;
    case 'boolean':
      return [false, true];
    case 'nullable': {
      const inner = fieldValues(d.innerType as z.ZodType);
      return inner && [null, ...inner];
    }
    case 'optional': {
      const inner = fieldValues(d.innerType as z.ZodType);
      return inner && [undefined, ...inner];
    }
    case 'array': {
      const items = fieldValues(d.element as z.ZodType);
      if (!items || items.length > 8) return undefined;
      return subsets(items);
    }
    default:
      return undefined;
  }
}

/** Non-empty subsets, in a stable order (by size, then by position). */
function subsets(items: unknown[]): unknown[][] {
  const out: unknown[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => a.length - b.length);
}

/**
 * Every concrete event of the given vocabulary types: payload fields that are enums, booleans,
 * literals or arrays of enums are enumerated from the zod schema; strings and numbers come from
 * `declared` (values declared next to the machine, e.g. its challenge route ids). Values
 * `declared` gives for a field replace the schema's for that field, so a machine can try fewer
 * (the catalogue's distinct disclosures, not every subset of categories). A field that can be
 * neither is an error naming the event, the field and the fix. An event outside the vocabulary
 * gets the fields and values `declared` gives it, or none.
 *
 * @example
 * eventVariants(['review.completed'], {}) // four events, one per finding
 * eventVariants(['data.disclosed'], { 'data.disclosed': { categories: [['content']] } }) // one event
 */
export function eventVariants(types: readonly string[], declared: DeclaredValues): { type: string }[] {
  const out: { type: string }[] = [];
  for (const type of types) {
    const schema = MachineEvent.options.find((o) => o.shape.type.value === type);
    if (!schema) {
      // An event of the machine's own: only the values declared for it, field by field.
      let own: Record<string, unknown>[] = [{ type }];
      for (const [field, values] of Object.entries(declared[type] ?? {})) own = own.flatMap((p) => values.map((v) => (v === undefined ? p : { ...p, [field]: v })));
      out.push(...(own as { type: string }[]));
      continue;
    }
    let partial: Record<string, unknown>[] = [{ type }];
    for (const [field, fieldSchema] of Object.entries(schema.shape)) {
      if (field === 'type') continue;
      const values = declared[type]?.[field] ?? fieldValues(fieldSchema as z.ZodType);
      if (!values) {
        // In an optional field, `undefined` stands for the field left out (a gag without `days` is open-ended).
        const absent = (fieldSchema as z.ZodType).safeParse(undefined).success ? `; list undefined among them to try the event without it, e.g. [undefined, 30]` : '';
        throw new InputError('invalid', `meta.alphabet["${type}"].${field}`, undefined, 'is needed: the schema cannot list the values to try', `declare them next to the machine, e.g. meta: { alphabet: { "${type}": { "${field}": [...] } } }${absent}`);
      }
      partial = partial.flatMap((p) => values.map((v) => (v === undefined ? p : { ...p, [field]: v })));
    }
    out.push(...(partial as { type: string }[]));
  }
  return out;
}
