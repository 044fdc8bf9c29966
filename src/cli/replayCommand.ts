import { basename } from 'node:path';
import { InputError } from '../domain/InputError.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import { replayScenarioFile } from '../scenarios/replayScenario.ts';
import { SCHEMA_FILE } from '../scenarios/scenarioFiles.ts';
import { inFile } from './inFile.ts';
import { parseOptions } from './parseOptions.ts';
import { policyOption } from './policyOption.ts';

const USAGE = 'dueprocess replay FILE… [--policy NAME|FILE]';

/** `dueprocess replay`: replays scenario files against the machines and reports each scenario's first divergence; `--policy FILE` for scenarios written under a policy of your own. */
export function replayCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, { policy: { type: 'string' } }, USAGE);
  const option = values.policy === undefined ? undefined : policyOption(values.policy);
  const policies = option?.policies ?? {};
  if (!positionals.length) throw new InputError('usage', 'FILE', '', 'no scenario file given', `usage: ${USAGE}, e.g. dueprocess replay scenarios/subpoena.cloudflare.json`);
  // A shell glob over a scenarios folder takes in the JSON Schema `scenarios` writes beside the files.
  const files = positionals.filter((path) => basename(path) !== SCHEMA_FILE).map((path) => ({ path, file: readScenarioFile(path) }));
  if (!files.length) throw new InputError('usage', 'FILE', positionals.join(' '), 'is the scenarios’ JSON Schema, not a scenario file', 'give the scenario files, like scenarios/subpoena.cloudflare.json');
  // Each file names the policy it was written under; a --policy none of them names would be ignored.
  if (option && !files.some(({ file }) => file.policy.id === option.policy)) {
    const used = [...new Set(files.map(({ file }) => file.policy.id))].join(', ');
    throw new InputError('usage', '--policy', values.policy, `is policy "${option.policy}", but the files were written under ${used}`, 'leave --policy out for files written under a built-in policy; give the policy file a file was written with otherwise');
  }
  let diverged = 0;
  let total = 0;
  for (const { path, file } of files) {
    const results = inFile(path, () => replayScenarioFile(file, policies));
    total += results.length;
    const bad = results.filter((r) => r.divergence);
    diverged += bad.length;
    console.log(`${path}: ${results.length - bad.length} of ${results.length} scenarios replay as written`);
    const version = bad.length > 0 && bad.every((r) => r.divergence?.field === 'policy.version') ? bad[0]?.divergence : undefined;
    if (version) {
      console.log(`  ✗ written under policy version ${JSON.stringify(version.expected)}; the policy in force on its dates is ${JSON.stringify(version.actual)}: regenerate the file with \`dueprocess scenarios\`, or give the policy it was written with (--policy FILE)`);
      continue;
    }
    for (const { scenario, divergence: d } of bad) {
      if (!d) continue;
      console.log(`  ✗ ${scenario.id}\n    ${scenario.title}\n    step ${d.step} (${scenario.steps[d.step]?.on ?? ''}, ${d.says}): ${d.field} expected ${JSON.stringify(d.expected)}, the model gives ${JSON.stringify(d.actual)}`);
    }
  }
  if (files.length > 1) console.log(`${total - diverged} of ${total} scenarios replay as written`);
  return diverged ? 1 : 0;
}
