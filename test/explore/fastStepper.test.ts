import { type AnyMachineSnapshot, type AnyStateMachine, assign, cancel, createMachine, log, raise, sendTo, setup, stateIn } from 'xstate';
import { describe, expect, it } from 'vitest';
import { fastStepper, NotPorted } from '../../src/explore/fastStepper.ts';
import { unsupportedFeature } from '../../src/explore/fastSupport.ts';
import { pureStepper } from '../../src/explore/pureStepper.ts';
import { sameStep } from '../../src/explore/sameStep.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { TransitionCache } from '../../src/explore/transitionCache.ts';

/**
 * Every state reachable with `events` (timer events included as plain events), breadth first:
 * at each, every event is stepped by the port and by XState, and the two must agree. Returns how
 * many steps were compared and how many moved.
 */
function walkBoth(machine: AnyStateMachine, input: unknown, events: readonly { type: string }[], limit = 400): { compared: number; moved: number } {
  const fast = fastStepper(machine);
  if (!fast) throw new Error(`not ported: ${unsupportedFeature(machine)}`);
  const xstate = pureStepper(machine);
  const timers = machine.root.events.filter((t) => t.startsWith('xstate.after.')).map((type) => ({ type }));
  const all = [...events, ...timers];
  const [start] = xstate.initial(input);
  const seen = new Set([snapshotKey(start)]);
  const queue: AnyMachineSnapshot[] = [start];
  let compared = 0;
  let moved = 0;
  while (queue.length && seen.size < limit) {
    const snapshot = queue.shift() as AnyMachineSnapshot;
    for (const event of all) {
      const ours = fast.next(snapshot, event);
      const theirs = xstate.next(snapshot, event);
      expect(sameStep(ours, theirs), `${event.type} from ${JSON.stringify(snapshot.value)}`).toBeNull();
      expect(sameStep(fast.taken(snapshot, event), xstate.taken(snapshot, event)), `taken ${event.type}`).toBeNull();
      compared++;
      if (theirs[0] !== snapshot) moved++;
      const key = snapshotKey(theirs[0]);
      if (!seen.has(key) && theirs[0].status === 'active') {
        seen.add(key);
        queue.push(theirs[0]);
      }
    }
  }
  return { compared, moved };
}

