import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../../src/domain/date.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { replayScenarioFile } from '../../src/scenarios/replayScenario.ts';
import type { Scenario, ScenarioFile, ScenarioStep } from '../../src/scenarios/Scenario.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const FILES = ['preservation.cloudflare', 'nationalSecurityLetter.cloudflare', 'emergency.letsencrypt', 'dataSubjectRequest.letsencrypt'];
const read = (name: string) => readScenarioFile(`scenarios/${name}.json`);

/** The file with one scenario (the first that `pick` accepts) edited at the step `pick` returns. */
function edited(file: ScenarioFile, pick: (s: Scenario) => number, edit: (step: ScenarioStep) => void): { file: ScenarioFile; index: number; step: number } {
  const copy = structuredClone(file);
  const index = copy.scenarios.findIndex((s) => pick(s) >= 0);
  if (index < 0) throw new Error('no scenario to edit');
  const scenario = copy.scenarios[index] as Scenario;
  const step = pick(scenario);
  edit(scenario.steps[step] as ScenarioStep);
  return { file: copy, index, step };
}

const divergenceOf = (file: ScenarioFile, index: number) => replayScenarioFile(file)[index]?.divergence;

describe('replayScenarioFile on committed files', () => {
  it.each(FILES)('every scenario of %s replays as written', (name) => {
    const file = read(name);
    const replays = replayScenarioFile(file);
    expect(replays.length).toBe(file.scenarios.length);
    expect(replays.filter((r) => r.divergence).map((r) => [r.scenario.id, r.divergence])).toEqual([]);
    for (const r of replays) expect(r.run.steps.length).toBeGreaterThanOrEqual(r.scenario.steps.filter((s) => s.expect.accepted).length);
  });
});

describe('replayScenarioFile finds the first step where an edited scenario diverges', () => {
  const nsl = read('nationalSecurityLetter.cloudflare');
  const day0 = (s: Scenario) => dayNumber(s.request.receivedOn as string);

  it('a deadline due a day late: at that step, on expect.deadlines', () => {
    const { file, index, step } = edited(nsl, (s) => s.steps.findIndex((st, k) => k > 0 && st.expect.deadlines.length > 0), (st) => {
      const d = st.expect.deadlines[0] as { due: string };
      d.due = isoDate(dayNumber(d.due) + 1);
    });
    const d = divergenceOf(file, index);
    expect(d).toMatchObject({ step, field: 'expect.deadlines', says: nsl.scenarios[index]?.steps[step]?.says });
    expect(d?.actual).toEqual(nsl.scenarios[index]?.steps[step]?.expect.deadlines);
    expect(d?.expected).toEqual(file.scenarios[index]?.steps[step]?.expect.deadlines);
  });

  it('another notice status: at that step, on expect.notice', () => {
    const { file, index, step } = edited(nsl, (s) => s.steps.findIndex((st) => st.expect.notice === 'not sent' && st.day > 0), (st) => void (st.expect.notice = 'sent'));
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'expect.notice', expected: 'sent', actual: 'not sent' });
  });

  it('accepted flipped: at that step, on expect.accepted', () => {
    const { file, index, step } = edited(nsl, (s) => s.steps.findIndex((st) => st.do.kind === 'event'), (st) => void (st.expect.accepted = false));
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'expect.accepted', expected: false, actual: true });
  });

  it('an event the model refuses in place of one it takes: at that step, on expect.accepted', () => {
    const { file, index, step } = edited(nsl, (s) => s.steps.findIndex((st) => st.do.kind === 'event' && st.expect.accepted), (st) => void (st.do = { kind: 'event', event: { type: 'emergency.ended' } }));
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'expect.accepted', expected: true, actual: false });
  });

  it('a secrecy flag edited at a later step leaves the steps before it matching', () => {
    const { file, index, step } = edited(nsl, (s) => (s.steps.length > 3 ? s.steps.length - 1 : -1), (st) => void (st.expect.secrecy = !st.expect.secrecy));
    expect(step).toBeGreaterThan(2);
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'expect.secrecy' });
  });

  it('a date that does not match its day: on `on`', () => {
    const { file, index, step } = edited(nsl, (s) => (s.steps.length > 1 ? 1 : -1), (st) => void (st.on = isoDate(dayNumber(st.on) + 1)));
    const s = file.scenarios[index] as Scenario;
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'on', actual: isoDate(day0(s) + (s.steps[step] as ScenarioStep).day) });
  });

  it('a deadline said to pass that does not: on passes', () => {
    const { file, index, step } = edited(nsl, (s) => s.steps.findIndex((st) => st.do.kind === 'endDay'), (st) => {
      if (st.do.kind === 'endDay') st.do.passes = [...st.do.passes, 'P99D'];
    });
    expect(divergenceOf(file, index)).toMatchObject({ step, field: 'passes' });
  });

  it('a file written under another policy version: at step 0, on policy.version', () => {
    const file = { ...structuredClone(nsl), policy: { id: 'cloudflare', version: 'an older version' } };
    expect(divergenceOf(file, 0)).toMatchObject({ step: 0, field: 'policy.version', expected: 'an older version', actual: nsl.policy.version });
  });

  it('the CLI refuses a --policy no file was written under, which it would otherwise ignore', async () => {
    const { code, err } = await runCliCaptured(['replay', 'scenarios/preservation.cloudflare.json', '--policy', 'letsencrypt']);
    expect(code).toBe(2);
    expect(err).toContain('--policy: is policy "letsencrypt", but the files were written under cloudflare (got "letsencrypt")');
  });

  it('the CLI says a file written under another policy version once, naming both versions and the fix', async () => {
    const path = tempFile('older.json', JSON.stringify({ ...structuredClone(nsl), policy: { id: 'cloudflare', version: 'an older version' } }));
    const { code, out } = await runCliCaptured(['replay', path]);
    expect(code).toBe(1);
    expect(out).toContain(`0 of ${nsl.scenarios.length} scenarios replay as written`);
    expect(out.match(/✗/g)).toHaveLength(1);
    expect(out).toContain(`written under policy version "an older version"; the policy in force on its dates is ${JSON.stringify(nsl.policy.version)}`);
    expect(out).toContain('--policy FILE');
  });

  it('only the edited scenario diverges', () => {
    const { file, index } = edited(nsl, (s) => (s.steps.length > 2 ? 2 : -1), (st) => void (st.expect.tags = [...st.expect.tags, 'extra']));
    const diverged = replayScenarioFile(file).flatMap((r, i) => (r.divergence ? [[i, r.divergence.field]] : []));
    expect(diverged).toEqual([[index, 'expect.tags']]);
  });
});

