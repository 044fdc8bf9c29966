import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../machines/catalogue.ts';
import { POLICIES } from '../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { describeStep } from '../src/time/describeStep.ts';
import { replay } from '../src/time/replay.ts';

describe.each(Object.values(POLICIES))('every kind replays its check requests under $id', (policy) => {
  it.each(CATALOGUE.flatMap((e) => e.inputs.map((i) => [e.kind, i.name, e, i.input] as const)))('%s: %s, left for 400 days', (_kind, _name, entry, input) => {
    const request = entry.requestSchema.parse(input);
    const { run, rejected } = replay(entry, policyVersionAt(policy, request.receivedOn), request, [{ day: 400 }]);
    expect(rejected).toBeUndefined();
    const last = describeStep(run.steps.at(-1) as (typeof run.steps)[number], 0);
    expect(last.day).toBeLessThanOrEqual(400);
    // Left alone, a case never sits on a pending deadline past its day: every due timer fired.
    expect(run.timers.every((t) => t.dueDay > 400)).toBe(true);
  });
});