describe('fastStepper takes the same steps as XState', () => {
  it('parallel regions, eventless chains, raised events, done events and a final root', () => {
    const machine = setup({
      types: {} as { context: { n: number; log: string[] } },
      guards: { big: ({ context }) => context.n >= 2, isDone: stateIn('#m.left.done') },
      delays: { later: ({ context }) => (context.n + 1) * 86_400_000, soon: 86_400_000 },
      // The config is cast: a named action with no implementation is part of what this checks.
    }).createMachine({
      id: 'm',
      type: 'parallel',
      context: { n: 0, log: [] },
      states: {
        left: {
          initial: 'a',
          onDone: { actions: assign({ log: ({ context }) => [...context.log, 'left done'] }) },
          states: {
            a: { on: { inc: { actions: assign({ n: ({ context }) => context.n + 1 }) }, go: 'b' }, always: { guard: 'big', target: 'b' } },
            b: { entry: raise({ type: 'ping' }), on: { ping: { target: 'c', actions: log('pinged') }, back: { target: 'a', reenter: true } }, after: { later: 'done' } },
            c: { on: { 'finish.*': 'done', '*': { actions: assign({ log: ({ context, event }) => [...context.log, event.type].slice(-2) }) } } },
            done: { type: 'final' },
          },
        },
        right: {
          initial: 'idle',
          states: {
            idle: { always: { guard: 'isDone', target: 'closing' }, on: { inc: [{ guard: ({ context }: { context: { n: number } }) => context.n > 5, target: 'closing' }, { actions: 'note' }] } },
            closing: { entry: [raise({ type: 'tick' }, { id: 'tick', delay: 86_400_000 })], exit: cancel('tick'), on: { tick: 'closed' }, after: { soon: 'closed' } },
            closed: { type: 'final' },
          },
        },
      },
    } as never) as unknown as AnyStateMachine;
    const { compared, moved } = walkBoth(machine, undefined, ['inc', 'go', 'ping', 'back', 'finish.now', 'other', 'tick'].map((type) => ({ type })));
    expect(compared).toBeGreaterThan(50);
    expect(moved).toBeGreaterThan(10);
  });

  it('conflicting transitions in parallel regions, a deeper source winning, root-level transitions, exit and entry order', () => {
    const trail = (name: string) => assign({ trail: ({ context }: { context: { trail: string } }) => `${context.trail} ${name}`.slice(-40) });
    const logged = (name: string, state: Record<string, unknown>): Record<string, unknown> => ({ ...state, entry: trail(`+${name}`), exit: trail(`-${name}`) });
    const machine = createMachine({
      id: 'c',
      type: 'parallel',
      context: { hits: 0, trail: '' },
      on: { reset: { target: '.p', reenter: true }, bump: { actions: assign({ hits: ({ context }) => context.hits + 1 }) } },
      states: {
        p: logged('p', {
          initial: 'x',
          states: {
            x: logged('x', { on: { jump: '#c.q.z', both: 'y', clash: 'y' } }),
            y: logged('y', { initial: { target: 'y2', actions: assign({ hits: 0 }) }, states: { y1: {}, y2: logged('y2', { on: { up: '#c.p.x', clash: '#c.q.w' } }) } }),
          },
        }),
        q: logged('q', { initial: 'w', states: { w: logged('w', { on: { both: 'z', bump: 'z', clash: '#c.p.y.y1' } }), z: logged('z', { on: { up: 'w', clash: '#c.p' } }) } }),
      },
    } as never);
    expect(walkBoth(machine, undefined, ['reset', 'bump', 'jump', 'both', 'up', 'clash'].map((type) => ({ type }))).moved).toBeGreaterThan(10);
  });

  it('eventless transitions that conflict: the first in document order goes first, the other in the next microstep', () => {
    const machine = createMachine({
      id: 'e',
      type: 'parallel',
      context: { entered: 0 },
      states: {
        a: { initial: 'a1', states: { a1: { entry: assign({ entered: ({ context }) => context.entered + 1 }), on: { go: 'a2' } }, a2: { always: 'a3' }, a3: { on: { go: 'a1' } } } },
        b: { initial: 'b1', states: { b1: { on: { go: 'b2' } }, b2: { always: '#e.a.a1' }, b3: {} } },
      },
    });
    const fast = fastStepper(machine);
    const xstate = pureStepper(machine);
    const [start] = xstate.initial(undefined);
    const theirs = xstate.next(start, { type: 'go' });
    expect(theirs[0].value).toEqual({ a: 'a1', b: 'b1' });
    expect(theirs[2].map((t) => t.target?.map((n) => n.id).join())).toEqual(['e.a.a2', 'e.b.b2', 'e.a.a3', 'e.a.a1']);
    expect(sameStep(fast?.next(start, { type: 'go' }) ?? null, theirs)).toBeNull();
    expect(walkBoth(machine, undefined, [{ type: 'go' }]).moved).toBeGreaterThan(1);
  });

  it('agrees on a payload the guards read, and on events no state takes', () => {
    const machine = createMachine({
      id: 'p',
      initial: 'open',
      context: { last: '' },
      states: {
        open: {
          on: {
            decide: [
              { guard: ({ event }) => (event as { verdict?: string }).verdict === 'yes', target: 'accepted' },
              { guard: ({ event }) => (event as { verdict?: string }).verdict === 'no', target: 'rejected', actions: assign({ last: 'no' }) },
              { actions: 'remember' },
            ],
          },
        },
        accepted: { type: 'final' },
        rejected: { on: { decide: { target: 'open' } } },
      },
    });
    const events = [{ type: 'decide', verdict: 'yes' }, { type: 'decide', verdict: 'no' }, { type: 'decide' }, { type: 'nothing' }];
    expect(walkBoth(machine, undefined, events).compared).toBeGreaterThan(8);
  });
});

