import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import { InputError } from '../domain/InputError.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import { SCHEMA_FILE } from '../scenarios/scenarioFiles.ts';
import { writeSuite } from '../suite/writeSuite.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess suite --out DIR [--kinds K,K…] [--adapter MODULE] [--dir DIR]';

/** `dueprocess suite`: writes a vitest conformance suite over the committed scenarios for a case tool's adapter. */
export function suiteCommand(args: string[]): number {
  const { values } = parseOptions(args, { out: { type: 'string' }, kinds: { type: 'string' }, adapter: { type: 'string' }, dir: { type: 'string' } }, USAGE, { positionals: false });
  if (!values.out) throw new InputError('usage', '--out', '', 'is required', `usage: ${USAGE}`);
  const dir = values.dir ?? 'scenarios';
  if (!existsSync(dir)) throw new InputError('unreadableFile', '--dir', dir, 'does not exist', 'run `dueprocess scenarios` first, or give the directory that holds the scenario files');
  if (values.adapter && !existsSync(values.adapter)) throw new InputError('unreadableFile', '--adapter', values.adapter, 'does not exist', 'give the path of a module whose default export is a CaseAdapter');
  const kinds = values.kinds?.split(',').map((k) => k.trim()).filter(Boolean);
  for (const kind of kinds ?? []) {
    if (!findKind(kind)) throw new InputError('unknownKind', '--kinds', kind, 'is not a kind in the catalogue', `use some of ${CATALOGUE.map((e) => e.kind).join(', ')}`);
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort()
    .map((f) => ({ path: join(dir, f), file: readScenarioFile(join(dir, f)) }))
    .filter(({ file }) => !kinds || kinds.includes(file.kind));
  const written = writeSuite(values.out, files, values.adapter);
  const count = files.reduce((n, f) => n + f.file.scenarios.length, 0);
  console.log(`wrote ${written.length} test files (${count} scenarios) to ${values.out}/; run them with: npx vitest run --root ${values.out}`);
  return 0;
}
