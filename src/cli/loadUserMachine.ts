import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { InputError } from '../domain/InputError.ts';
import type { CheckTarget } from '../rules/checkMachine.ts';
import { readMachineMeta } from './readMachineMeta.ts';

/**
 * Loads a user's module (`.ts` or `.js`) and returns the XState v5 machine it exports (the
 * default export, or the named one) as a check target. The machine's root `meta` may declare
 * `kind` (a catalogue kind, for the rules tied to one), `inputs` and `alphabet`
 * (`readMachineMeta` checks them).
 *
 * @example
 * const target = await loadUserMachine('examples/my-workflow.ts', 'safeWorkflow');
 */
export async function loadUserMachine(file: string, exportName?: string): Promise<CheckTarget> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InputError('unreadableFile', '--machine', file, 'does not exist', 'give the path of a .ts or .js module that exports an XState v5 machine');
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const message = (e as Error).message;
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    // Node resolves a module's imports from its own folder up, not from dueprocess's.
    const fix = missing && !missing.startsWith('.') && !missing.startsWith('/') ? `install ${missing} where the module can find it (npm install ${missing} in its folder or a parent), or move the module into a project that has it` : 'fix the module so it can be imported';
    throw new InputError('unreadableFile', '--machine', file, `could not be loaded: ${message.split('\n')[0]}`, fix);
  }
  const name = exportName ?? 'default';
  const machine = mod[name];
  if (!isMachine(machine)) {
    const found = Object.keys(mod).filter((k) => isMachine(mod[k]));
    throw new InputError('invalid', '--export', name, `is not an XState v5 machine exported by ${file}`, found.length ? `use --export ${found.join(' or --export ')}` : 'export a machine made with setup().createMachine()');
  }
  return { name: `${file}${exportName ? `#${exportName}` : ''}`, machine, ...readMachineMeta(machine) };
}

function isMachine(value: unknown): value is AnyStateMachine {
  return typeof value === 'object' && value !== null && 'root' in value && typeof (value as AnyStateMachine).transition === 'function' && typeof (value as AnyStateMachine).provide === 'function';
}
