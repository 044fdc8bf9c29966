import { InputError } from '../domain/InputError.ts';
import { withSuggestion } from '../domain/didYouMean.ts';

const USAGE = `dueprocess — how a provider handles demands for user data, as checked state machines

Usage:
  dueprocess list [--json]
  dueprocess simulate (<kind> | --machine FILE [--export NAME]) --request FILE --events FILE [--policy NAME|FILE] [--json]
  dueprocess check [kinds…] [--policy NAME|FILE] [--machine FILE [--export NAME]] [--date YYYY-MM-DD]
                   [--max-states N] [--max-seconds N] [--stepper port|xstate|verify] [--threads N] [--json]
  dueprocess scenarios [kinds…] [--policy NAME|FILE] [--dir DIR] [--check]
  dueprocess replay FILE… [--policy NAME|FILE]
  dueprocess coverage [--dir DIR] [--policy NAME|FILE] [--json]
  dueprocess suite --out DIR [--kinds K,K…] [--adapter MODULE|model [--policy FILE]] [--dir DIR]
  dueprocess viz <kind> --format mermaid|dot|scxml|json|html [--policy NAME|FILE] [--scenarios DIR] [--out FILE]
  dueprocess viz --machine FILE [--export NAME] --format mermaid|dot|scxml|json|html [--policy NAME|FILE] [--out FILE]
  dueprocess viz --all --out DIR [--policy NAME|FILE] [--scenarios DIR]
  dueprocess inspect [--port N]
  dueprocess audit verify --db FILE|URL [--head SEQ:HASH]
  dueprocess report --period 2026H1|2026H2|2026 [--db FILE|URL] [--format md|json|csv] [--as-of YYYY-MM-DD] [--published YYYY-MM-DD] [--policy NAME|FILE]
  dueprocess serve [--db FILE|URL] [--port N] [--host 127.0.0.1] [--policy NAME|FILE] [--tick-seconds N] [--today YYYY-MM-DD] [--admin-reads]
  dueprocess token create --role viewer|counsel|admin --name NAME [--db FILE|URL] · token list · token revoke ID

Commands:
  list       every kind of demand: title, legal basis, compellable data, timers, sources
  simulate   replay a dated case through a kind's machine (or your own), step by step
  check      prove every rule on every path and deadline ordering, or print the shortest dated counterexample
  scenarios  write every kind's dated scenarios to scenarios/, or --check that the committed ones are current
  replay     replay scenario files against the machines; report the first step that diverges
  coverage   what the committed scenarios cover: states, transitions, pairs, timers, rules
  suite      write a vitest conformance suite that drives a case tool's adapter through the scenarios
  viz        draw a kind's statechart (or your machine's) as mermaid, Graphviz DOT, SCXML, JSON, or an offline HTML page
             with a scenario player and a counterexample view; --all writes every kind's page and an index
  inspect    serve a live inspector on 127.0.0.1: running actors' states on the chart, events, context, deadlines;
             apps connect with @statelyai/inspect's createWebSocketInspector({ url }) or connectInspector(url)
  audit      verify a case database's hash-chained audit log, read-only; names an edited, deleted or reordered entry or a case the log does not account for
  report     a transparency report for a period: requests by kind and outcome, accounts, emergencies, and
             national-security process only in 50 U.S.C. 1874 bands, restated as gags lift
  serve      the case service over HTTP (OpenAPI at /openapi.json): cases, events, deadlines fired by a scheduler,
             audit trails; bearer tokens, roles, and secrecy compartments only assigned counsel can see into
  token      create, list or revoke the service's access tokens (stored hashed)

Exit codes: 0 done, all rules hold · 1 an event was refused, a rule was violated or left unproved, scenarios are stale
or diverge, or coverage is short of 100% · 2 bad input · 3 internal error`;

type Command = (args: string[]) => number | Promise<number>;

/** Each command's module, loaded when that command runs: the service, the viewer and the store pull in most of the dependencies, and a check needs none of them. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  list: async () => (await import('./listCommand.ts')).listCommand,
  simulate: async () => (await import('./simulateCommand.ts')).simulateCommand,
  check: async () => (await import('./checkCommand.ts')).checkCommand,
  scenarios: async () => (await import('./scenariosCommand.ts')).scenariosCommand,
  replay: async () => (await import('./replayCommand.ts')).replayCommand,
  coverage: async () => (await import('./coverageCommand.ts')).coverageCommand,
  suite: async () => (await import('./suiteCommand.ts')).suiteCommand,
  viz: async () => (await import('./vizCommand.ts')).vizCommand,
  inspect: async () => (await import('./inspectCommand.ts')).inspectCommand,
  audit: async () => (await import('./auditCommand.ts')).auditCommand,
  report: async () => (await import('./reportCommand.ts')).reportCommand,
  serve: async () => (await import('./serveCommand.ts')).serveCommand,
  token: async () => (await import('./tokenCommand.ts')).tokenCommand,
};

/** The CLI's commands, in the order the usage lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (load && (options.includes('--help') || options.includes('-h'))) {
    console.log(commandUsage(command));
    return 0;
  }
  try {
    if (!load) throw new InputError('usage', 'command', command, 'is not a dueprocess command', withSuggestion(`use one of ${COMMAND_NAMES.join(', ')}`, command, COMMAND_NAMES));
    const run = await load();
    return await run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`dueprocess: ${e.message}`);
      // A program reading --json gets the error on stdout too, in fields it can act on.
      if (options.includes('--json')) console.log(JSON.stringify({ error: { reason: e.reason, field: e.field, value: show(e.value), problem: e.problem, fix: e.fix, message: e.message } }, null, 2));
      return 2;
    }
    // Not bad input and no verdict: exit 1 would read as "a rule failed" to CI.
    const error = e instanceof Error ? e : new Error(String(e));
    console.error(`dueprocess: internal error, not a verdict on your machine: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}\nPlease report it with the command you ran.`);
    if (options.includes('--json')) console.log(JSON.stringify({ error: { reason: 'internal', message: error.message } }, null, 2));
    return 3;
  }
}

/** A value as JSON can carry it: itself when it serialises, else its text. */
function show(value: unknown): unknown {
  try {
    return value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {
    return String(value);
  }
}

/**
 * One command's part of the usage text: what it does, its usage lines and the exit codes.
 *
 * @example
 * commandUsage('replay'); // 'dueprocess replay — replay scenario files against the machines; …\n\nUsage:\n  dueprocess replay FILE…\n\nExit codes: …'
 */
export function commandUsage(command: string): string {
  const lines = USAGE.split('\n');
  const usage: string[] = [];
  const about: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith(`  dueprocess ${command} `) || line === `  dueprocess ${command}`) {
      usage.push(line);
      // Continuation lines are indented past the command's name; the next usage line is not.
      while ((lines[i + 1] ?? '').startsWith('    ')) usage.push(lines[++i] as string);
    } else if (line.startsWith(`  ${command} `)) {
      about.push(line.slice(2 + command.length).trim());
      while ((lines[i + 1] ?? '').startsWith(' '.repeat(13))) about.push((lines[++i] as string).trim());
    }
  }
  const exit = USAGE.slice(USAGE.indexOf('Exit codes:'));
  return `dueprocess ${command} — ${about.join(' ')}\n\nUsage:\n${usage.join('\n')}\n\n${exit}`;
}
