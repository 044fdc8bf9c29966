import { runCli } from './runCli.ts';

process.exitCode = runCli(process.argv.slice(2));
