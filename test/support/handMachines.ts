import { type AnyStateMachine, setup } from 'xstate';
import { DAY_MS } from '../../src/domain/duration.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import type { CheckTarget } from '../../src/rules/checkMachine.ts';
import type { Rule, RuleCheck } from '../../src/rules/Rule.ts';

export const version = policyVersionAt(cloudflare, '2026-01-15');
export const days = (n: number) => n * DAY_MS;
export const DELAYS = { P5D: days(5), P7D: days(7), P10D: days(10), P13D: days(13), P14D: days(14) };

/** A hand-written machine over the vocabulary, as the checker sees any user machine. */
export const build = (config: object): AnyStateMachine =>
  setup({ types: {} as { events: VocabularyEvent }, delays: DELAYS }).createMachine(config as never) as unknown as AnyStateMachine;

export const target = (machine: AnyStateMachine): CheckTarget => ({
  name: 'hand-written',
  machine,
  inputs: [{ name: 'only', input: {} }],
  declared: { 'secrecy.imposed': { days: [undefined] } },
});

/** An ad-hoc rule around a rule-language check, for probing the explorer's time semantics. */
export const adHoc = (id: string, check: RuleCheck): Rule => ({
  id,
  title: id,
  rationale: 'test probe',
  sources: [],
  scope: 'test',
  appliesTo: () => true,
  check: () => check,
});

