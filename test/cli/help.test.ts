import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandUsage } from '../../src/cli/runCli.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

describe('dueprocess <command> --help', () => {
  it.each(COMMAND_NAMES)('%s --help prints what the command does and its usage, and exits 0', async (command) => {
    const { code, out, err } = await runCliCaptured([command, '--help']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(commandUsage(command));
    // A description, at least one usage line of this command, and the exit codes.
    expect(out).toMatch(new RegExp(`^dueprocess ${command} — \\S`));
    expect(out).toContain(`\nUsage:\n  dueprocess ${command}`);
    expect(out).toContain('Exit codes:');
  });

  it('keeps a usage line’s continuation and no other command’s lines', () => {
    const check = commandUsage('check');
    expect(check).toContain('[--max-states N]');
    expect(check).not.toContain('dueprocess scenarios');
    expect(commandUsage('viz').match(/^ {2}dueprocess viz/gm)).toHaveLength(3);
  });

  it.each(['check', 'simulate', 'scenarios', 'replay', 'coverage', 'suite', 'report', 'serve'])('%s: the usage an unknown option prints is the one --help and dueprocess --help print', async (command) => {
    const { code, err } = await runCliCaptured([command, '--no-such-option']);
    expect(code).toBe(2);
    const own = /Fix: usage: (dueprocess .*)$/m.exec(err)?.[1];
    expect(own).toBeDefined();
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(commandUsage(command))).toContain(flat(own as string));
  });

  it('takes -h as --help, after other options too', async () => {
    const { code, out } = await runCliCaptured(['check', 'subpoena', '--json', '-h']);
    expect(code).toBe(0);
    expect(out).toBe(commandUsage('check'));
  });

  it('reads --help after -- as a positional argument, so a kind named that is refused by name', async () => {
    const { code, err } = await runCliCaptured(['check', '--', '--help']);
    expect(code).toBe(2);
    expect(err).toContain('"--help"');
  });

  it('still refuses an unknown command given --help', async () => {
    const { code, err } = await runCliCaptured(['lsit', '--help']);
    expect(code).toBe(2);
    expect(err).toContain('is not a dueprocess command');
  });
});
