import { describe, expect, it } from 'vitest';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { StepMismatch } from '../../src/explore/Stepper.ts';
import { checkInParallel, defaultLanes, workerFailure } from '../../src/rules/checkInParallel.ts';
import { runCheckTask } from '../../src/rules/runCheckTask.ts';

describe('checkInParallel', () => {
  const tasks = [
    { kind: 'preservation', policy: cloudflare, date: CHECK_DATE, weight: 1 },
    { kind: 'dmcaSubpoena', policy: letsencrypt, date: CHECK_DATE, weight: 5 },
    { kind: 'abuseComplaint', policy: cloudflare, date: CHECK_DATE, weight: 2 },
    { kind: 'emergency', policy: letsencrypt, date: CHECK_DATE, weight: 4 },
  ];

  it("returns each task's verdicts in task order, whichever lane ran it (the main thread and a worker)", async () => {
    const progress: string[] = [];
    const done = await checkInParallel(tasks, (p) => progress.push(p.kind), 2);
    expect(done).toHaveLength(tasks.length);
    tasks.forEach(({ weight: _w, ...task }, index) => {
      const alone = runCheckTask({ ...task, index });
      expect(done[index]?.results.map((r) => `${r.rule.id}:${r.status}:${r.states}`)).toEqual(alone.results.map((r) => `${r.rule.id}:${r.status}:${r.states}`));
    });
    expect(new Set(progress)).toEqual(new Set(tasks.map((t) => t.kind)));
  });

  it('rejects when a task fails in whichever lane, and the other lanes stop taking tasks', async () => {
    const bad = { kind: 'nope', policy: cloudflare, date: CHECK_DATE, weight: 3 };
    await expect(checkInParallel([...tasks, bad, bad], undefined, 2)).rejects.toThrow(/no kind nope/);
  });

  it("rebuilds a worker's StepMismatch as one on the main thread, and names the task for any other failure", () => {
    const mismatch = workerFailure({ name: 'StepMismatch', message: 'the port (fastStepper) and XState differ on {"type":"x"}' }, { kind: 'subpoena', policy: cloudflare });
    expect(mismatch).toBeInstanceOf(StepMismatch);
    expect(mismatch.name).toBe('StepMismatch');
    expect(mismatch.message).toBe('the port (fastStepper) and XState differ on {"type":"x"}');
    const other = workerFailure({ name: 'TypeError', message: 'x is not a function' }, { kind: 'subpoena', policy: cloudflare });
    expect(other).not.toBeInstanceOf(StepMismatch);
    expect(other.message).toBe('checking subpoena × cloudflare: x is not a function');
  });

  it('returns nothing for no tasks, without starting a worker', async () => {
    expect(await checkInParallel([], undefined, 4)).toEqual([]);
  });

  it('leaves one core to V8 by default, and never has fewer than one lane', () => {
    expect([1, 2, 4, 8].map((cores) => defaultLanes(cores))).toEqual([1, 1, 3, 7]);
  });
});
