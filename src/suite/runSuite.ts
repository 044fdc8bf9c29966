import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { SUITE_CONFIG } from './writeSuite.ts';

/** How a generated suite run ended: passed or not, the first failure's text, and how many tests failed. */
export interface SuiteRun {
  passed: boolean;
  failed: number;
  firstFailure: string;
}

/**
 * Runs a generated conformance suite with vitest in a child process, with extra environment
 * (an adapter reads its switches from there). With `bail`, stops at the first failing test.
 *
 * @example
 * runSuite('.cache/conformance', { DUEPROCESS_FAULT: 'notice-during-gag' }).passed // false
 */
export function runSuite(dir: string, env: Record<string, string> = {}, bail = false): SuiteRun {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const args = [vitest, 'run', '--root', resolve(dir), '--config', join(resolve(dir), SUITE_CONFIG), '--reporter', 'json', ...(bail ? ['--bail', '1'] : [])];
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const report = parseReport(result.stdout);
  if (!report) throw new Error(`vitest did not report on ${dir} (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  const failures = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed'));
  return { passed: result.status === 0, failed: failures.length, firstFailure: failures[0]?.failureMessages[0] ?? (result.status === 0 ? '' : result.stderr.slice(0, 2000)) };
}

interface VitestJson {
  testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[];
}

function parseReport(stdout: string): VitestJson | null {
  const start = stdout.indexOf('{"num');
  if (start < 0) return null;
  try {
    return JSON.parse(stdout.slice(start)) as VitestJson;
  } catch {
    return null;
  }
}
