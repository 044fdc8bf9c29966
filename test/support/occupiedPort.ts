import { type Server, createServer } from 'node:net';

/** A TCP server holding a free port on 127.0.0.1, so a command given that port finds it taken; close it after. */
export async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the blocking server has no TCP port');
  return { port: address.port, server };
}
