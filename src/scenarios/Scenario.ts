import { z } from 'zod';
import { IsoDate } from '../domain/date.ts';
import { VocabularyEvent } from '../domain/events.ts';
import { Observation } from './Observation.ts';

export const SCENARIO_FORMAT = 'dueprocess-scenarios/1';

/** What the model shows after a step: the vocabulary observation, plus its own state for readers. */
export const Expectation = Observation.extend({
  /** False when the event was refused; the case is then exactly as before. */
  accepted: z.boolean(),
  /** The model's active states (`process.review · secrecy.none · …`): for readers, not compared by suites. */
  state: z.string(),
}).strict();
export type Expectation = z.infer<typeof Expectation>;

/** One dated step: the request received, an outside event, or the end of a day on which deadlines passed. */
export const ScenarioStep = z
  .object({
    /** Days since the request was received (day 0). */
    day: z.number().int().min(0),
    on: IsoDate,
    /** What happens, in words. */
    says: z.string(),
    do: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('receive') }).strict(),
      z.object({ kind: z.literal('event'), event: VocabularyEvent }).strict(),
      z.object({ kind: z.literal('endDay'), passes: z.array(z.string()).min(1) }).strict(),
    ]),
    expect: Expectation,
  })
  .strict();
export type ScenarioStep = z.infer<typeof ScenarioStep>;

/** One scenario: a dated story through one kind's machine under one policy, with what to observe at each step. */
export const Scenario = z
  .object({
    /** Stable: derived from the kind, the policy, the request and the steps. */
    id: z.string().regex(/^[a-zA-Z]+\.[a-z]+\.[a-z]+\.[0-9a-f]{8}$/),
    title: z.string(),
    strategy: z.enum(['transitions', 'pairs', 'states', 'boundaries', 'rules', 'random']),
    purpose: z.string(),
    /** The name of the catalogue input the request is (`plain`, `open-ended order served`). */
    input: z.string(),
    request: z.record(z.string(), z.unknown()),
    steps: z.array(ScenarioStep).min(1),
    covers: z
      .object({
        /** Statechart transition ids (`process.review|review.completed|0`). */
        transitions: z.array(z.string()),
        /** Rules whose premise a step triggers. */
        rules: z.array(z.string()),
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
    policy: z.object({ id: z.string(), version: z.string() }).strict(),
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
