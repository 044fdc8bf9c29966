import { join } from 'node:path';
import { findKind, KIND_NAMES, unknownKind } from '../../machines/catalogue.ts';
import { InputError } from '../domain/InputError.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import { scenarioRequests } from '../scenarios/scenarioRequests.ts';
import { MODEL_ADAPTER, writeModelAdapter } from '../suite/writeModelAdapter.ts';
import { writeSuite } from '../suite/writeSuite.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { POLICIES } from '../policy/loadPolicy.ts';
import { policyDigest } from '../policy/policyDigest.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import type { ScenarioFile } from '../scenarios/Scenario.ts';
import { checkAdapterModule } from './checkAdapterModule.ts';
import { checkOutputDir } from './checkOutputDir.ts';
import { inFile } from './inFile.ts';
import { parseOptions } from './parseOptions.ts';
import { plural } from './plural.ts';
import { policyOption } from './policyOption.ts';
import { scenarioPaths } from './scenarioPaths.ts';

const USAGE = 'dueprocess suite --out DIR [--kinds K,K…] [--adapter MODULE|model [--policy FILE]] [--dir DIR]';

/**
 * `dueprocess suite`: writes a vitest conformance suite over the committed scenarios for a case
 * tool's adapter; `--adapter model` runs it on the model itself, under `--policy FILE` when the
 * scenarios were written under a provider's own policy. Everything is checked before anything
 * is written: the options, the adapter module, and each scenario file as `replay` reads it.
 */
export async function suiteCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { out: { type: 'string' }, kinds: { type: 'string' }, adapter: { type: 'string' }, dir: { type: 'string' }, policy: { type: 'string' } }, USAGE, { positionals: false });
  if (values.out === undefined) throw new InputError('usage', '--out', '', 'is required', `usage: ${USAGE}`);
  const out = values.out;
  checkOutputDir(out, '--out');
  checkOutputDir(join(out, 'scenarios'), '--out');
  const dir = values.dir ?? 'scenarios';
  const paths = scenarioPaths(dir);
  const model = values.adapter === 'model';
  if (values.policy !== undefined && !model) throw new InputError('usage', '--policy', values.policy, 'is the policy the model runs under, and only --adapter model runs it', 'add --adapter model, or leave --policy out: your own adapter is opened with each scenario file’s policy id');
  const kinds = values.kinds === undefined ? undefined : kindList(values.kinds);
  if (values.adapter !== undefined && !model) await checkAdapterModule(values.adapter);
  const files = paths
    .map((path) => ({ path, file: readScenarioFile(path) }))
    .filter(({ file }) => !kinds || kinds.includes(file.kind));
  for (const { path, file } of files) inFile(path, () => scenarioRequests(file));
  if (!files.length) {
    if (kinds) throw new InputError('invalid', '--kinds', values.kinds, `matches no scenario file in ${dir}`, `write them first: dueprocess scenarios ${kinds.join(' ')} --dir ${dir}`);
    throw new InputError('unreadableFile', '--dir', dir, 'holds no scenario files', 'run `dueprocess scenarios` first, or give the directory that holds them');
  }
  const policies = model ? modelPolicies(files.map((f) => f.file.policy.id), dir, values.policy) : {};
  for (const { path, file } of files) sameContent(path, file, policies[file.policy.id], values.policy);
  const { tests, removed } = writeSuite(out, files, model ? join(out, MODEL_ADAPTER) : values.adapter);
  if (model) writeModelAdapter(out, policies);
  const count = files.reduce((n, f) => n + f.file.scenarios.length, 0);
  const stale = removed.length ? `; removed ${plural(removed.length, 'stale generated file')}` : '';
  console.log(`wrote ${plural(tests.length, 'test file')} (${plural(count, 'scenario')}) to ${out}/${stale}; run them with: npx vitest run --root ${out}`);
  return 0;
}

/** `--kinds K,K…` as catalogue kinds: at least one, each in the catalogue. */
function kindList(value: string): string[] {
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const all = KIND_NAMES.join(', ');
  if (!kinds.length) throw new InputError('usage', '--kinds', value, 'names no kind', `give one or more of ${all}, separated by commas, or leave --kinds out for every kind`);
  for (const kind of kinds) {
    if (!findKind(kind)) throw unknownKind('--kinds', kind, `use some of ${all}`);
  }
  return kinds;
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

/**
 * A policy file given for the model must be the one the scenario file was written under: its
 * version on the file's dates has the file's digest (same titles with other windows would fail
 * scenarios on the model itself).
 */
function sameContent(path: string, file: ScenarioFile, policy: ProviderPolicy | undefined, given: string | undefined): void {
  const receivedOn = (file.scenarios[0]?.request as { receivedOn?: unknown } | undefined)?.receivedOn;
  if (!policy || file.policy.digest === undefined || typeof receivedOn !== 'string') return;
  const digest = policyDigest(policyVersionAt(policy, receivedOn));
  if (digest === file.policy.digest) return;
  throw new InputError('invalid', '--policy', given, `is not the policy ${path} was written under: its version "${file.policy.version}" has digest ${digest}, the file's ${file.policy.digest} (other values under the same titles)`, 'give the policy file the scenarios were written with, or write them again under this one: dueprocess scenarios --policy FILE');
}
