import { formatSource } from '../domain/source.ts';
import { TOOL_VERSION } from '../domain/toolVersion.ts';
import { DEFAULT_BUDGET } from '../explore/exploreSteps.ts';
import type { PolicySlot } from '../policy/policySlotsOf.ts';
import type { Unreached } from '../paths/unreached.ts';
import type { RuleResult } from '../rules/checkMachine.ts';

/** One machine × policy checked. */
export interface CheckRow {
  machine: string;
  policy: string;
  version: string;
  results: RuleResult[];
  ms: number;
  /** For a machine of your own: the states no run enters and the transitions no run takes. */
  unreached?: Unreached;
  /** For a machine of your own: its delays and guards the policy filled in. */
  slots?: PolicySlot[];
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padLeft = (s: string | number, n: number) => String(s).padStart(n);

/** What to do when a budget stopped a search. */
const BUDGET_HINT: Record<NonNullable<RuleResult['budget']>, string> = {
  states: `Fix: raise the state budget with --max-states N (it is ${DEFAULT_BUDGET.maxStates.toLocaleString('en-US')} unless given)`,
  time: `Fix: raise the time budget with --max-seconds N (it is ${DEFAULT_BUDGET.maxMs / 1000} unless given)`,
};

const STATUS: Record<RuleResult['status'], string> = { proved: 'proved', violated: 'VIOLATED', inconclusive: 'INCONCLUSIVE', notApplicable: 'n/a' };

/**
 * The summary table, with `rules` each row's rules one by one, and after it every violation as a
 * dated story with its sources. Timings go to stderr, so this text is deterministic.
 *
 * @example
 * console.log(formatReport(rows, { rules: true }));
 */
export function formatReport(rows: readonly CheckRow[], options: { rules?: boolean; asOf?: string } = {}): string {
  const lines: string[] = [];
  const width = Math.max(7, ...rows.map((r) => r.machine.length));
  lines.push(`${pad('machine', width)}  ${pad('policy', 12)}  ${padLeft('states', 7)}  ${padLeft('transitions', 11)}  proved  vacuous  violated  inconclusive  n/a`);
  for (const r of rows) {
    const count = (s: RuleResult['status']) => r.results.filter((x) => x.status === s).length;
    const states = Math.max(0, ...r.results.map((x) => x.states));
    const transitions = Math.max(0, ...r.results.map((x) => x.transitions));
    lines.push(
      `${pad(r.machine, width)}  ${pad(r.policy, 12)}  ${padLeft(states, 7)}  ${padLeft(transitions, 11)}  ${padLeft(count('proved'), 6)}  ${padLeft(r.results.filter((x) => x.vacuous).length, 7)}  ${padLeft(count('violated'), 8)}  ${padLeft(count('inconclusive'), 12)}  ${padLeft(count('notApplicable'), 3)}`,
    );
  }
  if (options.rules) {
    const idWidth = Math.max(...rows.flatMap((r) => r.results.map((x) => x.rule.id.length)));
    for (const r of rows) {
      lines.push('', `${r.machine} × ${r.policy} (${r.version})`);
      if (r.slots?.length) lines.push(`  policy slots, filled from ${r.policy}: ${r.slots.map(slotText).join('; ')}`);
      for (const x of r.results) {
        const explored = x.status === 'notApplicable' ? `  applies to: ${x.rule.scope}` : `  ${padLeft(x.states, 7)} states  ${padLeft(x.transitions, 8)} transitions`;
        const vacuous = x.vacuous ? `  vacuous: ${noRunWhere(x.vacuous.premise)}` : '';
        lines.push(`  ${pad(STATUS[x.status], 12)}  ${pad(x.rule.id, idWidth)}${explored}${vacuous}`.trimEnd());
      }
      if (r.unreached?.states.length) lines.push(`  never entered: ${r.unreached.states.join(', ')}`);
      r.unreached?.transitions.forEach((t, k) => lines.push(`  ${k ? ' '.repeat('never taken: '.length) : 'never taken: '}${t}`));
    }
  }
  for (const r of rows) {
    for (const x of r.results.filter((y) => y.status === 'violated' || y.status === 'inconclusive')) {
      lines.push('');
      if (x.status === 'inconclusive') {
        lines.push(`INCONCLUSIVE  ${r.machine} × ${r.policy}: ${x.rule.id} — the search budget ran out with ${x.frontier ?? 0} states unexplored; nothing is proved`);
        for (const g of x.growing ?? []) lines.push(`  context.${g.path} kept rising (${g.early} halfway, ${g.late} at the end): if nothing bounds it, no budget is enough; bound it, or keep it out of the context`);
        if (x.budget) lines.push(`  ${BUDGET_HINT[x.budget]}`);
        continue;
      }
      lines.push(`VIOLATED  ${r.machine} × ${r.policy}: ${x.rule.id} — ${x.rule.title}`);
      lines.push(`  ${x.message ?? ''}${x.input ? ` (request: ${x.input})` : ''}`);
      lines.push('  shortest counterexample:');
      for (const s of x.counterexample ?? []) lines.push(`    day ${padLeft(s.day, 4)}  ${pad(s.what, 48)}  → ${s.state}`);
      lines.push('  sources:');
      for (const s of x.rule.sources) lines.push(`    - ${formatSource(s)}`);
    }
  }
  lines.push(...vacuousProofs(rows));
  const all = rows.flatMap((r) => r.results);
  const violated = all.filter((x) => x.status === 'violated').length;
  const open = all.filter((x) => x.status === 'inconclusive').length;
  const proved = all.filter((x) => x.status === 'proved').length;
  const vacuous = all.filter((x) => x.vacuous).length;
  const ofThem = vacuous ? ` (${vacuous} vacuous)` : '';
  const checks = `${rows.length} machine × policy check${rows.length === 1 ? '' : 's'}`;
  lines.push('');
  lines.push(
    violated || open
      ? `${violated} violated, ${open} inconclusive, ${proved} proved${ofThem} across ${checks}.`
      : `All rules hold: ${proved} proofs${ofThem} across ${checks}, every path and every deadline ordering explored.`,
  );
  if (options.asOf) lines.push(`Checked under the policy versions in force on ${options.asOf}, by dueprocess ${TOOL_VERSION}.`);
  return lines.join('\n');
}

const noRunWhere = (premise: string) => `no run where ${premise}`;

const slotText = (slot: PolicySlot) =>
  slot.kind === 'guard' ? `guard ${slot.name}` : `delay ${slot.name} = ${slot.policyDays} days${slot.machineDays !== undefined && slot.machineDays !== slot.policyDays ? ` (your machine says ${slot.machineDays})` : ''}`;

/** The vacuous proofs by rule, machines that share the same policies on one line: where each rule held only because its premise never came. */
function vacuousProofs(rows: readonly CheckRow[]): string[] {
  const byRule = new Map<string, { premise: string; policies: Map<string, string[]> }>();
  for (const r of rows) {
    for (const x of r.results) {
      if (!x.vacuous) continue;
      let entry = byRule.get(x.rule.id);
      if (!entry) byRule.set(x.rule.id, (entry = { premise: x.vacuous.premise, policies: new Map() }));
      entry.policies.set(r.machine, [...(entry.policies.get(r.machine) ?? []), r.policy]);
    }
  }
  if (byRule.size === 0) return [];
  const lines = ['', 'Vacuous proofs: the rule held because no run meets its premise, so it had nothing to check there.'];
  for (const [id, { premise, policies }] of byRule) {
    lines.push(`  ${id} — ${noRunWhere(premise)}:`);
    const machines = new Map<string, string[]>();
    for (const [machine, list] of policies) machines.set(list.join(', '), [...(machines.get(list.join(', ')) ?? []), machine]);
    for (const [list, names] of machines) lines.push(`    ${names.join(', ')} × ${list}`);
  }
  lines.push('  That is no failure. If a rule should have had work there, add a check input or event that meets its premise (for your machine: meta.inputs, meta.alphabet).');
  return lines;
}

/**
 * A machine × policy check's verdict, as the exit code gives it for the whole run: `violated` when
 * a rule failed, else `inconclusive` when a budget left one unproved, else `holds`.
 *
 * @example
 * rowVerdict(results); // 'holds'
 */
export function rowVerdict(results: readonly RuleResult[]): 'holds' | 'violated' | 'inconclusive' {
  if (results.some((r) => r.status === 'violated')) return 'violated';
  return results.some((r) => r.status === 'inconclusive') ? 'inconclusive' : 'holds';
}

/** The same results as plain JSON (no timings, so the same check always prints the same). */
export function reportJson(rows: readonly CheckRow[], options: { asOf?: string } = {}) {
  return rows.map((r) => ({
    machine: r.machine,
    policy: r.policy,
    version: r.version,
    verdict: rowVerdict(r.results),
    ...(options.asOf ? { asOf: options.asOf, dueprocess: TOOL_VERSION } : {}),
    rules: r.results.map((x) => ({
      id: x.rule.id,
      title: x.rule.title,
      status: x.status,
      states: x.states,
      transitions: x.transitions,
      ...(x.message ? { message: x.message } : {}),
      ...(x.input ? { input: x.input } : {}),
      ...(x.counterexample ? { counterexample: x.counterexample } : {}),
      ...(x.frontier !== undefined ? { frontier: x.frontier } : {}),
      ...(x.budget ? { budget: x.budget } : {}),
      ...(x.growing ? { growing: x.growing } : {}),
      ...(x.vacuous ? { vacuous: x.vacuous } : {}),
      sources: x.rule.sources,
    })),
    ...(r.unreached ? { unreached: r.unreached } : {}),
    ...(r.slots?.length ? { policySlots: r.slots } : {}),
  }));
}
