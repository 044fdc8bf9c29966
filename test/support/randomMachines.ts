import fc from 'fast-check';
import { type AnyStateMachine, assign, createMachine, stateIn } from 'xstate';
import { DAY_MS } from '../../src/domain/duration.ts';

/** A transition of a generated machine: to a sibling, maybe guarded, maybe toggling the flag. */
export interface RandomTransition {
  to: number;
  guard: 'none' | 'flag' | 'noFlag' | 'otherAtStart';
  toggle: boolean;
}

export interface RandomLeaf {
  on: (RandomTransition & { event: 'a' | 'b' | 'c' })[];
  after: (RandomTransition & { days: number })[];
  /** An eventless transition, taken while the flag is set; it clears the flag, so eventless steps cannot loop. */
  always: { to: number } | null;
  /** Tagged `closed`: an outcome, for the termination rule. */
  closed: boolean;
}

/** A state of a region: a leaf, or a compound of two leaves whose transitions target each other (its own and its timers span both). */
export interface RandomState extends RandomLeaf {
  inner: RandomLeaf[];
}

/** One region (or the whole machine) of two to four states; every state is tagged with its path, e.g. `r1.s0` or `s2.c1`. */
export type RandomRegion = RandomState[];

export const RANDOM_EVENTS = [{ type: 'a' }, { type: 'b' }, { type: 'c' }] as const;

const transition = fc.record({
  to: fc.nat(3),
  guard: fc.constantFrom<RandomTransition['guard']>('none', 'none', 'flag', 'noFlag', 'otherAtStart'),
  toggle: fc.boolean(),
});

const leaf = (minOn: number) =>
  fc.record({
    on: fc.array(fc.record({ event: fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c') }).chain((e) => transition.map((t) => ({ ...t, ...e }))), { minLength: minOn, maxLength: 3 }),
    after: fc.array(fc.record({ days: fc.integer({ min: 1, max: 4 }) }).chain((d) => transition.map((t) => ({ ...t, ...d }))), { maxLength: 2 }),
    always: fc.option(fc.record({ to: fc.nat(3) }), { freq: 4 }),
    closed: fc.constantFrom(false, false, false, true),
  });

const state = fc.record({ inner: fc.constantFrom(0, 0, 0, 2).chain((n) => fc.array(leaf(0), { minLength: n, maxLength: n })) }).chain((s) => leaf(s.inner.length ? 0 : 1).map((l) => ({ ...l, ...s })));

/**
 * Machines of one or (more often) two parallel regions of two to four states, some of them
 * compound, with timers of 1–4 days, guards on a flag or the other region, assignments and
 * eventless transitions.
 */
export const randomRegions = fc.constantFrom(1, 2, 2).chain((n) => fc.array(fc.array(state, { minLength: 2, maxLength: 4 }), { minLength: n, maxLength: n }));

/** Smaller machines, for products of copies of one: a single region of two or three states. */
export const smallRegions = fc.array(state, { minLength: 2, maxLength: 3 }).map((states) => [states]);

/**
 * The XState machine for generated regions. A region's transitions only target its own states,
 * and a compound's children only each other; `otherAtStart` is a `stateIn` guard on the other
 * region's first state (no guard in a machine of one region); `toggle` flips the context flag.
 *
 * @example
 * const leaf = { on: [], after: [], always: null, closed: false, inner: [] };
 * const machine = buildRandom([[{ ...leaf, on: [{ event: 'a', to: 1, guard: 'none', toggle: false }] }, leaf]]);
 */
export function buildRandom(regions: readonly RandomRegion[]): AnyStateMachine {
  const parallel = regions.length > 1;
  const prefix = (r: number) => (parallel ? `r${r}.` : '');
  const region = (states: RandomRegion, r: number) => {
    const edge = (t: RandomTransition) => {
      const other = (r + 1) % regions.length;
      const guard =
        t.guard === 'flag'
          ? ({ context }: { context: { flag: boolean } }) => context.flag
          : t.guard === 'noFlag'
            ? ({ context }: { context: { flag: boolean } }) => !context.flag
            : t.guard === 'otherAtStart' && parallel
              ? stateIn(`#rand.r${other}.s0`)
              : undefined;
      return {
        ...(guard ? { guard } : {}),
        ...(t.toggle ? { actions: assign({ flag: ({ context }: { context: { flag: boolean } }) => !context.flag }) } : {}),
      };
    };
    const leafConfig = (l: RandomLeaf, tag: string, name: (i: number) => string, count: number) => {
      const grouped = <T extends RandomTransition>(list: readonly T[], keyOf: (t: T) => string) => {
        const out: Record<string, object[]> = {};
        for (const t of list) (out[keyOf(t)] ??= []).push({ target: name(t.to % count), ...edge(t) });
        return out;
      };
      const always = l.always ? { always: { target: name(l.always.to % count), guard: ({ context }: { context: { flag: boolean } }) => context.flag, actions: assign({ flag: false }) } } : {};
      return { tags: l.closed ? [tag, 'closed', 'withdrawn'] : [tag], on: grouped(l.on, (t) => t.event), after: grouped(l.after, (t) => String(t.days * DAY_MS)), ...always };
    };
    return {
      initial: 's0',
      states: Object.fromEntries(
        states.map((s, i) => {
          const tag = `${prefix(r)}s${i}`;
          const own = leafConfig(s, tag, (k) => `s${k}`, states.length);
          if (!s.inner.length) return [`s${i}`, own];
          const inner = Object.fromEntries(s.inner.map((c, j) => [`c${j}`, leafConfig(c, `${tag}.c${j}`, (k) => `c${k}`, s.inner.length)]));
          return [`s${i}`, { ...own, initial: 'c0', states: inner }];
        }),
      ),
    };
  };
  const context = { flag: false };
  const config = parallel
    ? { id: 'rand', type: 'parallel', context, states: Object.fromEntries(regions.map((states, r) => [`r${r}`, region(states, r)])) }
    : { id: 'rand', context, ...region(regions[0] as RandomRegion, 0) };
  return createMachine(config as never) as unknown as AnyStateMachine;
}

/** Every state's tag in generated regions. */
export function randomTags(regions: readonly RandomRegion[]): string[] {
  return regions.flatMap((states, r) => states.flatMap((s, i) => [`${regions.length > 1 ? `r${r}.` : ''}s${i}`, ...s.inner.map((_, j) => `${regions.length > 1 ? `r${r}.` : ''}s${i}.c${j}`)]));
}
