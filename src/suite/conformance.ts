// The runner a generated conformance suite uses. It is copied verbatim next to the generated
// tests, so it imports nothing: a suite runs against a case tool with only vitest installed.

/** What the suite compares after every step (see the scenario JSON Schema). */
export interface Observed {
  tags: string[];
  secrecy: boolean;
  notice: string;
  disclosed: string[];
  deadlines: { name: string; due: string }[];
}

/** The adapter a case tool provides (dueprocess's `CaseAdapter`). */
export interface Adapter {
  name: string;
  kinds?: readonly string[];
  open(request: unknown, policy: string): Case | Promise<Case>;
}

export interface Case {
  send(event: { type: string }, on: string): { accepted: boolean } | Promise<{ accepted: boolean }>;
  endDay(on: string): void | Promise<void>;
  observe(): Observed | Promise<Observed>;
}

export interface SuiteStep {
  day: number;
  on: string;
  says: string;
  do: { kind: 'receive' } | { kind: 'event'; event: { type: string } } | { kind: 'endDay'; passes: string[] };
  expect: Observed & { accepted: boolean; state: string };
}

export interface SuiteScenario {
  id: string;
  title: string;
  request: Record<string, unknown>;
  steps: SuiteStep[];
}

const FIELDS = ['tags', 'secrecy', 'notice', 'disclosed', 'deadlines'] as const;

/**
 * Drives a case tool through one scenario, step by step, and throws at the first step where the
 * system and the model disagree: the error tells the scenario's story up to there.
 *
 * @example
 * await runScenario(adapter, 'cloudflare', scenario);
 */
export async function runScenario(adapter: Adapter, policy: string, scenario: SuiteScenario): Promise<void> {
  const told: string[] = [];
  const fail = (k: number, what: string): never => {
    const step = scenario.steps[k] as SuiteStep;
    const story = [...told, `  ✗ day ${step.day} (${step.on}): ${step.says}`].join('\n');
    throw new Error(`${scenario.id}\n${scenario.title}\n\nThe system and the model disagree at step ${k}: ${what}\n\nThe story so far:\n${story}`);
  };
  const kase = await adapter.open(scenario.request, policy);
  for (const [k, step] of scenario.steps.entries()) {
    if (step.do.kind === 'event') {
      const { accepted } = await kase.send(step.do.event, step.on);
      if (accepted !== step.expect.accepted) fail(k, `the model ${step.expect.accepted ? 'accepts' : 'refuses'} ${JSON.stringify(step.do.event)} on ${step.on}; the system ${accepted ? 'accepted' : 'refused'} it`);
    } else if (step.do.kind === 'endDay') {
      await kase.endDay(step.on);
    }
    const seen = await kase.observe();
    for (const field of FIELDS) {
      const want = canonical(step.expect[field]);
      const got = canonical(seen[field]);
      if (want !== got) fail(k, `${field}: the model expects ${want}, the system shows ${got}`);
    }
    told.push(`  ✓ day ${step.day} (${step.on}): ${step.says}`);
  }
}

/** JSON with object keys sorted, so `{ due, name }` and `{ name, due }` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
