import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/parseOptions.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const OPTIONS = { dir: { type: 'string' }, json: { type: 'boolean' } } as const;
const parse = (args: string[]) => parseOptions(args, OPTIONS, 'dueprocess x [--dir DIR] [--json]');
const refusal = (args: string[]) => {
  try {
    parse(args);
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('parseOptions', () => {
  it('names an option whose value starts with a dash, and how to give such a value', () => {
    const e = refusal(['--dir', '-x']) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect([e.field, e.value, e.fix]).toEqual(['--dir', '-x', 'give a value that does not start with a dash, or write --dir=-x if that is the value you mean']);
    expect(parse(['--dir=-x']).values.dir).toBe('-x');
  });

  it('refuses an option that takes a value given twice, however it is written, naming the option and both values', () => {
    for (const args of [['--dir', 'a', '--dir', 'b'], ['--dir=a', '--dir', 'b'], ['--dir', 'a', '--json', '--dir=a']]) {
      const error = refusal(args);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ reason: 'usage', field: '--dir', problem: 'is given more than once, and takes one value' });
      expect((error as InputError).fix).toBe('give --dir once: usage: dueprocess x [--dir DIR] [--json]');
    }
    expect(refusal(['--dir', 'a', '--dir', 'b'])).toMatchObject({ value: ['a', 'b'] });
  });

  it('takes each option once, and a flag repeated, as before', () => {
    expect(parse(['--dir', 'a', '--json', 'p']).values).toEqual({ dir: 'a', json: true });
    expect(parse(['--json', '--json']).values).toEqual({ json: true });
    expect(parse(['--dir', 'a', 'p', 'q']).positionals).toEqual(['p', 'q']);
    expect(refusal(['--nope'])).toMatchObject({ field: 'arguments' });
  });

  it.each([
    ['coverage', ['coverage', '--dir', 'scenarios', '--dir', 'other']],
    ['replay', ['replay', 'scenarios/preservation.cloudflare.json', '--policy', 'cloudflare', '--policy', 'letsencrypt']],
    ['viz', ['viz', 'subpoena', '--format', 'mermaid', '--format', 'dot']],
    ['report', ['report', '--period', '2026H1', '--period', '2026H2']],
  ])('every command refuses a repeated option: %s', async (_command, args) => {
    const { code, err } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(err).toMatch(/^dueprocess: --[a-z]+: is given more than once, and takes one value/);
  });
});
