import { InputError } from '../domain/InputError.ts';
import { importUserModule } from './importUserModule.ts';

const INTERFACE = 'a CaseAdapter: { name, kinds?, open(request, policy) } (src/suite/CaseAdapter.ts)';

/**
 * Imports `--adapter FILE` and checks its default export has what a generated suite calls: an
 * `open` function, and `kinds`, when given, a list of kind names. Anything missing is an
 * `InputError` naming `--adapter`, so it is refused when the suite is written rather than inside
 * vitest later.
 *
 * @example
 * await checkAdapterModule('examples/caseTool/adapter.ts');
 */
export async function checkAdapterModule(file: string): Promise<void> {
  const mod = await importUserModule(file, '--adapter', 'a module whose default export is a CaseAdapter');
  const adapter = mod.default;
  if (adapter === undefined) {
    const named = Object.keys(mod).filter((k) => typeof (mod[k] as { open?: unknown } | null)?.open === 'function');
    throw new InputError('invalid', '--adapter', file, 'has no default export', named.length ? `export it as the default: export default ${named[0] as string};` : `export default ${INTERFACE}`);
  }
  const { open, kinds } = Object(adapter) as { open?: unknown; kinds?: unknown };
  if (typeof open !== 'function') throw new InputError('invalid', '--adapter', file, `has a default export with no open function${open === undefined ? '' : ` (its open is a ${typeof open})`}`, 'give it open(request, policy), returning the case under test: send(event, on), endDay(on), observe()');
  if (kinds !== undefined && !(Array.isArray(kinds) && kinds.every((k) => typeof k === 'string'))) {
    throw new InputError('invalid', '--adapter', file, 'has a default export whose kinds is not a list of kind names', 'give kinds as an array of catalogue kinds, like [\'subpoena\'], or leave it out to take every kind');
  }
}
