import { InputError } from '../domain/InputError.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import { replayScenarioFile } from '../scenarios/replayScenario.ts';
import { parseOptions } from './parseOptions.ts';
import { policyOption } from './policyOption.ts';

const USAGE = 'dueprocess replay FILE… [--policy NAME|FILE]';

/** `dueprocess replay`: replays scenario files against the machines and reports each scenario's first divergence; `--policy FILE` for scenarios written under a policy of your own. */
export function replayCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, { policy: { type: 'string' } }, USAGE);
  const policies = values.policy === undefined ? {} : policyOption(values.policy).policies;
  if (!positionals.length) throw new InputError('usage', 'FILE', '', 'no scenario file given', `usage: ${USAGE}, e.g. dueprocess replay scenarios/subpoena.cloudflare.json`);
  const files = positionals.map((path) => ({ path, file: readScenarioFile(path) }));
  let diverged = 0;
  let total = 0;
  for (const { path, file } of files) {
    const results = replayScenarioFile(file, policies);
    total += results.length;
    const bad = results.filter((r) => r.divergence);
    diverged += bad.length;
    console.log(`${path}: ${results.length - bad.length} of ${results.length} scenarios replay as written`);
    for (const { scenario, divergence: d } of bad) {
      if (!d) continue;
      console.log(`  ✗ ${scenario.id}\n    ${scenario.title}\n    step ${d.step} (${scenario.steps[d.step]?.on ?? ''}, ${d.says}): ${d.field} expected ${JSON.stringify(d.expected)}, the model gives ${JSON.stringify(d.actual)}`);
    }
  }
  if (files.length > 1) console.log(`${total - diverged} of ${total} scenarios replay as written`);
  return diverged ? 1 : 0;
}
