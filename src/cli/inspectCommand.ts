import { InputError } from '../domain/InputError.ts';
import { startInspector } from '../inspect/inspectorServer.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess inspect [--port N]';

/** `dueprocess inspect`: serves the live inspector on 127.0.0.1 until SIGINT or SIGTERM. */
export async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { port: { type: 'string' } }, USAGE);
  if (positionals.length) throw new InputError('usage', 'arguments', positionals.join(' '), 'inspect takes no positional arguments', `usage: ${USAGE}`);
  const port = parsePort(values.port);
  const inspector = await onPort(port, () => startInspector({ port }));
  console.log(`dueprocess inspector: open ${inspector.url}`);
  console.log(`In your app: createActor(machine, { inspect: createWebSocketInspector({ url: '${inspector.wsUrl}' }).inspect })`);
  console.log(`Or for a TimedRun: connectInspector('${inspector.wsUrl}').report(run, day0)`);
  console.log('Listening on loopback only; press Ctrl-C to stop.');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await inspector.close();
  console.log(`dueprocess inspector: stopped (${signal})`);
  return 0;
}

/** `--port` as a TCP port; 0 or absent picks a free one. */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new InputError('invalid', '--port', text, 'is not a TCP port', 'give a whole number from 0 (any free port) to 65535');
  return port;
}

/**
 * Runs `start`, which listens on `port`, and turns a port already taken (EADDRINUSE) or not this
 * user's to open (EACCES) into an `InputError` on `--port`; any other failure passes through.
 *
 * @example
 * const inspector = await onPort(4000, () => startInspector({ port: 4000 }));
 * // port taken: InputError "--port: is already in use (got 4000). Fix: choose another port, or stop what is using it"
 */
export async function onPort<T>(port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EADDRINUSE') throw new InputError('invalid', '--port', port, 'is already in use', 'choose another port, or stop what is using it');
    if (code === 'EACCES') throw new InputError('invalid', '--port', port, 'may not be opened by this user (ports below 1024 need privileges)', 'choose another port, from 1024 up, or 0 for any free one');
    throw error;
  }
}
