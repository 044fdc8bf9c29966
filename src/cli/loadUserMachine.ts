import type { AnyStateMachine } from 'xstate';
import { InputError } from '../domain/InputError.ts';
import type { CheckTarget } from '../rules/checkMachine.ts';
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

/**
 * What an XState v5 machine has and the checker uses: a root state node that points back at it,
 * with its list of events, and the functions to start and step it. An object with a few of
 * these fields (an XState v4 machine, a state node, a hand-made imitation) is not one.
 */
function isMachine(value: unknown): value is AnyStateMachine {
  try {
    const machine = value as AnyStateMachine;
    const root = typeof value === 'object' && value !== null ? (machine.root as unknown) : undefined;
    if (typeof root !== 'object' || root === null || machine.root.machine !== value || !Array.isArray(machine.root.events)) return false;
    return ['transition', 'microstep', 'getInitialSnapshot', 'provide', 'resolveState'].every((f) => typeof (machine as unknown as Record<string, unknown>)[f] === 'function');
  } catch {
    // A getter or proxy that throws when read is no machine either.
    return false;
  }
}
