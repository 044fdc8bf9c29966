import { runCli } from './runCli.ts';

// A reader that stops early (`dueprocess list | head`) closes the pipe: it wants no more output.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2));
