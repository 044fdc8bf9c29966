import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./caseWorker.ts', import.meta.url));

/** How a worker process ended, and everything it printed. */
export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/**
 * Starts `caseWorker.ts` with `args` in its own process (`node --import tsx`, so the pid is the
 * worker's own and SIGKILL reaches it). `untilLine` waits for a printed line; it rejects if the
 * worker exits first.
 *
 * @example
 * const worker = startWorker(['stream', dbPath, '2026-01-20']);
 * await worker.untilLine((_, n) => n === 5);
 * worker.kill();
 * const { signal } = await worker.exited;
 */
export function startWorker(args: readonly string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.forEach((w) => w());
  });
  const exited = new Promise<WorkerExit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, lines, stderr })));

  /** Resolves once a line (the `n`th printed, from 1) satisfies `test`. */
  const untilLine = (test: (line: string, n: number) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!lines.some((l, i) => test(l, i + 1))) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
      void exited.then(({ code, signal }) => reject(new Error(`worker ${args.join(' ')} exited (${signal ?? code}) before the line awaited:\n${stderr}`)));
    });

  return {
    lines,
    exited,
    untilLine,
    kill: () => child.kill('SIGKILL'),
    write: (text: string) => child.stdin.write(text),
  };
}
