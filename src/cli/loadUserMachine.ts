import { InputError } from '../domain/InputError.ts';
import type { CheckTarget } from '../rules/checkMachine.ts';
import { isMachine } from '../explore/isMachine.ts';
import { importUserModule } from './importUserModule.ts';
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
  const mod = await importUserModule(file, '--machine', 'a .ts or .js module that exports an XState v5 machine');
  const name = exportName ?? 'default';
  const machine = mod[name];
  if (!isMachine(machine)) {
    const found = Object.keys(mod).filter((k) => isMachine(mod[k]));
    throw new InputError('invalid', '--export', name, `is not an XState v5 machine exported by ${file}`, found.length ? `use --export ${found.join(' or --export ')}` : 'export a machine made with setup().createMachine()');
  }
  return { name: `${file}${exportName ? `#${exportName}` : ''}`, machine, ...readMachineMeta(machine) };
}
