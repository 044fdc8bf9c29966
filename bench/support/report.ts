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
 * Median times of `a` and `b`, their runs alternating (and which goes first alternating too) after
 * `warm` unmeasured rounds of each, so neither side pays alone for warming code both share
 * (XState's own functions) or for collecting the other's garbage.
 */
export function medianPair(a: () => void, b: () => void, rounds: number, warm = 1): [number, number] {
  for (let i = 0; i < warm; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = now();
      (side === 0 ? a : b)();
      times[side as 0 | 1].push(msSince(start));
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
