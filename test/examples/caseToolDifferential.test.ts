import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../machines/catalogue.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import { walkSideBySide } from './support/walkSideBySide.ts';

// The reference case tool (examples/caseTool, no XState) against the model: seeded random walks of
// every kind under every built-in policy must agree on every acceptance and every observation.

const STEPS = 2000;

describe('the reference case tool agrees with the model on random walks', () => {
  const pairs = CATALOGUE.flatMap((entry) => Object.keys(POLICIES).map((policy) => [entry.kind, policy, entry] as const));

  it.each(pairs)('%s under %s', (_kind, policy, entry) => {
    const { disagreement, walks, steps, accepted } = walkSideBySide(entry, policy, { steps: STEPS, length: 12, seed: 20260115 });

    expect(disagreement).toBeNull();
    expect(steps).toBe(STEPS);
    expect(walks).toBeGreaterThanOrEqual(STEPS / 12);
    expect(accepted).toBeGreaterThan(steps / 10);
  });
});
