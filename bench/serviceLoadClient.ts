// The service load test's own client: one call shape (method, path, JSON body → status, JSON
// body) over three transports, a fixed-size worker pool, and latency percentiles.
import { Agent, request } from 'node:http';

/** An answer: the status and the parsed JSON body (null when there is none). */
export interface Reply {
  status: number;
  body: unknown;
}

/** One call to the service: method, path (with query), optional JSON body. */
export type Caller = (method: string, path: string, body?: unknown) => Promise<Reply>;

const parse = (text: string): unknown => (text === '' ? null : JSON.parse(text));

/**
 * Node's `http.request` on a keep-alive agent of `sockets` sockets. Measured faster than global
 * `fetch` (undici) on loopback here; `fetchCaller` stays for that comparison.
 */
export function httpCaller(base: string, token: string, sockets: number): { call: Caller; close(): void } {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const call: Caller = (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      const req = request({ agent, host: url.hostname, port: url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
}

/** Node's global `fetch` (undici, keep-alive by default). */
export function fetchCaller(base: string, token: string): Caller {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: parse(await res.text()) };
  };
}

/** The same calls in-process through `app.request()`: the whole Hono app, no socket, no HTTP parsing. */
export function inProcessCaller(app: { request(path: string, init: RequestInit): Response | Promise<Response> }, token: string): Caller {
  return async (method, path, body) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: parse(await res.text()) };
  };
}

/** Latencies (ms) and wall time of one phase. */
export interface PhaseTimes {
  latencies: number[];
  wallMs: number;
}

/** The time of `call` in ms, with its answer. */
export async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const answer = await call();
  return [answer, Number(process.hrtime.bigint() - start) / 1e6];
}

/**
 * Runs `count` tasks with at most `concurrency` in flight, `task(i)` for i = 0…count-1 taken in
 * order; each task returns the latency (ms) of its own call, so time spent waiting for an earlier
 * task of the same case is not counted.
 */
export async function runPool(count: number, concurrency: number, task: (i: number) => Promise<number>): Promise<PhaseTimes> {
  const latencies = new Array<number>(count);
  let next = 0;
  const start = process.hrtime.bigint();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) latencies[i] = await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latencies, wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

export interface Summary {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Requests per second and nearest-rank percentiles of a phase. */
export function summarize({ latencies, wallMs }: PhaseTimes): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { requests: sorted.length, perSecond: (sorted.length / wallMs) * 1000, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? 0 };
}
