import type { Monitor, MonitorStep, StepInfo } from './Monitor.ts';

/** Every monitor's step from one tuple of monitor states. */
export interface TupleStep {
  /** Each monitor's verdict; null where its rule had already failed. */
  readonly verdicts: readonly (MonitorStep<unknown> | null)[];
  /** The id of the tuple of the monitors' states after the step (`MonitorTuples.states`). */
  readonly tuple: number;
}

/** Each level maps one monitor's state id to the next level, the last one to the tuple's id. */
type TupleTrie = Map<number, TupleTrie | number>;

type Deadline = ReturnType<NonNullable<Monitor<unknown>['deadline']>>;

/**
 * Several monitors run side by side, their states interned (one object and one small id per
 * `key`) and their steps remembered: a monitor is a pure function of its state and the step, so
 * the same machine step from the same monitor states gives the same verdicts wherever in the
 * search it recurs. Which rules have
 * already failed is part of what is remembered: a failed rule's monitor is no longer run.
 *
 * @example
 * const tuples = new MonitorTuples([monitor], 1);
 * const first = tuples.start(info, [null]);
 * (tuples.known(first.tuple, 0, move, 0) ?? tuples.remember(first.tuple, [null], 0, move, 0, nextInfo)).verdicts[0]?.violation;
 */
export class MonitorTuples {
  private readonly ids: Map<string, number>[];
  /** By monitor, then state id − 1. */
  private readonly canonical: unknown[][];
  private readonly deadlines: (Deadline | undefined)[][];
  /** Tuple ids in a trie over the monitors' state ids: no key text made per look-up. */
  private readonly tupleIds: TupleTrie = new Map();
  private readonly tuples: (readonly number[])[] = [];
  /** By tuple id, made when first asked for. */
  private readonly stateLists: (readonly unknown[] | undefined)[] = [];
  private readonly keys = new Map<number, number>();
  /** By memo key (tuple, failures, input), then by move. */
  private readonly memo: (Map<object, TupleStep> | undefined)[] = [];

  constructor(
    readonly monitors: readonly Monitor<unknown>[],
    private readonly inputs: number,
  ) {
    this.ids = monitors.map(() => new Map());
    this.canonical = monitors.map(() => []);
    this.deadlines = monitors.map(() => []);
  }

  /** The monitors' first step, at a run's start. */
  start(info: StepInfo, failed: readonly unknown[]): TupleStep {
    return this.build(failed, (m) => m.initial(info));
  }

  /**
   * The monitors' step from `tuple` by `move` (an object that stands for one machine step: from
   * one machine state, by one event, to one machine state) on a run from input `input`, when it
   * was taken before; else undefined, and `remember` computes it.
   */
  known(tuple: number, failures: number, move: object, input: number): TupleStep | undefined {
    return this.memo[this.memoKey(tuple, failures, input)]?.get(move);
  }

  /** The monitors' step from `tuple` by `move`, computed from `info` and remembered. */
  remember(tuple: number, failed: readonly unknown[], failures: number, move: object, input: number, info: StepInfo): TupleStep {
    const step = this.compute(tuple, failed, info);
    const key = this.memoKey(tuple, failures, input);
    let byMove = this.memo[key];
    if (!byMove) this.memo[key] = byMove = new Map();
    byMove.set(move, step);
    return step;
  }

  private memoKey(tuple: number, failures: number, input: number): number {
    return (tuple * (this.monitors.length + 1) + failures) * this.inputs + input;
  }

  /** What identifies a tuple in a stored state: its id with the failed rules' places blanked. */
  key(tuple: number, failed: readonly unknown[], failures: number): number {
    if (failures === 0) return tuple;
    const memoKey = tuple * (this.monitors.length + 1) + failures;
    let key = this.keys.get(memoKey);
    if (key === undefined) {
      const ids = (this.tuples[tuple] as readonly number[]).map((id, i) => (failed[i] ? 0 : id));
      this.keys.set(memoKey, (key = this.tupleId(ids)));
    }
    return key;
  }

  /** Each monitor's state in a tuple (one object per distinct `key`), null where its rule had failed: one list per tuple, shared by every state that holds it. */
  states(tuple: number): readonly unknown[] {
    let states = this.stateLists[tuple];
    if (!states) this.stateLists[tuple] = states = (this.tuples[tuple] as readonly number[]).map((id, i) => (id === 0 ? null : (this.canonical[i] as unknown[])[id - 1]));
    return states;
  }

  /** A monitor's deadline in the state a tuple holds for it (none once its rule failed). */
  deadline(i: number, tuple: number): Deadline {
    const id = (this.tuples[tuple] as readonly number[])[i] as number;
    if (id === 0) return null;
    const known = this.deadlines[i] as (Deadline | undefined)[];
    let d = known[id];
    if (d === undefined) known[id] = d = (this.monitors[i] as Monitor<unknown>).deadline?.((this.canonical[i] as unknown[])[id - 1]) ?? null;
    return d;
  }

  private compute(tuple: number, failed: readonly unknown[], info: StepInfo): TupleStep {
    const ids = this.tuples[tuple] as readonly number[];
    return this.build(failed, (m, i) => m.step((this.canonical[i] as unknown[])[(ids[i] as number) - 1], info));
  }

  private build(failed: readonly unknown[], run: (m: Monitor<unknown>, i: number) => MonitorStep<unknown>): TupleStep {
    const n = this.monitors.length;
    const verdicts: (MonitorStep<unknown> | null)[] = new Array(n);
    const ids: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (failed[i]) {
        verdicts[i] = null;
        ids[i] = 0;
        continue;
      }
      const verdict = run(this.monitors[i] as Monitor<unknown>, i);
      verdicts[i] = verdict;
      ids[i] = this.intern(i, verdict.state);
    }
    return { verdicts, tuple: this.tupleId(ids) };
  }

  /** The state's id for monitor `i` (from 1), its first object kept as the canonical one. */
  private intern(i: number, state: unknown): number {
    const key = (this.monitors[i] as Monitor<unknown>).key(state);
    const ids = this.ids[i] as Map<string, number>;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size + 1));
      (this.canonical[i] as unknown[]).push(state);
    }
    return id;
  }

  private tupleId(ids: readonly number[]): number {
    let level = this.tupleIds;
    const last = ids.length - 1;
    for (let i = 0; i < last; i++) {
      const at = ids[i] as number;
      let below = level.get(at);
      if (!(below instanceof Map)) level.set(at, (below = new Map()));
      level = below;
    }
    let id = level.get(ids[last] as number) as number | undefined;
    if (id === undefined) {
      level.set(ids[last] as number, (id = this.tuples.length));
      this.tuples.push(ids);
    }
    return id;
  }
}
