import { CATALOGUE, findKind, unknownKind } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { IsoDate } from '../domain/date.ts';
import { fromZod, InputError } from '../domain/InputError.ts';
import { loadPolicy, POLICIES } from '../policy/loadPolicy.ts';
import { policySlotsOf } from '../policy/policySlotsOf.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { RULES } from '../rules/catalogue.ts';
import { checkInParallel, taskWeight } from '../rules/checkInParallel.ts';
import { checkTarget } from '../rules/checkMachine.ts';
import { unsupportedFeature } from '../explore/fastSupport.ts';
import { isStepper, StepMismatch } from '../explore/Stepper.ts';
import { type CheckRow, formatReport, reportJson, rowVerdict } from './checkReport.ts';
import { loadUserMachine } from './loadUserMachine.ts';
import { parseOptions } from './parseOptions.ts';
import { vocabularyNotes } from './vocabularyNotes.ts';

const USAGE = 'dueprocess check [kinds…] [--policy NAME|FILE] [--machine FILE [--export NAME]] [--date YYYY-MM-DD] [--max-states N] [--max-seconds N] [--stepper port|xstate|verify] [--threads N] [--json]';

/** `dueprocess check`: every rule on every kind (or the user's machine) under every policy. */
export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      policy: { type: 'string' },
      machine: { type: 'string' },
      export: { type: 'string' },
      date: { type: 'string' },
      'max-states': { type: 'string' },
      'max-seconds': { type: 'string' },
      stepper: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.export && !values.machine) throw new InputError('usage', '--export', values.export, 'needs --machine', `usage: ${USAGE}`);
  const date = values.date ?? CHECK_DATE;
  const parsedDate = IsoDate.safeParse(date);
  if (!parsedDate.success) throw fromZod(parsedDate.error, date, '--date');
  const maxStates = positiveInt(values['max-states'], '--max-states');
  const maxSeconds = positiveInt(values['max-seconds'], '--max-seconds');
  const threads = positiveInt(values.threads, '--threads');
  const stepper = values.stepper;
  if (stepper !== undefined && !isStepper(stepper)) throw new InputError('invalid', '--stepper', stepper, 'is not a way to compute steps', 'use port (the default), xstate, or verify');

  const user = values.machine ? await loadUserMachine(values.machine, values.export) : undefined;
  // A kind named twice is checked once: the counts in the summary are of distinct checks.
  const kinds = [...new Set(positionals)].map((kind) => {
    const entry = findKind(kind);
    if (!entry) throw unknownKind('kind', kind);
    return entry;
  });
  if (!user && kinds.length === 0) kinds.push(...CATALOGUE);
  const policies = values.policy ? [loadPolicy(values.policy)] : Object.values(POLICIES);
  const budget = { ...(maxStates ? { maxStates } : {}), ...(maxSeconds ? { maxMs: maxSeconds * 1000 } : {}), ...(stepper ? { stepper } : {}) };
  const tty = process.stderr.isTTY && !values.json;
  const progress = (p: { kind: string; policy: string; rule: string; states: number; ms: number }) =>
    process.stderr.write(`\r\x1b[K  checking ${p.kind} × ${p.policy} (${p.rule}): ${p.states} states, ${(p.ms / 1000).toFixed(1)} s`);

  const notPorted = user && stepper !== 'xstate' ? unsupportedFeature(user.machine) : null;
  if (user && notPorted) console.error(`note: ${user.name} is stepped by XState itself, not the port (${notPorted}); the check is exact either way, only slower`);
  for (const note of user ? vocabularyNotes(user.machine) : []) console.error(`note: ${user?.name}: ${note}`);
  const begun = Date.now();
  const rows: CheckRow[] = [];
  const tasks = policies.flatMap((policy) => kinds.map((entry) => ({ kind: entry.kind, policy, date, ...budget, weight: taskWeight(entry) })));
  let done: Awaited<ReturnType<typeof checkInParallel>>;
  try {
    if (user) {
      for (const policy of policies) {
        const version = policyVersionAt(policy, date);
        const started = Date.now();
        const { results, unreached } = checkTarget(user, version, RULES, { ...budget, ...(tty ? { onProgress: (p) => progress({ kind: user.name, policy: policy.id, ...p }) } : {}) });
        const unused = unreached();
        const slots = policySlotsOf(user.machine, version);
        rows.push({ machine: user.name, policy: policy.id, version: version.title, results, ms: Date.now() - started, ...(unused ? { unreached: unused } : {}), ...(slots.length ? { slots } : {}) });
      }
    }
    done = await checkInParallel(tasks, tty ? progress : undefined, threads);
  } catch (e) {
    if (!(e instanceof StepMismatch)) throw e;
    if (tty) process.stderr.write('\r\x1b[K');
    console.error(`dueprocess: ${e.message}\n  ${STEP_MISMATCH_FIX}`);
    if (values.json) console.log(JSON.stringify({ error: { reason: 'stepMismatch', message: e.message, fix: STEP_MISMATCH_FIX } }, null, 2));
    return 1;
  }
  if (tty) process.stderr.write('\r\x1b[K');
  tasks.forEach((task, i) => {
    const result = done[i];
    if (result) rows.push({ machine: task.kind, policy: task.policy.id, version: policyVersionAt(task.policy, date).title, results: result.results, ms: result.ms });
  });
  // The whole catalogue gets one summary table; named kinds or a machine of your own get each rule too.
  console.log(values.json ? JSON.stringify(reportJson(rows, { asOf: date }), null, 2) : formatReport(rows, { rules: user !== undefined || positionals.length > 0, asOf: date }));
  if (!values.json) console.error(`checked in ${((Date.now() - begun) / 1000).toFixed(1)} s (slowest: ${slowest(rows)})`);
  return rows.some((r) => rowVerdict(r.results) !== 'holds') ? 1 : 0;
}

const STEP_MISMATCH_FIX = 'Every machine function (guard, assignment, delay) must give the same answer for the same context and event; if yours do, this is a dueprocess bug: --stepper xstate checks without the port.';

const EXAMPLES: Record<string, string> = { '--max-states': '100000', '--threads': '2' };

function positiveInt(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InputError('invalid', field, value, 'is not a positive whole number', `give a number like ${EXAMPLES[field] ?? '60'}`);
  return n;
}

function slowest(rows: readonly CheckRow[]): string {
  const top = [...rows].sort((a, b) => b.ms - a.ms)[0];
  return top ? `${top.machine} × ${top.policy}, ${(top.ms / 1000).toFixed(1)} s` : 'none';
}