describe('replayScenarioFile on a file it cannot judge', () => {
  const file = read('preservation.cloudflare');
  it('an unknown kind or policy is an InputError naming the field', () => {
    expect(() => replayScenarioFile({ ...file, kind: 'nope' })).toThrow(InputError);
    expect(() => replayScenarioFile({ ...file, kind: 'nope' })).toThrow(/^kind: is not a kind in the catalogue \(got "nope"\)/);
    // A misspelt kind or policy is named with the one meant; one far from any is not.
    expect(() => replayScenarioFile({ ...file, kind: 'preservaton' })).toThrow(/regenerate the file with `dueprocess scenarios`; did you mean preservation\?/);
    expect(() => replayScenarioFile({ ...file, kind: 'nope' })).not.toThrow(/did you mean/);
    expect(() => replayScenarioFile({ ...file, policy: { id: 'cloudflar', version: 'x' } })).toThrow(/did you mean cloudflare\?/);
    expect(() => replayScenarioFile({ ...file, policy: { id: 'google', version: 'x' } })).toThrow(/^policy\.id: is the policy the scenarios were written under, and not one of cloudflare, letsencrypt \(got "google"\)\. Fix: give that policy’s JSON file/);
    // A name every object inherits is no policy either.
    expect(() => replayScenarioFile({ ...file, policy: { id: 'constructor', version: 'x' } })).toThrow(/^policy\.id: is the policy the scenarios were written under, and not one of cloudflare, letsencrypt \(got "constructor"\)/);
  });

  it('a request the kind’s schema rejects is an InputError naming the scenario', () => {
    const bad = structuredClone(file);
    (bad.scenarios[3] as Scenario).request.categories = ['realTimeNonContent'];
    expect(() => replayScenarioFile(bad)).toThrow(/^scenarios\[3\]\.request\.categories/);
  });
});
