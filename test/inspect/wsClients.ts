import { type ClientOptions, WebSocket } from 'ws';

/** A `ws` client, once open. */
export async function openSocket(url: string, options?: ClientOptions): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

/** A viewer on the inspector's `/live` feed that keeps every message it receives. */
export async function openViewer(wsUrl: string): Promise<{ socket: WebSocket; messages: { type: string; actors?: unknown[]; actor?: Record<string, unknown> }[] }> {
  const socket = new WebSocket(`${wsUrl}/live`);
  const messages: { type: string }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as { type: string }));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages };
}
