import { parseArgs } from 'node:util';
import { InputError } from '../domain/InputError.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/**
 * `node:util` parseArgs, with its errors turned into an `InputError` that names the flag; with
 * `positionals: false`, a stray argument is one of those errors.
 *
 * @example
 * const { values } = parseOptions(args, { json: { type: 'boolean' } }, 'dueprocess list [--json]', { positionals: false });
 */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, usage: string, accept: { positionals?: boolean } = {}) {
  try {
    return parseArgs({ args, options, allowPositionals: accept.positionals !== false, strict: true });
  } catch (e) {
    throw new InputError('usage', 'arguments', args.join(' '), (e as Error).message, `usage: ${usage}`);
  }
}
