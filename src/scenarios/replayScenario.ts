import { dayNumber, isoDate } from '../domain/date.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyDigest } from '../policy/policyDigest.ts';
import { policyRegistry } from '../policy/policyRegistry.ts';
import { filePolicy } from './filePolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { type TimedRun, advanceTo, sendEvent, startRun, stateLabel } from '../time/TimedRun.ts';
import { observe } from './observe.ts';
import { scenarioRequests } from './scenarioRequests.ts';
import type { Expectation, Scenario, ScenarioFile } from './Scenario.ts';

/** The first place a scenario and the model part ways. */
export interface Divergence {
  step: number;
  says: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface ScenarioReplay {
  scenario: Scenario;
  divergence: Divergence | null;
  /** The model's run up to the last step that matched. */
  run: TimedRun;
}

/**
 * Replays every scenario of a file against the catalogue's machine for its kind, under the
 * file's policy (a built-in one, or one of a provider's own `policies`, by id), and reports for
 * each the first step (and field) where the model disagrees.
 *
 * @example
 * replayScenarioFile(file).filter((r) => r.divergence)
 * replayScenarioFile(acmeFile, { acme }) // scenarios written with `dueprocess scenarios --policy acme-policy.json`
 */
export function replayScenarioFile(file: ScenarioFile, policies: Readonly<Record<string, ProviderPolicy>> = {}): ScenarioReplay[] {
  const { entry, requests } = scenarioRequests(file);
  const policy = filePolicy(file, policyRegistry(policies));
  return file.scenarios.map((scenario, i) => {
    const request = requests[i] as (typeof requests)[number];
    const version = policyVersionAt(policy, request.receivedOn);
    const digest = policyDigest(version);
    const sameContent = file.policy.digest === undefined || file.policy.digest === digest;
    const versionDiffers =
      version.title !== file.policy.version
        ? { written: file.policy.version, now: version.title }
        : sameContent
          ? null
          : { written: `${file.policy.version} (${file.policy.digest})`, now: `${version.title} (${digest}): same title, other content` };
    return replayScenario(withPolicy(entry.machine, version), request, scenario, versionDiffers);
  });
}

function replayScenario(machine: Parameters<typeof startRun>[0], request: { receivedOn: string }, scenario: Scenario, versionDiffers: { written: string; now: string } | null): ScenarioReplay {
  const day0 = dayNumber(request.receivedOn);
  let run = startRun(machine, request, 0);
  let matched = run;
  const diverge = (step: number, field: string, expected: unknown, actual: unknown): ScenarioReplay => ({
    scenario,
    run: matched,
    divergence: { step, says: scenario.steps[step]?.says ?? '', field, expected, actual },
  });
  if (versionDiffers) return diverge(0, 'policy.version', versionDiffers.written, versionDiffers.now);
  for (const [k, step] of scenario.steps.entries()) {
    if (step.on !== isoDate(day0 + step.day)) return diverge(k, 'on', step.on, isoDate(day0 + step.day));
    let accepted = true;
    if (step.do.kind === 'event') {
      const result = sendEvent(run, step.day, step.do.event);
      accepted = result.ok;
      run = result.run;
    } else if (step.do.kind === 'endDay') {
      const from = run.steps.length;
      run = advanceTo(run, step.day, true);
      const passed = run.steps.slice(from).map((s) => (s.trigger.kind === 'timer' ? s.trigger.delay : ''));
      if (JSON.stringify(passed) !== JSON.stringify(step.do.passes)) return diverge(k, 'passes', step.do.passes, passed);
    } else if (k !== 0) {
      return diverge(k, 'do.kind', 'receive only as the first step', step.do.kind);
    }
    const actual: Expectation = { accepted, state: stateLabel(run.snapshot), ...observe(run, day0) };
    for (const field of Object.keys(step.expect) as (keyof Expectation)[]) {
      if (JSON.stringify(step.expect[field]) !== JSON.stringify(actual[field])) return diverge(k, `expect.${field}`, step.expect[field], actual[field]);
    }
    matched = run;
  }
  return { scenario, run, divergence: null };
}
