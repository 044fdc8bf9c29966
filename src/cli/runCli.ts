import { InputError } from '../domain/InputError.ts';
import { checkCommand } from './checkCommand.ts';
import { listCommand } from './listCommand.ts';
import { simulateCommand } from './simulateCommand.ts';

const USAGE = `dueprocess — how a provider handles demands for user data, as checked state machines

Usage:
  dueprocess list [--json]
  dueprocess simulate <kind> --request FILE --events FILE [--policy NAME|FILE] [--json]
  dueprocess check [kinds…] [--policy NAME|FILE] [--machine FILE [--export NAME]] [--date YYYY-MM-DD]
                   [--max-states N] [--max-seconds N] [--json]

Commands:
  list       every kind of demand: title, legal basis, compellable data, timers, sources
  simulate   replay a dated case through a kind's machine, step by step
  check      prove every rule on every path and deadline ordering, or print the shortest dated counterexample

Exit codes: 0 done, all rules hold · 1 an event was refused, or a rule was violated or left unproved · 2 bad input`;

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = { list: listCommand, simulate: simulateCommand, check: checkCommand };

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new InputError('usage', 'command', command, 'is not a dueprocess command', `use one of ${Object.keys(COMMANDS).join(', ')}`);
    return await run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`dueprocess: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

