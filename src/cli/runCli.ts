import { InputError } from '../domain/InputError.ts';
import { listCommand } from './listCommand.ts';
import { simulateCommand } from './simulateCommand.ts';

const USAGE = `dueprocess — how a provider handles demands for user data, as checked state machines

Usage:
  dueprocess list [--json]
  dueprocess simulate <kind> --request FILE --events FILE [--policy NAME|FILE] [--json]

Commands:
  list       every kind of demand: title, legal basis, compellable data, timers, sources
  simulate   replay a dated case through a kind's machine, step by step

Exit codes: 0 done · 1 an event was refused by the machine · 2 bad input`;

const COMMANDS: Record<string, (args: string[]) => number> = { list: listCommand, simulate: simulateCommand };

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export function runCli(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new InputError('usage', 'command', command, 'is not a dueprocess command', `use one of ${Object.keys(COMMANDS).join(', ')}`);
    return run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`dueprocess: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

