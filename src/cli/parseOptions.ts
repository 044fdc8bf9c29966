import { parseArgs } from 'node:util';
import { InputError } from '../domain/InputError.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/**
 * `node:util` parseArgs, with its errors turned into an `InputError` that names the flag; with
 * `positionals: false`, a stray argument is one of those errors. An option that takes a value
 * given twice is one too, rather than the last one silently winning.
 *
 * @example
 * const { values } = parseOptions(args, { json: { type: 'boolean' } }, 'dueprocess list [--json]', { positionals: false });
 */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, usage: string, accept: { positionals?: boolean } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: accept.positionals !== false, strict: true, tokens: true });
  } catch (e) {
    throw new InputError('usage', 'arguments', args.join(' '), (e as Error).message, `usage: ${usage}`);
  }
  const given = new Map<string, string[]>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const values = [...(given.get(token.name) ?? []), token.value];
    if (values.length > 1) throw new InputError('usage', `--${token.name}`, values, 'is given more than once, and takes one value', `give --${token.name} once: usage: ${usage}`);
    given.set(token.name, values);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
