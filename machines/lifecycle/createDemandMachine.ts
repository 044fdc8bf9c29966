import { and, assign, not, or, setup, stateIn } from 'xstate';
import { DAY_MS, durationDays } from '../../src/domain/duration.ts';
import type { ReviewFinding, VocabularyEvent } from '../../src/domain/events.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import type { DemandSpec, RequestCondition } from './DemandSpec.ts';
import { withinCategories } from '../../src/domain/categories.ts';
import { datedDelays, orderTermRegion, routeWindow } from './datedRegions.ts';
import { gagOrderAge } from '../../src/domain/gagTerm.ts';
import { compelledFor, requestMatches, requestsCompellable } from './demandGuards.ts';
import { noticeRegion } from './noticeRegion.ts';
import { responseRegion } from './responseRegion.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from './policySlots.ts';
import { secrecyRegion } from './secrecyRegion.ts';
import { enforcingRegion } from './enforcingRegion.ts';

/** The finite facts a demand case keeps; dates live outside, in the clock. */
export interface DemandContext {
  request: DemandRequest;
  /** Whether anything has been disclosed; which categories is in the event log, not the state. */
  disclosed: boolean;
  /** The gag's length as ordered: what a policy's limit on gags is held against. */
  secrecyDays: number | null;
  /** Days the gag had run when it came into force here: a served order dated before receipt (its term runs from its date). */
  secrecyOrderAge: number;
  outcome: string | null;
  extensionPending: boolean;
  /** Timed challenge routes used so far (their windows close on it). */
  routesFiled: string[];
}

type FilingEvent = { type: string; route?: string };

/** `and()` over guards built from data, whose literal types TypeScript cannot follow. */
const all = (guards: unknown[]) => and(guards as Parameters<typeof and>[0]);

/**
 * Builds the XState machine for one kind of legal demand from its spec. Three regions run side
 * by side: `process` (review, challenge, outcome), `secrecy` (the gag) and `notice` (the user),
 * plus one `window_<route>` region per challenge route with a statutory deadline and an
 * `orderTerm` region for orders that run for a term.
 *
 * @example
 * const machine = createDemandMachine(subpoenaSpec);
 * const [snapshot] = initialTransition(machine, request);
 */
