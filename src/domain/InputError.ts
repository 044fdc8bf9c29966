import type { z } from 'zod';
import { ISO_DATE_PATTERN } from './date.ts';
import { didYouMean } from './didYouMean.ts';

/**
 * What kind of input was wrong; the CLI exits 2 on any of them. `keyReused`: an idempotency key
 * sent again with a different event (the case service answers 409).
 */
export type InputErrorReason = 'unknownKind' | 'unknownPolicy' | 'badJson' | 'invalid' | 'timeWentBack' | 'noPolicyVersion' | 'unreadableFile' | 'unknownCase' | 'unknownToken' | 'unreachable' | 'usage' | 'keyReused';

/**
 * Bad input, named precisely: which field, what value, how to fix it. Thrown before anything is
 * applied, so a rejected input never leaves work half done.
 */
export class InputError extends Error {
  readonly reason: InputErrorReason;
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;

  constructor(reason: InputErrorReason, field: string, value: unknown, problem: string, fix: string) {
    super(`${field}: ${problem} (got ${show(value)}). Fix: ${fix}`);
    this.name = 'InputError';
    this.reason = reason;
    this.field = field;
    this.value = value;
    this.problem = problem;
    this.fix = fix;
  }
}

/** The first zod issue as an `InputError`, with the field path prefixed by `where`. */
export function fromZod(error: z.ZodError, input: unknown, where: string): InputError {
  const misspelt = misspeltKey(error.issues);
  if (misspelt) {
    const { at, key, meant } = misspelt;
    return new InputError('invalid', fieldName([...at, key], where), valueAt(input, [...at, key]), `is not a field here; did you mean ${meant}?`, `rename ${key} to ${meant}`);
  }
  const issue = error.issues[0];
  if (!issue) return new InputError('invalid', where, input, 'is not valid', 'check it against the schema in README.md');
  const discriminator = (issue as { discriminator?: unknown }).discriminator;
  if (issue.code === 'invalid_union' && typeof discriminator === 'string') {
    // A discriminated union (an event's `type`): name that field and the nearest of its values, not all of them.
    const path = issue.path.at(-1) === discriminator ? issue.path : [...issue.path, discriminator];
    const given = valueAt(input, path);
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const meant = typeof given === 'string' ? didYouMean(given, options) : undefined;
    return new InputError('invalid', fieldName(path, where), given, given === undefined ? 'is missing' : 'is not one of the types this takes', meant ? `did you mean "${meant}"?` : `use one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
  }
  const value = valueAt(input, issue.path);
  const missing = issue.code === 'invalid_type' && value === undefined;
  return new InputError('invalid', fieldName(issue.path, where), value, missing ? 'is missing' : problemOf(issue), missing ? `give ${article(expected(issue))}` : fixFor(issue));
}

/** The field path as people write it, prefixed by `where`: `request.target.usPerson`, `steps[2]`, `sources["notice.x"]`. */
function fieldName(path: readonly PropertyKey[], where: string): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    // A record key such as a policy source's "notice.objectionWindow" is one key, not a path.
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `${acc}[${JSON.stringify(name)}]`;
    return acc ? `${acc}.${name}` : name;
  }, where);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.map(String).reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), input);
}

/**
 * A key zod did not recognise beside a field it found missing in the same object, when the one is
 * a misspelling of the other (`recievedOn` for `receivedOn`): the typo is the problem, not the gap.
 */
function misspeltKey(issues: readonly z.core.$ZodIssue[]): { at: PropertyKey[]; key: string; meant: string } | undefined {
  const parent = (path: readonly PropertyKey[]) => JSON.stringify(path.map(String));
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const gaps = issues.filter((i) => i.code === 'invalid_type' && i.path.length === issue.path.length + 1 && parent(i.path.slice(0, -1)) === parent(issue.path) && / received undefined$/.test(i.message));
    const names = gaps.map((g) => String(g.path.at(-1)));
    for (const key of issue.keys) {
      const meant = didYouMean(key, names);
      if (meant) return { at: [...issue.path], key, meant };
    }
  }
  return undefined;
}

const expected = (issue: z.core.$ZodIssue) => (issue.code === 'invalid_type' ? (issue.expected === 'int' ? 'whole number' : issue.expected) : 'value');
const article = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** zod's message, but a whole number called one rather than an int. */
function problemOf(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' && issue.expected === 'int' ? 'is not a whole number' : issue.message;
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `give ${article(expected(issue))}`;
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; see README.md for the fields`;
    case 'too_small':
      return issue.inclusive === false ? `give more than ${String(issue.minimum)}` : `give at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.inclusive === false ? `give less than ${String(issue.maximum)}` : `give at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern === String(ISO_DATE_PATTERN) ? 'write it like 2026-03-01: four-digit year, two-digit month, two-digit day' : issue.message;
    case 'custom':
      // A refinement names its fix in `params.fix`; else its message is the whole story.
      return (issue.params as { fix?: string } | undefined)?.fix ?? issue.message;
    default:
      return issue.message;
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
