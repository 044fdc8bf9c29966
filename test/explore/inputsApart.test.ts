import { describe, expect, it } from 'vitest';
import { safeWorkflow } from '../../examples/my-workflow.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { neverStep } from '../../src/rules/language.ts';
import { version } from '../support/handMachines.ts';

// The example workflow keeps nothing of its input, so runs from two requests pass through the
// same snapshots. A monitor sees the request on every step, so they must stay two runs.
const declared = safeWorkflow.root.meta?.alphabet;
const events = eventVariants(safeWorkflow.root.events.filter((t) => !t.startsWith('xstate.')), declared);
const fresh = { name: 'fresh records', input: { categories: ['nonContentRecords'], dataAgeDays: 0 } };
const old = { name: 'old records', input: { categories: ['nonContentRecords'], dataAgeDays: 4000 } };
const starts = (inputs: (typeof fresh)[]) => explore(safeWorkflow, { inputs, events, subsumption: false, links: true }).nodes.filter((n) => n.parent === -1).length;

describe('runs from different inputs stay apart', () => {
  it('explores from each different input, and once from equal ones', () => {
    expect(starts([fresh, old])).toBe(2);
    expect(starts([fresh, { ...fresh, name: 'the same again' }])).toBe(1);
    const one = explore(safeWorkflow, { inputs: [fresh], events, subsumption: false, links: true }).nodes.length;
    expect(explore(safeWorkflow, { inputs: [fresh, old], events, subsumption: false, links: true }).nodes.length).toBe(2 * one);
  });

  it('a monitor that reads the input late in a run finds what only the second input breaks, in the timed product too', () => {
    const bad = neverStep((info) => info.event.type === 'data.disclosed' && (info.input as typeof old.input).dataAgeDays > 3650, 'old data disclosed') as { monitor: Monitor };
    const run = explore(safeWorkflow, { inputs: [fresh, old], events, monitors: [bad.monitor] });
    expect(run.violations[0]?.path[0]?.input).toBe('old records');
  });

  it('the checker catches old data disclosed on the second request, which it used to prove', () => {
    const results = checkMachine({ name: 'safe', machine: safeWorkflow, inputs: [fresh, old], declared }, version, RULES);
    expect(results.find((r) => r.rule.id === 'no-disclosure-past-retention')).toMatchObject({ status: 'violated', input: 'old records' });
  });
});
