import { InputError } from '../domain/InputError.ts';
import type { KindCoverage, Measure } from '../scenarios/coverageOf.ts';
import { inWorkers } from '../scenarios/inWorkers.ts';
import { parseOptions } from './parseOptions.ts';
import { policyOption } from './policyOption.ts';
import { scenarioPaths } from './scenarioPaths.ts';

const USAGE = 'dueprocess coverage [--dir DIR] [--policy NAME|FILE] [--json]';

/** `dueprocess coverage`: what the committed scenarios exercise, per kind and policy (with `--policy FILE`, scenarios written under a policy of your own); exit 1 below 100% of reachable transitions. */
export async function coverageCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { dir: { type: 'string' }, policy: { type: 'string' }, json: { type: 'boolean' } }, USAGE, { positionals: false });
  const { policies } = values.policy === undefined ? { policies: {} } : policyOption(values.policy);
  const dir = values.dir ?? 'scenarios';
  const paths = scenarioPaths(dir);
  if (!paths.length) throw new InputError('unreadableFile', '--dir', dir, 'holds no scenario files', 'run `dueprocess scenarios` first');
  const rows = await inWorkers<KindCoverage>(paths.map((path) => ({ op: 'coverage' as const, path, policies })));
  // Two files for one kind × policy would each be counted, and neither would be the one that covers.
  for (const [i, row] of rows.entries()) {
    const first = rows.findIndex((r) => r.kind === row.kind && r.policy === row.policy);
    if (first < i) throw new InputError('invalid', paths[i] as string, `${row.kind} × ${row.policy}`, `is a second scenario file for the same kind × policy as ${paths[first] as string}`, `keep one file per kind and policy in ${dir}`);
  }
  const short = rows.filter((r) => r.transitions.percent < 100 || r.diverged.length);
  if (values.json) console.log(JSON.stringify({ files: rows, complete: short.length === 0 }, null, 2));
  else console.log(formatCoverage(rows));
  return short.length ? 1 : 0;
}

const pct = (m: Measure) => `${m.covered}/${m.total} ${m.percent}%`;

/** The coverage table and, under it, everything not covered. */
export function formatCoverage(rows: readonly KindCoverage[]): string {
  const lines = ['kind × policy                          scenarios  states        transitions   pairs           timers (armed/fired/cancelled of)  rules'];
  for (const r of rows) {
    const t = r.timers;
    lines.push(
      `${`${r.kind} × ${r.policy}`.padEnd(39)}${String(r.scenarios).padEnd(11)}${pct(r.states).padEnd(14)}${pct(r.transitions).padEnd(14)}${pct(r.pairs).padEnd(16)}${`${t.armed}/${t.fired}/${t.cancelled} of ${t.total}`.padEnd(35)}${pct(r.rules)}`,
    );
  }
  for (const r of rows) {
    const notes = [
      ...r.diverged.map((id) => `no longer replays: ${id}`),
      ...r.states.missing.map((s) => `state not reached: ${s}`),
      ...r.transitions.missing.map((s) => `transition not taken: ${s}`),
      ...r.pairs.missing.map((s) => `pair not taken: ${s}`),
      ...r.rules.missing.map((s) => `rule premise not triggered: ${s}`),
      ...r.timers.neverArmed.map((s) => `timer no scenario arms: ${s}`),
      ...r.rules.unreachable.map((s) => `rule applies but no run meets its premise: ${s}`),
      ...r.transitions.unreachable.map((s) => `unreachable from the catalogue's inputs: ${s}`),
    ];
    if (notes.length) lines.push('', `${r.kind} × ${r.policy}:`, ...notes.map((n) => `  ${n}`));
  }
  return lines.join('\n');
}
