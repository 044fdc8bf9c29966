import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { DataCategory } from '../../src/domain/categories.ts';
import type { Source } from '../../src/domain/source.ts';
import type { DeclaredValues } from '../../src/explore/eventVariants.ts';
import type { DemandSpec } from './DemandSpec.ts';
import { demandAlphabet, demandInputs } from './demandInputs.ts';

/** One row of the catalogue: a kind of demand, its law, its intake schema and its machine. */
export interface KindEntry {
  kind: string;
  title: string;
  legalBasis: string;
  summary: string;
  /** What the process can compel; empty when nothing may be disclosed. */
  compels: readonly DataCategory[];
  compelsNote?: string;
  secrecy: string;
  sources: readonly Source[];
  requestSchema: z.ZodType<{ kind: string; receivedOn: string }>;
  machine: AnyStateMachine;
  /** The requests the checker explores the kind with, each named. */
  inputs: readonly { name: string; input: unknown }[];
  /** Payload values to try for fields the event schemas cannot enumerate (route ids, grounds). */
  alphabet: DeclaredValues;
  /**
   * A case of this kind waits while a gag on another case covers its account, for the requests
   * `applies` takes: its request's `field` says so at intake, and the machine takes
   * `secrecy.imposed` and `secrecy.lifted` as gags come and go. The case engine sets the field
   * and sends both events itself, as it alone sees every case on the account.
   */
  heldByAccountGag?: { field: string; applies: (request: unknown) => boolean };
}

/**
 * A typed machine as the catalogue's `AnyStateMachine`. Under `exactOptionalPropertyTypes`
 * XState's concrete machine types do not assign to `AnyStateMachine` (its snapshot `matches`
 * signatures differ), though every runtime use is the same.
 */
export function anyMachine(machine: object): AnyStateMachine {
  return machine as AnyStateMachine;
}

/** The catalogue row of a kind built by `createDemandMachine`. */
export function demandEntry(spec: DemandSpec, machine: object): KindEntry {
  return {
    kind: spec.kind,
    title: spec.title,
    legalBasis: spec.legalBasis,
    summary: spec.summary,
    compels: spec.compelsByProcess ? [...new Set(Object.values(spec.compelsByProcess).flat())] : spec.compels,
    ...(spec.compelsNote ? { compelsNote: spec.compelsNote } : {}),
    secrecy: spec.secrecy.title,
    sources: [...spec.sources, ...spec.compelsSources, ...spec.secrecy.sources, ...spec.routes.flatMap((r) => r.sources)],
    requestSchema: unreadFlags(spec),
    machine: anyMachine(machine),
    inputs: demandInputs(spec),
    alphabet: demandAlphabet(spec),
  };
}

/** Request flags only some kinds' law reads, each with the values that say something (`says`) and what to do instead. */
const FLAGS = [
  {
    field: 'emergency',
    read: (spec: DemandSpec) => spec.respondWithin?.emergency !== undefined,
    problem: 'gives an emergency order no shorter deadline to answer',
    says: (v: unknown) => v === true,
    fix: 'leave emergency out (a European Production Order is the kind with an emergency deadline), or open the request as an emergency disclosure request (kind emergency)',
  },
  {
    field: 'conduit',
    read: (spec: DemandSpec) => (spec.intakeRefusals ?? []).some((r) => r.when.conduit !== undefined),
    problem: 'does not turn on whether the provider only carried the material',
    says: (v: unknown) => v === true,
    fix: 'leave conduit out (it decides a DMCA 512(h) subpoena only)',
  },
  {
    field: 'enforcingStateNotified',
    read: (spec: DemandSpec) => spec.enforcingReview !== undefined,
    problem: 'has no enforcing authority to notify',
    says: (v: unknown) => v === true,
    fix: 'leave enforcingStateNotified out (it concerns a European Production Order only)',
  },
  {
    field: 'seriousCrime',
    read: (spec: DemandSpec) => (spec.intakeRefusals ?? []).some((r) => r.when.seriousCrime !== undefined),
    problem: 'does not turn on whether the order concerns serious crime',
    // Its default is true, so a value given either way says something.
    says: (v: unknown) => v !== undefined,
    fix: 'leave seriousCrime out (it decides an order under a CLOUD Act agreement only)',
  },
] as const;

/** The kind's intake, refusing a flag that says something its law does not read (`FLAGS`). */
function unreadFlags(spec: DemandSpec): KindEntry['requestSchema'] {
  const unread = FLAGS.filter((f) => !f.read(spec));
  if (unread.length === 0) return spec.requestSchema;
  return spec.requestSchema.superRefine((r, ctx) => {
    for (const f of unread) {
      const value = (r as Record<string, unknown>)[f.field];
      if (f.says(value)) ctx.addIssue({ code: 'custom', path: [f.field], message: `is ${String(value)}, but the law of a ${spec.kind} ${f.problem}`, params: { fix: f.fix } });
    }
  });
}