export function createDemandMachine(spec: DemandSpec) {
  const id = spec.kind;
  const inSecrecy = stateIn(`#${id}.secrecy.inForce`);
  const processRoutes = spec.routes.filter((r) => r.against === 'process');
  const lawDelays = Object.fromEntries(
    [
      ...spec.routes.flatMap((r) => [r.endsByComplianceDate || r.rollsForward ? undefined : r.window, r.governmentMustApplyWithin]),
      spec.term?.extension,
      spec.respondWithin?.length,
      spec.respondWithin?.emergency?.length,
      spec.enforcingReview?.window,
      spec.enforcingReview?.emergencyWindow,
      spec.enforcingReview?.respondWithin,
    ]
      .filter((d): d is string => d !== undefined)
      .map((d) => [d, durationDays(d) * DAY_MS]),
  );

  const fileChallenge = (target: string) =>
    processRoutes.map((r) => ({
      guard: all([
        { type: 'routeIs', params: { route: r.id } },
        { type: 'requestMatches', params: r.eligible ?? {} },
        ...(r.window ? [stateIn(`#${id}.window_${r.id}.open`)] : []),
      ]),
      target: target,
      ...(r.window ? { actions: 'recordFiling' } : {}),
      meta: { sources: r.sources },
    }));

  const closeOn = {
    'request.withdrawn': { target: 'withdrawn', actions: { type: 'recordOutcome', params: { outcome: 'withdrawn' } } },
    'request.refused': { target: 'refused', actions: 'recordRefusal' },
  } as const;
  // The enforcing authority's ground for refusal stops the process while its window is open (Reg. 2023/1543 Art. 12).
  const stopOn = spec.enforcingReview
    ? {
        'enforcingAuthority.refused': {
          guard: or([stateIn(`#${id}.enforcing.open`), stateIn(`#${id}.enforcing.openUrgently`)]),
          target: 'refused',
          actions: { type: 'recordOutcome', params: { outcome: 'refused: the enforcing authority raised a ground for refusal' } },
          meta: { sources: spec.enforcingReview.sources },
        },
      }
    : {};

  const compelledParams = ({ context }: { context: DemandContext }) => ({ compels: compelledFor(spec, context.request) });
  const disclosesAll = { type: 'policyDisclosesAll', params: compelledParams };
  const disclose = (full: boolean) => ({
    guard: all([
      'disclosureCompelled',
      'policyRetains',
      ...(spec.term ? [stateIn(`#${id}.orderTerm.active`)] : []),
      ...(spec.enforcingReview ? [not(stateIn(`#${id}.enforcing.open`))] : []),
      // A gag lets the provider disclose without notice; a user already told keeps the objection window a later gag does not cut short.
      or([and([inSecrecy, not(stateIn(`#${id}.notice.sent`))]), stateIn(`#${id}.notice.objectionWindowElapsed`), stateIn(`#${id}.notice.waived`), not('policyNoticeBeforeDisclosure')]),
      full ? disclosesAll : not(disclosesAll as never),
    ]),
    target: spec.term ? 'inEffect' : full ? 'disclosedInFull' : 'disclosedInPart',
    actions: 'recordDisclosure',
    meta: { sources: spec.compelsSources },
  });

  const reviewTransitions = [
    ...(spec.refuseOn ?? []).map((finding) => ({
      guard: { type: 'findingIs', params: { finding } },
      target: 'refused',
      actions: { type: 'recordOutcome', params: { outcome: `refused: ${finding}` } },
    })),
    { guard: { type: 'findingIs', params: { finding: 'sufficient' } }, target: 'compliance' },
    { guard: 'policyChallengesFinding', target: 'challengeRequired' },
    { target: 'compliance' },
  ];

  const closed = (tag: string, description: string) => ({ type: 'final' as const, tags: ['closed', tag], description });
  const expires = spec.term
    ? { always: { guard: stateIn(`#${id}.orderTerm.ended`), target: 'expired', actions: { type: 'recordOutcome', params: { outcome: 'order expired unused' } } } }
    : {};

  const config = {
    id,
    description: spec.summary,
    type: 'parallel' as const,
    context: ({ input }: { input: DemandRequest }) => ({
      request: input,
      disclosed: false,
      secrecyDays: null,
      secrecyOrderAge: 0,
      outcome: null,
      extensionPending: false,
      routesFiled: [],
    }),
    meta: { kind: spec.kind, title: spec.title, legalBasis: spec.legalBasis, sources: spec.sources },
    states: {
      process: {
        initial: 'intake',
        states: {
          intake: {
            description: 'Request received and logged; retention and eligibility are checked first.',
            always: [
              ...(spec.intakeRefusals ?? []).map((r) => ({
                guard: { type: 'requestMatches', params: r.when },
                target: 'refused',
                actions: { type: 'recordOutcome', params: { outcome: `refused: ${r.ground}` } },
                meta: { sources: r.sources },
              })),
              ...(spec.objectionRequired
                ? [{ guard: { type: 'requestMatches', params: spec.objectionRequired.when }, target: 'challengeRequired', meta: { sources: spec.objectionRequired.sources } }]
                : []),
              {
                guard: not('requestsCompellable'),
                target: 'refused',
                actions: { type: 'recordOutcome', params: { outcome: 'refused: asks only for data this process cannot compel' } },
                meta: { sources: spec.compelsSources },
              },
              { guard: not({ type: 'policyHasRecords', params: compelledParams } as never), target: 'noRecords', actions: { type: 'recordOutcome', params: { outcome: 'no records: past retention' } } },
              { target: 'review' },
            ],
          },
          review: {
            ...expires,
            description: 'Legal review: is the process valid, in scope, and lawful where the user lives?',
            on: { 'review.completed': reviewTransitions, 'challenge.filed': fileChallenge('challenged'), ...closeOn, ...stopOn },
          },
          challengeRequired: {
            ...expires,
            tags: ['awaitingChallenge'],
            description: 'Policy says this finding is challenged before anything is disclosed.',
            on: { 'challenge.filed': fileChallenge('challenged'), ...closeOn, ...stopOn },
          },
          challenged: {
            ...expires,
            tags: ['challenged'],
            description: 'A challenge to the process is before the court or the issuer.',
            on: {
              'challenge.decided': [
                { guard: and(['routeOfProcess', { type: 'outcomeIs', params: { outcome: 'won' } }]), target: 'quashed', actions: { type: 'recordOutcome', params: { outcome: 'quashed' } } },
                { guard: 'routeOfProcess', target: 'compliance' },
              ],
              'request.withdrawn': closeOn['request.withdrawn'],
              ...stopOn,
            },
          },
          compliance: {
            ...expires,
            description: 'Process is valid: disclose what it compels, once the notice rules allow.',
            on: { 'data.disclosed': [disclose(true), disclose(false)], 'challenge.filed': fileChallenge('challenged'), ...closeOn, ...stopOn },
          },
          ...(spec.term
            ? {
                inEffect: {
                  tags: ['disclosing'],
                  description: 'The order is in effect; data flows forward until it ends.',
                  always: { guard: stateIn(`#${id}.orderTerm.ended`), target: 'orderEnded' },
                  on: { 'request.withdrawn': closeOn['request.withdrawn'] },
                },
                orderEnded: closed('disclosed', 'The order ran its term; the provider stops.'),
                expired: closed('expired', 'The order ran its term before anything was disclosed.'),
              }
            : {}),
          disclosedInFull: closed('disclosed', 'Everything compelled and held was disclosed.'),
          disclosedInPart: closed('disclosed', 'Part of what was compelled and held was disclosed.'),
          refused: closed('refused', 'The provider refused; the reason is recorded.'),
          quashed: closed('refused', 'A challenge succeeded: the process is quashed or set aside.'),
          withdrawn: closed('withdrawn', 'The requester withdrew the process.'),
          noRecords: closed('noRecords', 'Nothing responsive is held: the data is past retention.'),
        },
      },
      secrecy: secrecyRegion(spec),
      notice: noticeRegion(id),
      ...Object.fromEntries(processRoutes.filter((r) => r.window).map((r) => [`window_${r.id}`, routeWindow(r)])),
      ...(spec.term ? { orderTerm: orderTermRegion(id, spec.term.length, spec.term.extension) } : {}),
      ...(spec.respondWithin ? { response: responseRegion(id, spec.respondWithin, spec.enforcingReview) } : {}),
      ...(spec.enforcingReview ? { enforcing: enforcingRegion(spec.enforcingReview) } : {}),
    },
  };

  return setup({
    types: {} as { context: DemandContext; events: VocabularyEvent; input: DemandRequest },
    guards: {
      ...policyGuards(DEFAULT_DECISIONS),
      emergencyOrder: ({ context }) => context.request.emergency === true,
      enforcingStateNotified: ({ context }) => context.request.enforcingStateNotified === true,
      findingIs: ({ event }, params: { finding: ReviewFinding }) => event.type === 'review.completed' && event.finding === params.finding,
      routeIs: ({ event }, params: { route: string }) => (event as FilingEvent).route === params.route,
      routeOfProcess: ({ event }) => processRoutes.some((r) => r.id === (event as FilingEvent).route),
      outcomeIs: ({ event }, params: { outcome: string }) => event.type === 'challenge.decided' && event.outcome === params.outcome,
      requestMatches: ({ context }, params: RequestCondition) => requestMatches(context.request, params),
      disclosureCompelled: ({ context, event }) =>
        event.type === 'data.disclosed' && withinCategories(event.categories, compelledFor(spec, context.request)),
      requestsCompellable: ({ context }) => requestsCompellable(context.request.categories, compelledFor(spec, context.request)),
      hasSecrecyOrder: ({ context }) => context.request.secrecyOrder !== undefined,
      secrecyCertified: ({ context }) => context.request.secrecyCertified,
      termIsFixed: ({ context }) => context.secrecyDays !== null,
      liftReasonIs: ({ event }, params: { reasons: readonly string[] }) => event.type === 'secrecy.lifted' && params.reasons.includes(event.reason),
      disclosedAnything: ({ context }) => context.disclosed,
      closedWithoutDisclosure: ({ context }) => context.outcome !== null && !context.disclosed,
      extensionPending: ({ context }) => context.extensionPending,
      routeFiled: ({ context }, params: { route: string }) => context.routesFiled.includes(params.route),
    },
    actions: {
      recordDisclosure: assign({
        disclosed: true,
        outcome: ({ context }) => context.outcome ?? 'disclosed',
      }),
      recordOutcome: assign({ outcome: (_, params: { outcome: string }) => params.outcome }),
      recordRefusal: assign({ outcome: ({ event }) => (event.type === 'request.refused' ? `refused: ${event.ground}` : 'refused') }),
      recordOrderTerm: assign({
        secrecyDays: ({ context, event }) =>
          event.type === 'secrecy.imposed' ? (event.days ?? null) : (context.request.secrecyOrder?.days ?? null),
        secrecyOrderAge: ({ context, event }) => (event.type === 'secrecy.imposed' ? 0 : gagOrderAge(context.request)),
      }),
      clearOrderTerm: assign({ secrecyDays: null, secrecyOrderAge: 0 }),
      recordFiling: assign({
        routesFiled: ({ context, event }) =>
          event.type === 'challenge.filed' && !context.routesFiled.includes(event.route) ? [...context.routesFiled, event.route].sort() : context.routesFiled,
      }),
      grantExtension: assign({ extensionPending: true }),
      consumeExtension: assign({ extensionPending: false }),
    },
    delays: {
      ...POLICY_DELAYS,
      ...lawDelays,
      ...datedDelays(spec.routes, spec.term),
      secrecyTerm: ({ context }) => ((context.secrecyDays ?? 0) - context.secrecyOrderAge) * DAY_MS,
    },
  }).createMachine(config as never);
}
