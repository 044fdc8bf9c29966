import { parseArgs } from 'node:util';
import { InputError } from '../domain/InputError.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** `node:util` parseArgs, with its errors turned into an `InputError` that names the flag. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError('usage', 'arguments', args.join(' '), (e as Error).message, `usage: ${usage}`);
  }
}
