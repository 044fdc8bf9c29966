import type { PolicyVersion } from '../domain/policy.ts';
import type { Source } from '../domain/source.ts';
import type { Monitor } from '../explore/Monitor.ts';
import type { StepMatch } from './language.ts';

/** What a rule may look at to decide whether it applies, and to set its numbers. */
export interface RuleContext {
  /** The machine's `meta.kind`, when it declares one of the catalogue's kinds. */
  kind: string | undefined;
  policy: PolicyVersion;
  /** Event types the machine listens for. */
  events: ReadonlySet<string>;
  /** State tags the machine uses. */
  tags: ReadonlySet<string>;
  /**
   * The inputs and event variants a search will explore with, when the rule is checked by one:
   * a rule whose deadlines come from them (a gag's term) sizes its clocks by them.
   */
  explored?: { inputs: readonly unknown[]; events: readonly { type: string; [k: string]: unknown }[] };
}

/** How a rule is checked: by a monitor run with the machine, or on the whole state graph. */
export type RuleCheck = { type: 'monitor'; monitor: Monitor } | { type: 'termination' };

/** A compliance rule: what it says, why, where the law or policy says so, and when it applies. */
export interface Rule {
  id: string;
  title: string;
  rationale: string;
  sources: readonly Source[];
  /** Which machines and policies it covers, in words. */
  scope: string;
  appliesTo: (ctx: RuleContext) => boolean;
  /**
   * The situation the rule is about (a gag comes into force, data is disclosed), as one step:
   * a scenario that takes such a step shows the rule doing work, not only never failing.
   */
  premise?: { text: string; match: (ctx: RuleContext) => StepMatch };
  /** The check, with the policy's numbers filled in. */
  check: (ctx: RuleContext) => RuleCheck;
}
