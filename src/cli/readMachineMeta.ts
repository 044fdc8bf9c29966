import { KIND_NAMES, unknownKind } from '../../machines/catalogue.ts';
import type { AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { didYouMean } from '../domain/didYouMean.ts';
import { MachineEvent, SENT_ONLY_FIELDS } from '../domain/events.ts';
import { DemandRequest } from '../domain/request.ts';
import { fromZod, InputError } from '../domain/InputError.ts';
import type { DeclaredValues } from '../explore/eventVariants.ts';
import type { ExploreInput } from '../explore/Exploration.ts';
import { outsideEvents } from '../explore/outsideEvents.ts';
import { checkServedGag } from '../domain/gagTerm.ts';

const MachineMeta = z.object({
  kind: z.string().min(1).optional(),
  inputs: z.array(z.object({ name: z.string().min(1), input: z.unknown() })).min(1).optional(),
  alphabet: z.record(z.string(), z.record(z.string(), z.array(z.unknown()).min(1))).optional(),
});

/** What a user machine's root `meta` declares for the checker, with the defaults filled in. */
export interface MachineMeta {
  kind?: string;
  inputs: ExploreInput[];
  declared: DeclaredValues;
}

/**
 * Reads and checks a user machine's root `meta`: `kind` must be a catalogue kind (a misspelt one
 * would quietly turn off the rules tied to it), `inputs` a list of differently named requests,
 * and `alphabet` values for events the machine listens for, under fields those events have, each
 * one a value the field allows. Anything else is an InputError naming the field and the fix.
 *
 * @example
 * readMachineMeta(machine).inputs; // [{ name: 'default', input: undefined }] when meta declares none
 */
export function readMachineMeta(machine: AnyStateMachine): MachineMeta {
  const raw = machine.root.meta ?? {};
  misspelt(raw, Object.keys(MachineMeta.shape), 'meta', 'is not a field the checker reads, so it would be ignored');
  const parsed = MachineMeta.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, raw, 'meta');
  const { kind, inputs = [{ name: 'default', input: undefined }], alphabet = {} } = parsed.data;
  if (kind !== undefined && !KIND_NAMES.includes(kind)) {
    throw unknownKind('meta.kind', kind, `use one of ${KIND_NAMES.join(', ')}, or leave it out`, 'is not a kind in the catalogue, so the rules tied to a kind would not apply');
  }
  inputs.forEach(({ name, input }, i) => {
    if (inputs.findIndex((x) => x.name === name) < i) throw new InputError('invalid', `meta.inputs[${i}].name`, name, 'is the name of an earlier input too', 'give each input its own name');
    checkRequestFields(input, `meta.inputs[${i}].input`);
  });
  const events = outsideEvents(machine);
  for (const [type, fields] of Object.entries(alphabet)) {
    if (!events.includes(type)) throw new InputError('invalid', `meta.alphabet["${type}"]`, fields, 'is not an event this machine listens for', `declare values only for its events: ${events.join(', ') || 'it has none'}`);
    const shape = MachineEvent.options.find((o) => o.shape.type.value === type)?.shape as Record<string, z.ZodType> | undefined;
    if (!shape) continue;
    for (const [field, values] of Object.entries(fields)) {
      const schema = field === 'type' ? undefined : shape[field];
      if (SENT_ONLY_FIELDS[type]?.includes(field)) throw new InputError('invalid', `meta.alphabet["${type}"].${field}`, values, 'never reaches a machine: a dated order is turned into its days left before a step (eventAsOf)', 'declare the days left to try instead (days)');
      if (!schema) throw new InputError('invalid', `meta.alphabet["${type}"].${field}`, values, `is not a field of ${type}`, fieldsOf(shape));
      values.forEach((value, i) => {
        const check = schema.safeParse(value);
        if (!check.success) throw fromZod(check.error, value, `meta.alphabet["${type}"].${field}[${i}]`);
      });
    }
  }
  return { ...(kind ? { kind } : {}), inputs, declared: alphabet };
}

const REQUEST_FIELDS = DemandRequest.shape as Record<string, z.ZodType>;

/**
 * The request fields rules read (`categories`, `dataAgeDays`, `target`, `usProcess`…) must have
 * a request's types where an input gives them, and a key one or two letters off such a field is
 * taken for a misspelling; other keys are the machine's own business. A served gag order's dates
 * are checked against the receipt, as every intake does (`SERVED_GAG_CHECKS`).
 */
function checkRequestFields(input: unknown, path: string): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
  misspelt(input as Record<string, unknown>, Object.keys(REQUEST_FIELDS), path, 'is not a request field, so the rules would not read it');
  for (const [field, value] of Object.entries(input)) {
    const schema = REQUEST_FIELDS[field];
    const check = schema?.safeParse(value);
    if (check && !check.success) throw fromZod(check.error, value, `${path}.${field}`);
  }
  checkServedGag(input, path);
}

/** A key that is not one of `known` but one or two letters off one is an InputError naming it. */
function misspelt(object: Record<string, unknown>, known: readonly string[], path: string, problem: string): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const meant = didYouMean(key, known);
    if (meant) throw new InputError('invalid', `${path}.${key}`, object[key], problem, `did you mean ${meant}?`);
  }
}

function fieldsOf(shape: Record<string, z.ZodType>): string {
  const fields = Object.keys(shape).filter((f) => f !== 'type');
  return fields.length ? `its fields are ${fields.join(', ')}` : 'it has no payload fields: leave it out of meta.alphabet';
}
