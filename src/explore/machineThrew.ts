import type { AnyMachineSnapshot } from 'xstate';
import { InputError } from '../domain/InputError.ts';
import { valueJson } from './snapshotKey.ts';

/** An `InputError` that is the machine's own code failing (`machineThrew`), not the caller's input refused. */
export class MachineThrew extends InputError {}

const FIX = 'make every guard, assignment and delay work for each input and event the checker tries (meta.inputs, meta.alphabet)';

/**
 * A machine's own code failing, as the InputError the CLI reports (exit 2): on a step, the state
 * and the event it failed on, or that a loop of eventless transitions never settled; at the
 * start, the input it could not start from (XState keeps that failure in the snapshot, as status
 * `error`, instead of throwing it). `fix` replaces the checker's advice where the caller knows better.
 *
 * @example
 * throw machineThrew(new Error('x is undefined'), { snapshot, event: { type: 'notice.sent' } });
 */
export function machineThrew(error: unknown, at: { snapshot: AnyMachineSnapshot; event: { type: string } } | { input: unknown }, fix = FIX): MachineThrew {
  const message = error instanceof Error ? error.message : String(error);
  const [field, value, where] = 'input' in at ? ['input', at.input, 'the machine failed to start from it'] : [`event in state ${valueJson(at.snapshot.value)}`, at.event, 'the machine threw on it'];
  // XState's words when a step passes the machine's microstep cap (`capMicrosteps` sets one).
  if (message.startsWith('Infinite loop detected')) {
    return new MachineThrew('invalid', field, value, `${'input' in at ? 'started from it' : 'given it'}, the machine loops through eventless transitions (or raised events) without settling`, 'give a transition in the loop a guard that turns false, or make one of its states wait for an event');
  }
  const type = 'event' in at ? at.event.type : '';
  const ending = /^xstate\.(done|error)\.actor\./.exec(type);
  // An invoked actor's ending carries only what meta.alphabet declares for it; a guard reading more finds nothing.
  const advice = ending ? `declare the ${ending[1] === 'done' ? 'output' : 'error'} values your guards and assignments read, e.g. meta: { alphabet: { "${type}": { "${ending[1] === 'done' ? 'output' : 'error'}": [...] } } }` : fix;
  return new MachineThrew('invalid', field, value, `${where}: ${message}`, advice);
}
