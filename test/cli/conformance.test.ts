import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import type { Scenario } from '../../src/scenarios/Scenario.ts';
import { modelAdapter } from '../../src/suite/modelAdapter.ts';
import { type Adapter, type Case, type Observed, type SuiteScenario, runScenario } from '../../src/suite/conformance.ts';

const model = modelAdapter;

/** The model, but its case says something else from the `at`-th observation on. */
function lying(at: number, lie: (seen: Observed) => Observed, lieAboutAccepted = false): Adapter {
  return {
    name: 'a liar',
    async open(request, policy) {
      const kase = (await model.open(request, policy)) as Case;
      let observed = 0;
      return {
        send: async (event, on) => {
          const { accepted } = await kase.send(event, on);
          return { accepted: lieAboutAccepted && observed === at ? !accepted : accepted };
        },
        endDay: (on) => kase.endDay(on),
        observe: async () => {
          const seen = await kase.observe();
          return observed++ === at ? lie(seen) : seen;
        },
      };
    },
  };
}

const files = ['preservation.cloudflare', 'preservation.letsencrypt', 'nationalSecurityLetter.cloudflare'].map((n) => readScenarioFile(`scenarios/${n}.json`));
const nsl = files[2] as NonNullable<(typeof files)[number]>;
const longOne = nsl.scenarios.find((s) => s.steps.length >= 5 && s.steps.some((st) => st.expect.secrecy)) as Scenario;

describe('runScenario with the model as the system under test', () => {
  it.each(files.map((f) => [`${f.kind} under ${f.policy.id}`, f] as const))('passes every committed scenario of %s', async (_name, file) => {
    for (const scenario of file.scenarios) await expect(runScenario(model, file.policy.id, scenario)).resolves.toBeUndefined();
  });

  it('the model adapter is a CaseAdapter and the suite’s Adapter alike', () => {
    const asAdapter: Adapter = model;
    expect(asAdapter.name).toBe('the model');
  });
});

describe('runScenario against a system that disagrees', () => {
  it('throws at the first step that differs, telling the scenario, the step and the field', async () => {
    const k = 3;
    const error = await runScenario(lying(k, (seen) => ({ ...seen, secrecy: !seen.secrecy })), 'cloudflare', longOne).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const message = error?.message ?? '';
    const step = longOne.steps[k] as Scenario['steps'][number];
    expect(message.startsWith(`${longOne.id}\n${longOne.title}\n`)).toBe(true);
    expect(message).toContain(`The system and the model disagree at step ${k}: secrecy: the model expects ${JSON.stringify(step.expect.secrecy)}, the system shows ${JSON.stringify(!step.expect.secrecy)}`);
    expect(message).toContain(`  ✗ day ${step.day} (${step.on}): ${step.says}`);
    // The story so far: every step before it, as passed.
    for (const before of longOne.steps.slice(0, k)) expect(message).toContain(`  ✓ day ${before.day} (${before.on}): ${before.says}`);
    expect(message.match(/✓/g)?.length).toBe(k);
  });

  it.each([
    ['tags', (s: Observed) => ({ ...s, tags: [...s.tags, 'extra'] })],
    ['notice', (s: Observed) => ({ ...s, notice: s.notice === 'sent' ? 'due' : 'sent' })],
    ['disclosed', (s: Observed) => ({ ...s, disclosed: [...s.disclosed, 'content'] })],
    ['deadlines', (s: Observed) => ({ ...s, deadlines: [...s.deadlines, { name: 'P1D', due: '2000-01-01' }] })],
  ])('names the field %s', async (field, lie) => {
    await expect(runScenario(lying(1, lie), 'cloudflare', longOne)).rejects.toThrow(new RegExp(`disagree at step 1: ${field}: the model expects`));
  });

  it('tells a refusal the model does not make', async () => {
    const k = longOne.steps.findIndex((st) => st.do.kind === 'event');
    const step = longOne.steps[k] as Scenario['steps'][number];
    const event = step.do.kind === 'event' ? step.do.event : null;
    await expect(runScenario(lying(k, (s) => s, true), 'cloudflare', longOne)).rejects.toThrow(
      `disagree at step ${k}: the model accepts ${JSON.stringify(event)} on ${step.on}; the system refused it`,
    );
  });

  it('an adapter that may return promises or plain values is awaited either way', async () => {
    const scenario = (files[0] as NonNullable<(typeof files)[number]>).scenarios[0] as SuiteScenario;
    const sync: Adapter = { name: 'sync', open: (request, policy) => model.open(request, policy) as Case };
    await expect(runScenario(sync, 'cloudflare', scenario)).resolves.toBeUndefined();
  });

  it('accepts deadlines whose keys come in another order (the same JSON value)', async () => {
    const reordered = lying(1, (s) => ({ ...s, deadlines: s.deadlines.map((d) => ({ due: d.due, name: d.name })) }));
    const withDeadline = nsl.scenarios.find((s) => (s.steps[1]?.expect.deadlines.length ?? 0) > 0) as Scenario;
    await expect(runScenario(reordered, 'cloudflare', withDeadline)).resolves.toBeUndefined();
  });
});
