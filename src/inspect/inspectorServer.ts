import { createServer, type IncomingMessage } from 'node:http';
import { isIPv4 } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { InputError } from '../domain/InputError.ts';
import { chartSvg } from '../viz/layoutChart.ts';
import { statechartModel } from '../viz/statechartModel.ts';
import { actorRegistry, type InspectedActor } from './actorRegistry.ts';
import { inspectorPage } from './inspectorPage.ts';
import { parseInspectionMessage } from './inspectionMessage.ts';

/** A running inspector: where to open it, where apps connect, and what it knows. */
export interface Inspector {
  /** The page, `http://127.0.0.1:PORT/`. */
  url: string;
  /** Where apps send inspection events: `ws://127.0.0.1:PORT`. */
  wsUrl: string;
  close(): Promise<void>;
  /** Every actor reported so far, as a copy. */
  actors(): InspectedActor[];
}

/** The path viewers (the page) connect to; any other WebSocket path is an app reporting actors. */
export const LIVE_PATH = '/live';

/**
 * Serves the live inspector on a loopback address: the page at `/`, viewers on `ws://…/live`, and
 * apps anywhere else on the same port, speaking `@statelyai/inspect`'s WebSocket protocol. Every
 * connection must name this server in `Host`, and a browser may connect only from the page.
 *
 * @example
 * const inspector = await startInspector({ port: 0 });
 * createActor(machine, { inspect: createWebSocketInspector({ url: inspector.wsUrl }).inspect });
 */
export async function startInspector({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<Inspector> {
  if (!isLoopback(host)) {
    throw new InputError('invalid', 'host', host, 'is not a loopback address, and the inspector must not be reachable from other machines', 'use 127.0.0.1 (the default) or ::1');
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('invalid', 'port', port, 'is not a TCP port', 'give a whole number from 0 (any free port) to 65535');
  const bind = host === 'localhost' ? '127.0.0.1' : host;
  const charts = await Promise.all(CATALOGUE.map(async (e) => ({ machine: e.kind, svg: await chartSvg(statechartModel(e.machine)) })));
  const registry = actorRegistry();
  const viewers = new Set<WebSocket>();
  let page = '';
  let ownHost = '';

  const server = createServer((req, res) => {
    if (!sameHost(req, ownHost)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end(`open http://${ownHost}/ instead\n`);
    } else if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(page);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  const verifyClient = ({ req }: { req: IncomingMessage }, accept: (ok: boolean, code?: number, message?: string) => void) => {
    if (!sameHost(req, ownHost)) accept(false, 421, `connect to ws://${ownHost} instead`);
    else if (!sameOrigin(req, ownHost)) accept(false, 403, isLive(req) ? 'only the inspector page may follow /live' : 'a browser page may not report actors');
    else accept(true);
  };
  const wss = new WebSocketServer({ server, maxPayload: 16 * 1024 * 1024, verifyClient });

  wss.on('connection', (socket, req) => {
    socket.on('error', () => socket.terminate());
    if (isLive(req)) {
      viewers.add(socket);
      socket.on('close', () => viewers.delete(socket));
      socket.send(JSON.stringify({ type: 'state', actors: registry.list() }));
      return;
    }
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = parseInspectionMessage(data.toString());
      if (!message) return;
      const update = JSON.stringify({ type: 'update', actor: registry.apply(message) });
      for (const viewer of viewers) if (viewer.readyState === WebSocket.OPEN) viewer.send(update);
    });
  });

  await new Promise<void>((resolve, reject) => {
    // ws re-emits the server's errors, such as EADDRINUSE, and an 'error' nobody listens for throws.
    wss.once('error', reject);
    server.listen(port, bind, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the inspector has no TCP address');
  ownHost = `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const url = `http://${ownHost}/`;
  const wsUrl = `ws://${ownHost}`;
  page = inspectorPage(charts, { http: url, ws: wsUrl });

  return {
    url,
    wsUrl,
    actors: () => structuredClone(registry.list()),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

function isLive(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'ws://inspector').pathname === LIVE_PATH;
}

/** Whether a request names this server in `Host`, so a DNS-rebound name cannot reach it. */
function sameHost(req: IncomingMessage, ownHost: string): boolean {
  return req.headers.host === ownHost;
}

/**
 * Whether a WebSocket client is this server's own page or no browser at all (which sends no
 * Origin). Viewers read every actor's context and reporters' actors show to every viewer, so
 * another site open in the same browser may neither follow `/live` nor report.
 */
function sameOrigin(req: IncomingMessage, ownHost: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${ownHost}`;
}
