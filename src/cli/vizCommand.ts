import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { CATALOGUE, findKind, KIND_NAMES, unknownKind } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { loadPolicy, POLICIES } from '../policy/loadPolicy.ts';
import { readScenarioFile } from '../scenarios/readScenarioFile.ts';
import type { ScenarioFile } from '../scenarios/Scenario.ts';
import { scenarioFileName } from '../scenarios/scenarioFiles.ts';
import { chartSize } from '../viz/chartSize.ts';
import { chartPage, indexPage } from '../viz/toHtml.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { statechartModel } from '../viz/statechartModel.ts';
import { VIZ_FORMATS, vizRender, type VizFormat } from '../viz/vizRender.ts';
import { checkOutputDir } from './checkOutputDir.ts';
import { loadUserMachine } from './loadUserMachine.ts';
import { wholeDays } from '../time/timerChanges.ts';
import { parseOptions } from './parseOptions.ts';

const FORMATS = [...VIZ_FORMATS, 'html'] as const;
const USAGE = `dueprocess viz <kind> --format ${FORMATS.join('|')} [--policy NAME|FILE] [--scenarios DIR] [--out FILE]  (or --machine FILE [--export NAME] instead of <kind>; or --all --out DIR [--policy NAME|FILE] [--scenarios DIR] for every kind's page)`;

/** `dueprocess viz`: one machine's statechart as mermaid, DOT, SCXML, JSON or a self-contained HTML page, to stdout or a file; or every kind's page. */
export async function vizCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { format: { type: 'string' }, out: { type: 'string' }, policy: { type: 'string' }, machine: { type: 'string' }, export: { type: 'string' }, all: { type: 'boolean' }, scenarios: { type: 'string' } },
    USAGE,
  );
  if (values.all) {
    if (values.format !== undefined && values.format !== 'html') throw new InputError('usage', '--format', values.format, 'cannot be given with --all, which writes HTML pages', 'leave --format out, or draw one kind at a time: dueprocess viz <kind> --format ' + values.format);
    return allPages(values.out, values.scenarios ?? 'scenarios', positionals, values.machine, loadPolicy(values.policy ?? 'cloudflare'));
  }
  const format = values.format;
  if (format === undefined) throw new InputError('usage', '--format', undefined, 'is required', `give one of ${FORMATS.join(', ')}`);
  if (!isFormat(format)) throw new InputError('invalid', '--format', format, 'is not a diagram format', `use one of ${FORMATS.join(', ')}`);
  if (values.export && !values.machine) throw new InputError('usage', '--export', values.export, 'needs --machine', `usage: ${USAGE}`);
  if (values.machine && positionals.length) throw new InputError('usage', 'kind', positionals[0], 'cannot be given with --machine', 'give a catalogue kind or --machine FILE, not both');
  if (positionals.length > 1) throw new InputError('usage', 'kind', positionals.slice(1).join(' '), 'is one kind too many: viz draws one machine', `draw them one by one: ${USAGE}`);
  if (values.out !== undefined) checkWritable(values.out);

  const target = values.machine ? await loadUserMachine(values.machine, values.export) : undefined;
  // A delay check and simulate would refuse is not drawn either (not whole days, past 100 years).
  if (target) for (const [name, ms] of Object.entries(target.machine.implementations.delays ?? {})) if (typeof ms === 'number') wholeDays(`xstate.after.${name}.${target.machine.id}`, ms);
  const machine = target ? target.machine : kindMachine(positionals[0]);
  const policy = loadPolicy(values.policy ?? 'cloudflare');
  const version = policyVersionAt(policy, CHECK_DATE);
  const chart = statechartModel(withPolicy(machine, version), { id: policy.id, version: version.title }, version.sources);
  const kind = positionals[0] as string;
  const page = () =>
    target ? chartPage(chart, [], chart.machine, target.name) : chartPage(chart, committedScenarios(values.scenarios ?? 'scenarios', kind, policy.id), findKind(kind)?.title ?? kind, kind);
  const text = format === 'html' ? await page() : vizRender(chart, format);
  if (values.out === undefined) {
    console.log(text.replace(/\n$/, ''));
    return 0;
  }
  try {
    writeFileSync(values.out, text);
  } catch (e) {
    throw new InputError('unreadableFile', '--out', values.out, `cannot be written: ${(e as Error).message}`, 'give a file path in a directory you can write to');
  }
  console.error(`wrote ${values.out} (${format}, ${chartSize(chart)})`);
  return 0;
}

function kindMachine(kind: string | undefined): AnyStateMachine {
  const entry = kind ? findKind(kind) : undefined;
  if (!kind || !entry) {
    throw unknownKind('kind', kind, `use one of ${KIND_NAMES.join(', ')}, or --machine FILE`, kind ? undefined : 'is missing');
  }
  return entry.machine;
}

function isFormat(value: string): value is VizFormat | 'html' {
  return (FORMATS as readonly string[]).includes(value);
}

/** The scenario files of a kind in `dir`, under every built-in policy and the chart's own (a provider's policy file). */
function committedScenarios(dir: string, kind: string, chartPolicy: string): ScenarioFile[] {
  return [...new Set([...Object.keys(POLICIES), chartPolicy])]
    .map((policy) => join(dir, scenarioFileName(kind, policy)))
    .filter((path) => existsSync(path))
    .map(readScenarioFile);
}

/** `viz --all --out DIR`: every kind's page, with its scenarios, and an index linking them. */
async function allPages(out: string | undefined, scenarioDir: string, positionals: readonly string[], machine: string | undefined, policy: ProviderPolicy): Promise<number> {
  if (!out) throw new InputError('usage', '--out', out, 'is required with --all', 'give the directory to write the pages to, like --out charts');
  if (positionals.length || machine) throw new InputError('usage', 'kind', positionals[0] ?? machine, 'cannot be given with --all', 'leave it out: --all draws every kind');
  checkOutputDir(out, '--out', [...CATALOGUE.map((entry) => `${entry.kind}.html`), 'index.html']);
  const version = policyVersionAt(policy, CHECK_DATE);
  // Every page is drawn before any is written: a bad scenario file leaves the folder as it was.
  const pages = [];
  for (const entry of CATALOGUE) {
    const chart = statechartModel(withPolicy(entry.machine, version), { id: policy.id, version: version.title }, version.sources);
    pages.push({ kind: entry.kind, title: entry.title, file: `${entry.kind}.html`, html: await chartPage(chart, committedScenarios(scenarioDir, entry.kind, policy.id), entry.title, entry.kind) });
  }
  mkdirSync(out, { recursive: true });
  for (const page of pages) writeFileSync(join(out, page.file), page.html);
  writeFileSync(join(out, 'index.html'), indexPage(pages));
  console.error(`wrote ${pages.length} pages and index.html to ${out}/`);
  return 0;
}

function checkWritable(out: string): void {
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) throw new InputError('unreadableFile', '--out', out, `is in a directory that does not exist (${dir})`, `create ${dir} first, or give a path in an existing directory`);
  if (!statSync(dir).isDirectory()) throw new InputError('unreadableFile', '--out', out, `is under ${dir}, which is not a directory`, 'give a path in an existing directory');
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError('unreadableFile', '--out', out, 'is a directory', 'give the path of a file to write, like chart.mmd');
}
