import type { z } from 'zod';
import { ISO_DATE_PATTERN } from './date.ts';

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
  const issue = error.issues[0];
  if (!issue) return new InputError('invalid', where, input, 'is not valid', 'check it against the schema in README.md');
  const path = issue.path.map(String);
  const field = issue.path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    // A record key such as a policy source's "notice.objectionWindow" is one key, not a path.
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `${acc}[${JSON.stringify(name)}]`;
    return acc ? `${acc}.${name}` : name;
  }, where);
  const value = path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), input);
  return new InputError('invalid', field, value, issue.message, fixFor(issue));
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `give ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
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
