/** A deadline a case's current state wants running: `key` names the state that owns it. */
export interface WantedDeadline {
  key: string;
  /** The delay's name in the vocabulary: `P14D`, `objectionWindow`, `secrecyTerm`. */
  name: string;
  days: number;
}

/** A running deadline: it passes at the end of day `due` (days since receipt). */
export interface RunningDeadline {
  key: string;
  name: string;
  due: number;
  /** Start order: of deadlines due the same day, the earlier started passes first. */
  seq: number;
}

/**
 * The deadlines of one case. A deadline starts when the state that wants it is entered and stops
 * when that state is left; a state entered again starts its deadline afresh.
 *
 * @example
 * const d = new Deadlines();
 * d.sync([{ key: 'notice', name: 'objectionWindow', days: 14 }], 3);
 * d.first()?.due // 17
 */
export class Deadlines {
  constructor(
    private running: RunningDeadline[] = [],
    private seq = 0,
  ) {}

  /** Stops deadlines no longer wanted and starts, on `day`, those wanted and not running. */
  sync(wanted: readonly WantedDeadline[], day: number): void {
    const keys = new Set(wanted.map((w) => w.key));
    this.running = this.running.filter((r) => keys.has(r.key));
    for (const w of wanted) {
      if (!this.running.some((r) => r.key === w.key)) this.running.push({ key: w.key, name: w.name, due: day + w.days, seq: this.seq++ });
    }
    this.running.sort((a, b) => a.due - b.due || a.seq - b.seq);
  }

  /** The deadline that passes next, if any. */
  first(): RunningDeadline | undefined {
    return this.running[0];
  }

  /** Takes the deadline that passes next off the list. */
  pass(): void {
    this.running.shift();
  }

  list(): readonly RunningDeadline[] {
    return this.running;
  }

  copy(): Deadlines {
    return new Deadlines(this.running.map((r) => ({ ...r })), this.seq);
  }
}
