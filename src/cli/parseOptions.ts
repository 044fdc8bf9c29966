import { parseArgs } from 'node:util';
import { withSuggestion } from '../domain/didYouMean.ts';
import { InputError } from '../domain/InputError.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/**
 * Options whose absence means a default (the catalogue's kinds, every policy, the default
 * export, loopback): given empty, each would quietly mean that default, so it is refused.
 */
const NOT_EMPTY: Readonly<Record<string, string>> = {
  machine: 'give the path of a .ts or .js module that exports an XState v5 machine, or leave --machine out to use the catalogue',
  policy: 'give a built-in policy name (cloudflare, letsencrypt) or the path of a policy JSON file, or leave --policy out for the default',
  export: 'give the name of the export that holds the machine, or leave --export out for the default export',
  host: 'give the address to listen on, like 127.0.0.1, or leave --host out for loopback',
};

/**
 * `node:util` parseArgs, with its errors turned into an `InputError` that names the flag; with
 * `positionals: false`, a stray argument is one of those errors. An option that takes a value
 * given twice is one too, rather than the last one silently winning, and so is an empty
 * `--machine`, `--policy`, `--export` or `--host`, rather than read as left out.
 *
 * @example
 * const { values } = parseOptions(args, { json: { type: 'boolean' } }, 'dueprocess list [--json]', { positionals: false });
 */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, usage: string, accept: { positionals?: boolean } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: accept.positionals !== false, strict: true, tokens: true });
  } catch (e) {
    const message = (e as Error).message;
    // A value that starts with a dash (`--max-seconds -1`) reads as another option.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    if (ambiguous) {
      const value = args[args.indexOf(ambiguous) + 1];
      throw new InputError('usage', ambiguous, value, 'takes a value, and this one starts with a dash, so it reads as an option', `give a value that does not start with a dash, or write ${ambiguous}=${value ?? ''} if that is the value you mean`);
    }
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    throw new InputError('usage', 'arguments', args.join(' '), message, withSuggestion(`usage: ${usage}`, unknown, [...Object.keys(options).map((name) => `--${name}`), '--help']));
  }
  const given = new Map<string, string[]>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const values = [...(given.get(token.name) ?? []), token.value];
    if (values.length > 1) throw new InputError('usage', `--${token.name}`, values, 'is given more than once, and takes one value', `give --${token.name} once: usage: ${usage}`);
    given.set(token.name, values);
    const fix = Object.hasOwn(NOT_EMPTY, token.name) ? NOT_EMPTY[token.name] : undefined;
    if (fix && token.value.trim() === '') throw new InputError('usage', `--${token.name}`, token.value, 'is empty', fix);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
