import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import { InputError } from '../domain/InputError.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import { SCHEMA_FILE } from '../scenarios/scenarioFiles.ts';
import { writeModelAdapter } from '../suite/writeModelAdapter.ts';
import { writeSuite } from '../suite/writeSuite.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { POLICIES } from '../policy/loadPolicy.ts';
import { policyOption } from './policyOption.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess suite --out DIR [--kinds K,K…] [--adapter MODULE|model [--policy FILE]] [--dir DIR]';

/**
 * `dueprocess suite`: writes a vitest conformance suite over the committed scenarios for a case
 * tool's adapter; `--adapter model` runs it on the model itself, under `--policy FILE` when the
 * scenarios were written under a provider's own policy.
 */
export function suiteCommand(args: string[]): number {
  const { values } = parseOptions(args, { out: { type: 'string' }, kinds: { type: 'string' }, adapter: { type: 'string' }, dir: { type: 'string' }, policy: { type: 'string' } }, USAGE, { positionals: false });
  if (!values.out) throw new InputError('usage', '--out', '', 'is required', `usage: ${USAGE}`);
  const dir = values.dir ?? 'scenarios';
  if (!existsSync(dir)) throw new InputError('unreadableFile', '--dir', dir, 'does not exist', 'run `dueprocess scenarios` first, or give the directory that holds the scenario files');
  const model = values.adapter === 'model';
  if (values.policy !== undefined && !model) throw new InputError('usage', '--policy', values.policy, 'is the policy the model runs under, and only --adapter model runs it', 'add --adapter model, or leave --policy out: your own adapter is opened with each scenario file’s policy id');
  if (values.adapter && !model && !existsSync(values.adapter)) throw new InputError('unreadableFile', '--adapter', values.adapter, 'does not exist', 'give the path of a module whose default export is a CaseAdapter');
  const kinds = values.kinds?.split(',').map((k) => k.trim()).filter(Boolean);
  for (const kind of kinds ?? []) {
    if (!findKind(kind)) throw new InputError('unknownKind', '--kinds', kind, 'is not a kind in the catalogue', `use some of ${CATALOGUE.map((e) => e.kind).join(', ')}`);
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort()
    .map((f) => ({ path: join(dir, f), file: readScenarioFile(join(dir, f)) }))
    .filter(({ file }) => !kinds || kinds.includes(file.kind));
  const policies = model ? modelPolicies(files.map((f) => f.file.policy.id), dir, values.policy) : {};
  mkdirSync(values.out, { recursive: true });
  const written = writeSuite(values.out, files, model ? writeModelAdapter(values.out, policies) : values.adapter);
  const count = files.reduce((n, f) => n + f.file.scenarios.length, 0);
  console.log(`wrote ${written.length} test files (${count} scenarios) to ${values.out}/; run them with: npx vitest run --root ${values.out}`);
  return 0;
}

/** The provider's own policies the model needs for the scenario files' policy ids: `--policy FILE`'s, when one is not built in. */
function modelPolicies(ids: readonly string[], dir: string, file: string | undefined): Record<string, ProviderPolicy> {
  const given = file === undefined ? undefined : policyOption(file);
  if (given && !ids.includes(given.policy)) {
    throw new InputError('invalid', '--policy', file, `holds policy ${given.policy}, and no scenario file in ${dir} was written under it (they use ${[...new Set(ids)].join(', ') || 'none'})`, 'give the policy file the scenarios were written with, or leave --policy out for the built-in policies');
  }
  const own = given?.policies ?? {};
  const missing = ids.find((id) => !Object.hasOwn(POLICIES, id) && !Object.hasOwn(own, id));
  if (missing !== undefined) throw new InputError('unknownPolicy', '--policy', missing, `is the policy scenarios in ${dir} were written under, and not a built-in one`, 'give its policy JSON file with --policy FILE');
  return own;
}
