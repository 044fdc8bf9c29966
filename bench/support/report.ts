// Shared by every benchmark: timing, and one human line (plus a JSON line with --json) per result.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const json = process.argv.includes('--json');

/** Milliseconds since `start` (from `now()`). */
export function now(): bigint {
  return process.hrtime.bigint();
}
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median time of `fn` over `rounds` runs, after `warm` unmeasured ones. */
export function median(fn: () => void, rounds: number, warm = 1): number {
  for (let i = 0; i < warm; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = now();
    fn();
    times.push(msSince(start));
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

/**
 * Median times of one run of `a` and of `b`, their samples alternating (and which goes first
 * alternating too) so neither side pays alone for warming code both share (XState's own
 * functions) or for collecting the other's garbage. Both sides are first run for at least
 * `warmMs` each (and `warm` times), so a run of a few milliseconds is timed with its code
 * optimised, not while V8 is still compiling it; a sample repeats a short run until it takes
 * about `sampleMs`, and is divided by its repetitions.
 */
export function medianPair(a: () => void, b: () => void, rounds: number, warm = 1, warmMs = 300, sampleMs = 20): [number, number] {
  const spent = [0, 0];
  let runs = 0;
  for (; runs < warm || (spent[0] as number) < warmMs || (spent[1] as number) < warmMs; runs++) {
    [a, b].forEach((fn, side) => {
      const start = now();
      fn();
      spent[side] = (spent[side] as number) + msSince(start);
    });
  }
  const reps = [a, b].map((_, side) => Math.max(1, Math.ceil(sampleMs / ((spent[side] as number) / runs))));
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const fn = side === 0 ? a : b;
      const n = reps[side] as number;
      const start = now();
      for (let r = 0; r < n; r++) fn();
      times[side as 0 | 1].push(msSince(start) / n);
    }
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)] as number;
  return [mid(times[0]), mid(times[1])];
}

/** Prints the human line, and the JSON object too under --json. */
export function report(line: string, record: Record<string, unknown>): void {
  console.log(line);
  if (json) console.log(JSON.stringify(record));
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

/** A full collection, so heap figures measure what is alive (node's gc, exposed at run time). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
