import { parseArgs } from 'node:util';
import { createCaseEngine } from '../../../src/runtime/createCaseEngine.ts';
import { openCaseStore } from '../../../src/runtime/openCaseStore.ts';
import { runStream } from './caseStream.ts';
import { dyingStore } from './dyingStore.ts';
import { runRace } from './raceWorkload.ts';

/**
 * A case-engine worker process for the reliability tests, one line of stdout per thing done:
 *
 *   node --import tsx test/runtime/support/caseWorker.ts stream <db> <today> [--batch n] [--die-at-write n]
 *   node --import tsx test/runtime/support/caseWorker.ts race <db> <today> [--batch n] [--reverse]
 *
 * `<db>` is an SQLite file path or a postgres:// URL; the engine's clock reads `<today>`.
 * `stream` runs `runStream` (caseStream.ts); `race` runs `runRace` (raceWorkload.ts), starting
 * when a line arrives on stdin. With `--die-at-write n` the process SIGKILLs itself inside the
 * transaction of its `n`th write (dyingStore.ts). Start it with `node --import tsx`, not the
 * `tsx` command: that runs the script in a child process, which a SIGKILL of `tsx` leaves running.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { batch: { type: 'string', default: '3' }, reverse: { type: 'boolean', default: false }, 'die-at-write': { type: 'string' } } });
const [mode, db, today] = positionals;
if (!db || !today || (mode !== 'stream' && mode !== 'race')) {
  process.stderr.write('usage: caseWorker.ts stream|race <db> <today> [--batch n] [--die-at-write n] [--reverse]\n');
  process.exit(2);
}
const batch = Number(values.batch);
// Writes to a pipe are synchronous on Linux: a printed line is in the pipe before the next step.
const say = (line: string) => void process.stdout.write(`${line}\n`);
const go = () => new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const opened = await openCaseStore(db);
const store = values['die-at-write'] === undefined ? opened : dyingStore(opened, Number(values['die-at-write']));
const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => today });
if (mode === 'stream') await runStream(engine, today, say, batch);
else await runRace(engine, { batch, reverse: values.reverse }, say, go);
await store.close();
say('done');
process.exit(0);