describe('what the port leaves to XState', () => {
  it('refuses history states, invoked actors and actions it does not port, naming them', () => {
    const history = createMachine({ id: 'h', initial: 'a', states: { a: { on: { go: 'b' } }, b: { initial: 'b1', states: { b1: {}, hist: { type: 'history' } } } } });
    const invoking = createMachine({ id: 'i', initial: 'a', states: { a: { invoke: { src: createMachine({}) } } } });
    const sending = createMachine({ id: 's', initial: 'a', states: { a: { on: { go: { actions: sendTo('x', { type: 'y' }) } } } } });
    expect(unsupportedFeature(history)).toBe('state #h.b.hist is a history state');
    expect(unsupportedFeature(invoking)).toBe('state #i.a invokes an actor');
    expect(unsupportedFeature(sending)).toBe('state #s.a uses action xstate.sendTo');
    for (const m of [history, invoking, sending]) expect(fastStepper(m)).toBeNull();
  });

  it('throws NotPorted on a spawn inside assign, and the cache then takes XState’s step', () => {
    const child = createMachine({});
    const machine = createMachine({
      id: 'sp',
      initial: 'a',
      context: { n: 0 },
      states: { a: { on: { spawn: { actions: assign({ n: ({ spawn }) => (spawn(child), 1) }) }, plain: { actions: assign({ n: 2 }) } } } },
    });
    const fast = fastStepper(machine);
    const [start] = pureStepper(machine).initial(undefined);
    expect(() => fast?.next(start, { type: 'spawn' })).toThrow(NotPorted);
    const cache = new TransitionCache(machine);
    const moved = cache.next(cache.start(undefined).snapshot, { type: 'spawn' });
    expect(moved?.snapshot.context).toEqual({ n: 1 });
    expect(cache.xstateSteps).toBe(1);
    expect(cache.next(cache.start(undefined).snapshot, { type: 'plain' })?.snapshot.context).toEqual({ n: 2 });
    expect(cache.portedSteps).toBe(1);
  });

  it('leaves a snapshot with child actors to XState: it stops them when the machine finishes', () => {
    const child = createMachine({});
    const machine = createMachine({
      id: 'kids',
      initial: 'a',
      context: ({ spawn }) => {
        spawn(child, { id: 'kid' });
        return { n: 0 };
      },
      states: { a: { on: { go: 'done' } }, done: { type: 'final' } },
    });
    const fast = fastStepper(machine);
    const [start] = pureStepper(machine).initial(undefined);
    expect(Object.keys(start.children)).toEqual(['kid']);
    expect(() => fast?.next(start, { type: 'go' })).toThrow(NotPorted);
    const cache = new TransitionCache(machine, 'verify');
    const moved = cache.next(cache.start(undefined).snapshot, { type: 'go' });
    expect(moved?.snapshot.status).toBe('done');
    expect(cache.portedSteps).toBe(0);
    expect(pureStepper(machine).next(start, { type: 'go' })[1].map((a) => a.type)).toContain('xstate.stopChild');
  });

  it('verify reports the port failing where XState did not, and lets XState’s own error through', () => {
    let calls = 0;
    const once = createMachine({ id: 'once', initial: 'a', states: { a: { on: { go: { guard: () => (calls++ === 0 ? (() => { throw new Error('first call'); })() : true), target: 'b' } } }, b: {} } });
    const cache = new TransitionCache(once, 'verify');
    expect(() => cache.next(cache.start(undefined).snapshot, { type: 'go' })).toThrow(/the port \(fastStepper\) failed on \{"type":"go"\} from "a" where XState did not: Error: first call/);
    const always = createMachine({ id: 'always', initial: 'a', states: { a: { on: { go: { guard: () => { throw new Error('never'); }, target: 'b' } } }, b: {} } });
    const strict = new TransitionCache(always, 'verify');
    expect(() => strict.next(strict.start(undefined).snapshot, { type: 'go' })).toThrow(/Unable to evaluate guard in transition for event 'go' in state node 'always.a':\s+never/);
  });

  it('sameStep names what differs, so a wrong port fails verification', () => {
    const machine = createMachine({ id: 'd', initial: 'a', context: { n: 0 }, states: { a: { on: { go: 'b', inc: { actions: assign({ n: 1 }) } } }, b: {} } });
    const xstate = pureStepper(machine);
    const [start] = xstate.initial(undefined);
    expect(sameStep(xstate.next(start, { type: 'go' }), xstate.next(start, { type: 'go' }))).toBeNull();
    expect(sameStep(xstate.next(start, { type: 'go' }), xstate.next(start, { type: 'inc' }))).toMatch(/^value: "b" ≠ "a"/);
    expect(sameStep(xstate.next(start, { type: 'inc' }), xstate.next(start, { type: 'nothing' }))).toMatch(/^context: /);
    expect(sameStep(null, xstate.next(start, { type: 'go' }))).toMatch(/port refuses/);
  });
});
