import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/scenarios/coverageOf.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import type { Scenario } from '../../src/scenarios/Scenario.ts';

const read = (name: string) => readScenarioFile(`scenarios/${name}.json`);

describe('coverageOf committed scenarios', () => {
  it.each(['preservation.cloudflare', 'nationalSecurityLetter.cloudflare'])('%s covers every reachable state, transition, pair and witnessed rule', (name) => {
    const file = read(name);
    const c = coverageOf(file);
    expect(c).toMatchObject({ kind: file.kind, policy: 'cloudflare', scenarios: file.scenarios.length, diverged: [] });
    expect(c.transitions).toMatchObject({ percent: 100, missing: [] });
    expect(c.transitions.covered).toBe(c.transitions.total);
    expect(c.transitions.total).toBeGreaterThan(5);
    expect(c.states).toMatchObject({ percent: 100, missing: [] });
    expect(c.pairs).toMatchObject({ percent: 100, missing: [] });
    expect(c.rules).toMatchObject({ percent: 100, missing: [] });
    expect(c.timers.armed + c.timers.neverArmed.length).toBe(c.timers.total);
    expect(c.timers.neverFired).toEqual([]);
  });

  it('preservation: the intake’s no-records branch is unreachable from the catalogue inputs, both timers armed, fired and cancelled', () => {
    const c = coverageOf(read('preservation.cloudflare'));
    expect(c.transitions.unreachable).toEqual(['intake —always [inline guard]→ noRecords']);
    expect(c.timers).toEqual({ total: 2, armed: 2, fired: 2, cancelled: 2, neverArmed: [], neverFired: [] });
  });

  it('nationalSecurityLetter: a fixed-term gag is never armed (its inputs are open-ended)', () => {
    const c = coverageOf(read('nationalSecurityLetter.cloudflare'));
    expect(c.timers.neverArmed).toEqual(['secrecyTerm @ secrecy.inForce.term.fixed']);
    expect(c.transitions.unreachable).toContain('secrecy.inForce.term.fixed —after secrecyTerm→ secrecy.ended');
  });
});

describe('coverageOf a reduced file', () => {
  const full = read('preservation.cloudflare');

  it('one scenario left: lower transition coverage, and the missing ids listed', () => {
    const only = full.scenarios.find((s) => s.title.endsWith('requester withdraws')) as Scenario;
    const c = coverageOf({ ...full, scenarios: [only] });
    expect(c.scenarios).toBe(1);
    expect(c.transitions.percent).toBeLessThan(100);
    expect(c.transitions.covered).toBe(only.covers.transitions.length);
    expect(c.transitions.missing).toEqual([
      'preserving.extensionPeriod|after P90D|0',
      'preserving.firstPeriod|after P90D|0',
      'preserving.firstPeriod|after P90D|1',
      'preserving.firstPeriod|preservation.extended|0',
      'preserving|process.received|0',
    ]);
    expect(c.transitions.covered + c.transitions.missing.length).toBe(c.transitions.total);
    expect(c.transitions.percent).toBe(Math.floor((c.transitions.covered / c.transitions.total) * 1000) / 10);
    expect(c.pairs.percent).toBeLessThan(100);
    expect(c.timers.fired).toBe(0);
    expect(c.timers.neverFired.length).toBe(1);
  });

  it('a scenario that diverges is listed, and its diverging step is not counted', () => {
    const only = structuredClone(full.scenarios.find((s) => s.title.endsWith('requester withdraws')) as Scenario);
    (only.steps[1] as Scenario['steps'][number]).expect.accepted = false;
    const c = coverageOf({ ...full, scenarios: [only] });
    expect(c.diverged).toEqual([only.id]);
    // The withdrawal is the step that no longer matches: "coverage counts only the steps that still match".
    expect(c.transitions.missing).toContain('preserving|request.withdrawn|0');
  });
});

describe('coverageOf a file it cannot judge', () => {
  const full = read('preservation.cloudflare');

  it('an unknown kind is an InputError naming the kind', () => {
    expect(() => coverageOf({ ...full, kind: 'nope' })).toThrow(/^kind: is not a kind in the catalogue \(got "nope"\)/);
  });

  it('an unknown policy is an InputError naming policy.id, as replay says', () => {
    expect(() => coverageOf({ ...full, policy: { id: 'google', version: 'x' } })).toThrow(/^policy\.id: is the policy the scenarios were written under, and not one of cloudflare, letsencrypt \(got "google"\)/);
  });
});
