import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { InputError } from '../domain/InputError.ts';

const FIX = 'give an address of this machine to listen on: 127.0.0.1 or ::1 (loopback), 0.0.0.0 or :: (every interface), or a host name that resolves to one';

/**
 * Refuses a `--host` that names no address: neither an IP address nor a host name that resolves.
 * Checked before anything is opened, so a bad host leaves nothing behind.
 *
 * @example
 * await checkHost('127.0.0.1'); // fine
 * await checkHost('999.1.1.1'); // throws: --host: is not an IP address, and no host has that name …
 */
export async function checkHost(host: string): Promise<void> {
  if (isIP(host) !== 0) return;
  try {
    await lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    throw new InputError('invalid', '--host', host, `is not an IP address, and no host has that name (${code})`, FIX);
  }
}

/**
 * A failure to listen on `host` as the `InputError` it is when the address is not this machine's
 * (EADDRNOTAVAIL); any other failure is returned as it is.
 *
 * @example
 * hostError(Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' }), '8.8.8.8'); // InputError: --host: is not an address of this machine …
 */
export function hostError(error: unknown, host: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EADDRNOTAVAIL' ? new InputError('invalid', '--host', host, 'is not an address of this machine, so nothing can listen on it', FIX) : error;
}
