import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { InputError } from '../../src/domain/InputError.ts';
import { EVENT_LOG_LIMIT } from '../../src/inspect/actorRegistry.ts';
import { type Inspector, startInspector } from '../../src/inspect/inspectorServer.ts';
import { openSocket, openViewer } from './wsClients.ts';

// The inspector's server: apps report in @statelyai/inspect's WebSocket protocol, viewers on
// /live follow, garbage is ignored, and nothing but loopback is ever bound.

const WAIT = { timeout: 10_000, interval: 20 };
let inspector: Inspector;

beforeAll(async () => {
  inspector = await startInspector({ port: 0 });
}, 60_000);

afterAll(async () => {
  await inspector?.close();
});

const stately = (message: Record<string, unknown>) => JSON.stringify({ createdAt: Date.now().toString(), id: null, rootId: 'app:1', _version: '0.4.0', ...message });

function get(path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, inspector.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the inspector server', () => {
  it('listens on 127.0.0.1 and names its page and its WebSocket', () => {
    expect(inspector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(inspector.wsUrl).toBe(inspector.url.replace('http:', 'ws:').replace(/\/$/, ''));
  });

  it('passes an app’s actor, snapshot and event messages to the viewers on /live', async () => {
    const viewer = await openViewer(inspector.wsUrl);
    await vi.waitFor(() => expect(viewer.messages[0]).toEqual({ type: 'state', actors: [] }), WAIT);
    const app = await openSocket(inspector.wsUrl);
    app.send(stately({ type: '@xstate.actor', sessionId: 'app:1', name: 'x:0', parentId: undefined, definition: JSON.stringify({ id: 'subpoena', states: {} }), snapshot: { status: 'active', value: { process: 'review', notice: 'pending' }, context: { a: 1 } } }));
    app.send(stately({ type: '@xstate.event', sessionId: 'app:1', sourceId: undefined, event: { type: 'review.completed', finding: 'sufficient' } }));
    app.send(stately({ type: '@xstate.snapshot', sessionId: 'app:1', event: { type: 'review.completed' }, snapshot: { status: 'active', value: { process: 'compliance', notice: 'pending' }, context: { a: 2 }, children: {} } }));
    await vi.waitFor(() => expect(viewer.messages).toHaveLength(4), WAIT);
    expect(viewer.messages.slice(1).map((m) => m.type)).toEqual(['update', 'update', 'update']);
    const [actor] = inspector.actors();
    expect(actor).toMatchObject({ sessionId: 'app:1', name: 'x:0', machine: 'subpoena', status: 'active', active: ['process.compliance', 'notice.pending'], context: { a: 2 } });
    expect(actor?.events.map((e) => e.event)).toEqual([{ type: 'review.completed', finding: 'sufficient' }]);
    expect(viewer.messages[3]?.actor).toEqual(actor);

    const late = await openViewer(inspector.wsUrl);
    await vi.waitFor(() => expect(late.messages[0]).toEqual({ type: 'state', actors: [actor] }), WAIT);
    app.close();
    viewer.socket.close();
    late.socket.close();
  });

  it('ignores messages that are not JSON or not inspection events, and keeps serving', async () => {
    const app = await openSocket(inspector.wsUrl);
    const before = inspector.actors();
    app.send('not json {');
    app.send(Buffer.from([1, 2, 3]));
    app.send(JSON.stringify({ type: '@xstate.nonsense', sessionId: 'g:1' }));
    app.send(JSON.stringify({ type: '@xstate.event', event: { type: 'no session' } }));
    app.send(JSON.stringify([1, 2]));
    app.send('null');
    app.send(stately({ type: '@xstate.event', sessionId: 'after-garbage', event: { type: 'ping' } }));
    await vi.waitFor(() => expect(inspector.actors().map((a) => a.sessionId)).toContain('after-garbage'), WAIT);
    expect(inspector.actors()).toHaveLength(before.length + 1);
    app.close();
  });

  it('keeps the last 200 events of an actor', async () => {
    const app = await openSocket(inspector.wsUrl);
    for (let i = 0; i < EVENT_LOG_LIMIT + 20; i++) app.send(stately({ type: '@xstate.event', sessionId: 'chatty', event: { type: `e${i}` } }));
    await vi.waitFor(() => expect(inspector.actors().find((a) => a.sessionId === 'chatty')?.events.at(-1)?.type).toBe(`e${EVENT_LOG_LIMIT + 19}`), WAIT);
    const events = inspector.actors().find((a) => a.sessionId === 'chatty')?.events ?? [];
    expect(events).toHaveLength(EVENT_LOG_LIMIT);
    expect(events[0]?.type).toBe('e20');
    app.close();
  });

  it('serves a self-contained page with every catalogue chart, and nothing else', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`connect-src ${inspector.wsUrl}"`);
    expect(page.body).toContain('data-machine="subpoena"');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await get('/favicon.ico')).status).toBe(404);
    expect((await get('/', 'evil.example:80')).status).toBe(421);
  });

  it('lets a browser follow /live only from its own page', async () => {
    await expect(openSocket(`${inspector.wsUrl}/live`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const own = await openSocket(`${inspector.wsUrl}/live`, { origin: inspector.url.replace(/\/$/, '') });
    own.close();
  });

  it('refuses a browser page from another origin as a reporter: its actors never reach the viewers', async () => {
    const viewer = await openViewer(inspector.wsUrl);
    await vi.waitFor(() => expect(viewer.messages).toHaveLength(1), WAIT);
    const forged = await openSocket(inspector.wsUrl, { origin: 'http://evil.example' }).catch((e: unknown) => e);
    if (forged instanceof WebSocket) forged.send(stately({ type: '@xstate.event', sessionId: 'forged:1', event: { type: 'forged' } }));
    const node = await openSocket(inspector.wsUrl);
    node.send(stately({ type: '@xstate.event', sessionId: 'node:1', event: { type: 'real' } }));
    await vi.waitFor(() => expect(inspector.actors().map((a) => a.sessionId)).toContain('node:1'), WAIT);
    await vi.waitFor(() => expect(viewer.messages.some((m) => m.actor?.sessionId === 'node:1')).toBe(true), WAIT);
    expect(forged).toBeInstanceOf(Error);
    expect(String(forged)).toMatch(/403/);
    expect(inspector.actors().map((a) => a.sessionId)).not.toContain('forged:1');
    expect(viewer.messages.filter((m) => m.actor?.sessionId === 'forged:1')).toEqual([]);
    const own = await openSocket(inspector.wsUrl, { origin: inspector.url.replace(/\/$/, '') });
    own.close();
    node.close();
    viewer.socket.close();
  });

  it('refuses a WebSocket, viewer or reporter, that names another Host', async () => {
    const rebound = { headers: { host: `evil.example:${new URL(inspector.url).port}` } };
    await expect(openSocket(inspector.wsUrl, rebound)).rejects.toThrow(/421/);
    await expect(openSocket(`${inspector.wsUrl}/live`, rebound)).rejects.toThrow(/421/);
  });

  it('refuses to bind anything but a loopback address', async () => {
    const refused = await startInspector({ host: '0.0.0.0' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ field: 'host', value: '0.0.0.0' });
    expect((refused as InputError).fix).toContain('127.0.0.1');
    await expect(startInspector({ host: '192.168.1.10' })).rejects.toThrow(/loopback/);
  });

  it('starts on any free port and stops cleanly', async () => {
    const other = await startInspector({ port: 0 });
    expect(other.url).not.toBe(inspector.url);
    const app = await openSocket(other.wsUrl);
    await other.close();
    await vi.waitFor(() => expect(app.readyState).toBe(app.CLOSED), WAIT);
    await expect(openSocket(other.wsUrl)).rejects.toThrow();
  }, 60_000);
});
