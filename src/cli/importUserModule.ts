import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../domain/InputError.ts';

/**
 * Imports a user's module (`.ts` or `.js`) named by the option `field`; a file that does not
 * exist or cannot be loaded is an `InputError` naming the option, with what to install when it
 * is a package the module cannot find.
 *
 * @example
 * const mod = await importUserModule('examples/my-workflow.ts', '--machine', 'a .ts or .js module that exports an XState v5 machine');
 */
export async function importUserModule(file: string, field: string, what: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError('unreadableFile', field, file, 'does not exist', `give the path of ${what}`);
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const message = (e as Error).message;
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    // Node resolves a module's imports from its own folder up, not from dueprocess's.
    const fix = missing && !missing.startsWith('.') && !missing.startsWith('/') ? `install ${missing} where the module can find it (npm install ${missing} in its folder or a parent), or move the module into a project that has it` : 'fix the module so it can be imported';
    throw new InputError('unreadableFile', field, file, `could not be loaded: ${firstError(message)}`, fix);
  }
}

/** The first line of a load error, with the line that names the place when the first only counts errors (esbuild's "Transform failed with 1 error:"). */
function firstError(message: string): string {
  const [head = '', ...rest] = message.split('\n');
  const where = rest.find((line) => line.trim() !== '');
  return /:\s*$/.test(head) && where ? `${head} ${where.trim()}` : head;
}
