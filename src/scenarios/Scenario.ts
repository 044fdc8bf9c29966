import { z } from 'zod';
import { IsoDate } from '../domain/date.ts';
import { MachineEvent } from '../domain/events.ts';
import { Observation } from './Observation.ts';

export const SCENARIO_FORMAT = 'dueprocess-scenarios/1';

/** What the model shows after a step: the vocabulary observation, plus its own state for readers. */
export const Expectation = Observation.extend({
  /** False when the event was refused; the case is then exactly as before. */
  accepted: z.boolean().describe('false when the event was refused; the case is then as before'),
  state: z.string().describe('the model’s active states, for readers; suites do not compare it'),
}).strict();
export type Expectation = z.infer<typeof Expectation>;

/** One dated step: the request received, an outside event, or the end of a day on which deadlines passed. */
export const ScenarioStep = z
  .object({
    day: z.number().int().min(0).describe('days since the request was received (day 0)'),
    on: IsoDate.describe('the date of the step: receivedOn + day'),
    says: z.string().describe('what happens, in words'),
    do: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('receive') }).strict(),
      z.object({ kind: z.literal('event'), event: MachineEvent }).strict(),
      z.object({ kind: z.literal('endDay'), passes: z.array(z.string()).min(1).describe('the deadlines that pass at the end of the day, in order') }).strict(),
    ]),
    expect: Expectation.describe('what the model shows after the step'),
  })
  .strict();
export type ScenarioStep = z.infer<typeof ScenarioStep>;

/** One scenario: a dated story through one kind's machine under one policy, with what to observe at each step. */
export const Scenario = z
  .object({
    id: z
      .string()
      .regex(/^[a-zA-Z]+\.[a-z]+\.[a-z]+\.[0-9a-f]{8}$/)
      .describe('stable: kind.policy.strategy and a hash of the request and the steps'),
    title: z.string().describe('the story, in words'),
    strategy: z.enum(['transitions', 'pairs', 'states', 'boundaries', 'refusals', 'rules', 'random']).describe('the path-generation strategy that chose it'),
    purpose: z.string().describe('why the strategy chose it'),
    input: z.string().describe('the name of the catalogue request it starts from'),
    request: z.record(z.string(), z.unknown()).describe('the request, as the kind’s intake schema reads it'),
    steps: z.array(ScenarioStep).min(1),
    covers: z
      .object({
        transitions: z.array(z.string()).describe('statechart transition ids taken: source|trigger|index'),
        rules: z.array(z.string()).describe('rules whose premise a step triggers'),
      })
      .strict(),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

/** A committed file: every scenario of one kind under one policy version. */
export const ScenarioFile = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    kind: z.string(),
    policy: z
      .object({
        id: z.string(),
        version: z.string(),
        digest: z
          .string()
          .regex(/^sha256:[0-9a-f]{16}$/, { message: 'is not a policy digest (sha256: and 16 hex digits); regenerate the file with `dueprocess scenarios`' })
          .optional()
          .describe('the policy version’s content fingerprint (policyDigest): a file written under other windows than the policy given has another'),
      })
      .strict(),
    scenarios: z.array(Scenario),
  })
  .strict();
export type ScenarioFile = z.infer<typeof ScenarioFile>;

/**
 * The scenario file format as JSON Schema (draft 2020-12), for readers in other languages.
 *
 * @example
 * writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioFile, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
