// The public API of dueprocess. Everything a case tool, a checker or a test needs is named here.

export { CATALOGUE, findKind } from '../machines/catalogue.ts';
export type { KindEntry } from '../machines/lifecycle/KindEntry.ts';
export { anyMachine, demandEntry } from '../machines/lifecycle/KindEntry.ts';
export type { ChallengeRoute, DemandSpec, OrderTerm, RequestCondition, SecrecySpec } from '../machines/lifecycle/DemandSpec.ts';
export { createDemandMachine } from '../machines/lifecycle/createDemandMachine.ts';
export type { DemandContext } from '../machines/lifecycle/createDemandMachine.ts';
export { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from '../machines/lifecycle/policySlots.ts';
export type { PolicyDecisions, PolicyDelay } from '../machines/lifecycle/policySlots.ts';

export { CATEGORY_TITLES, DATA_CATEGORIES, DataCategory } from './domain/categories.ts';
export { DatedEvent, DatedEvents } from './domain/DatedEvent.ts';
export { dayNumber, IsoDate, isoDate } from './domain/date.ts';
export { DAY_MS, durationDays, IsoDuration } from './domain/duration.ts';
export { EVENT_TYPES, EmergencyCriterion, LiftReason, NoticeException, ReviewFinding, VocabularyEvent } from './domain/events.ts';
export type { EventOf } from './domain/events.ts';
export { fromZod, InputError } from './domain/InputError.ts';
export type { InputErrorReason } from './domain/InputError.ts';
export { PolicyVersion, ProviderPolicy, RetentionRule } from './domain/policy.ts';
export { readJson } from './domain/readJson.ts';
export { DemandRequest, RequestBase, Target } from './domain/request.ts';
export { formatSource, Source, src } from './domain/source.ts';
export { OUTCOME_TAGS, TAGS } from './domain/tags.ts';
export type { OutcomeTag } from './domain/tags.ts';

export { cloudflare } from './policy/cloudflare.ts';
export { decisionsFor, delaysFor, retentionDays } from './policy/decisionsFor.ts';
export { letsencrypt } from './policy/letsencrypt.ts';
export { loadPolicy, POLICIES } from './policy/loadPolicy.ts';
export { policyVersionAt } from './policy/policyVersionAt.ts';
export { withPolicy } from './policy/withPolicy.ts';

export { describeStep } from './time/describeStep.ts';
export type { StepView } from './time/describeStep.ts';
export { machineTimers } from './time/machineTimers.ts';
export type { TimerInfo } from './time/machineTimers.ts';
export { noticeStatus } from './time/noticeStatus.ts';
export { replay } from './time/replay.ts';
export type { Replay } from './time/replay.ts';
export { acceptedEvents, advanceTo, sendEvent, startRun, stateLabel } from './time/TimedRun.ts';
export type { Rejection, Step, TimedRun } from './time/TimedRun.ts';
export { applyTimerChanges, delayName } from './time/timerChanges.ts';
export type { PendingTimer } from './time/timerChanges.ts';

export { eventVariants } from './explore/eventVariants.ts';
export type { DeclaredValues } from './explore/eventVariants.ts';
export { explore, pathOf } from './explore/explore.ts';
export type { Exploration, ExploredNode, ExploreInput, ExploreOptions, PathStep, Violation } from './explore/explore.ts';
export type { ClockBound, Monitor, MonitorStep, StepInfo } from './explore/Monitor.ts';
export { snapshotKey, stableJson } from './explore/snapshotKey.ts';
export { datePath, replayPath } from './explore/witness.ts';
export type { DatedStep } from './explore/witness.ts';

export { RULES } from './rules/catalogue.ts';
export { checkMachine } from './rules/checkMachine.ts';
export type { CheckOptions, CheckTarget, RuleResult, RuleStatus } from './rules/checkMachine.ts';
export { checkRun, type RunViolation } from './rules/checkRun.ts';
export { CLOUD_ACT_ROUTE, COMPELLABLE, ERASURE_GROUNDS } from './rules/compellableByKind.ts';
export { after, allOf, anyOf, before, entering, isStart, leaving, never, neverStep, notWithin, onEvent, onlyWithin, precedence, respondWithin, terminates } from './rules/language.ts';
export type { StepMatch } from './rules/language.ts';
export type { Rule, RuleCheck, RuleContext } from './rules/Rule.ts';

export { machineTransitions, transitionId } from './paths/machineTransitions.ts';
export type { TransitionInfo } from './paths/machineTransitions.ts';
export type { BoundarySide, PlannedPath, Strategy } from './paths/PlannedPath.ts';
export { activeStates, timedGraph } from './paths/TimedGraph.ts';
export type { TimedGraph, Walk } from './paths/TimedGraph.ts';
export { transitionCover } from './paths/transitionCover.ts';
export { pairing, reachablePairs, transitionPairs } from './paths/transitionPairs.ts';
export { shortestToStates } from './paths/shortestToStates.ts';
export { deadlineBoundaries } from './paths/deadlineBoundaries.ts';
export { ruleWitnesses } from './paths/ruleWitnesses.ts';
export { randomWalks, seededRandom } from './paths/randomWalks.ts';
export type { RandomWalkOptions } from './paths/randomWalks.ts';

export { NoticeStatus, Observation, PendingDeadline } from './scenarios/Observation.ts';
export { observe } from './scenarios/observe.ts';
export { Expectation, SCENARIO_FORMAT, Scenario, ScenarioFile, ScenarioStep, scenarioJsonSchema } from './scenarios/Scenario.ts';
export { buildScenario, rulesTriggered } from './scenarios/buildScenario.ts';
export type { ScenarioContext } from './scenarios/buildScenario.ts';
export { premisesFor, scenariosFor } from './scenarios/generateScenarios.ts';
export { compactJson, renderScenarioFiles, scenarioFileName, staleScenarioFiles, writeScenarioFiles } from './scenarios/scenarioFiles.ts';
export { readScenarioFile } from './scenarios/readScenarioFile.ts';
export { replayScenarioFile } from './scenarios/replayScenario.ts';
export type { Divergence, ScenarioReplay } from './scenarios/replayScenario.ts';
export { coverageOf } from './scenarios/coverageOf.ts';
export type { KindCoverage, Measure } from './scenarios/coverageOf.ts';

export type { CaseAdapter, CaseUnderTest, Delivery } from './suite/CaseAdapter.ts';
export { runScenario } from './suite/conformance.ts';
export { writeSuite } from './suite/writeSuite.ts';
export { runSuite } from './suite/runSuite.ts';
export type { SuiteRun } from './suite/runSuite.ts';

export { ROOT_ID, STATECHART_FORMAT, StatechartEdge, StatechartJson, StatechartNode, StatechartTimer } from './viz/StatechartJson.ts';
export { nodeId, statechartModel } from './viz/statechartModel.ts';
export { guardExpression } from './viz/guardExpression.ts';
export { toMermaid } from './viz/toMermaid.ts';
export { toDot } from './viz/toDot.ts';
export { scxmlIds, toScxml } from './viz/toScxml.ts';
export { VIZ_FORMATS, vizRender } from './viz/vizRender.ts';
export type { VizFormat } from './viz/vizRender.ts';
export { chartSvg, edgeLabel } from './viz/layoutChart.ts';
export { chartPage, indexPage } from './viz/toHtml.ts';
export { modelAdapter } from './suite/modelAdapter.ts';

export { startInspector, LIVE_PATH } from './inspect/inspectorServer.ts';
export type { Inspector } from './inspect/inspectorServer.ts';
export { connectInspector } from './inspect/reportRun.ts';
export type { RunReporter } from './inspect/reportRun.ts';
export { actorRegistry, EVENT_LOG_LIMIT } from './inspect/actorRegistry.ts';
export type { InspectedActor, LoggedEvent } from './inspect/actorRegistry.ts';
export { InspectedDeadline, InspectionMessage, parseInspectionMessage } from './inspect/inspectionMessage.ts';
export { activeStatePaths } from './inspect/activeStatePaths.ts';
export { inspectorPage } from './inspect/inspectorPage.ts';

export type { AuditRow, CaseRow, CaseStore, EventRow, StoreTx, StoredSnapshot, TimerRow } from './runtime/CaseStore.ts';
export { sqliteStore } from './runtime/sqliteStore.ts';
export { postgresStore } from './runtime/postgresStore.ts';
export { openCaseStore } from './runtime/openCaseStore.ts';
export { engineAdapter } from './runtime/engineAdapter.ts';
export { verifyAudit } from './runtime/auditChain.ts';
export { ConflictError } from './runtime/ConflictError.ts';
export { type CaseEngine, type CaseView, type EngineOptions, type SendResult, createCaseEngine } from './runtime/createCaseEngine.ts';
export { escapeXml } from './viz/escapeXml.ts';

export { createService, type ServiceOptions } from './service/createService.ts';
export { serveCases, type RunningService, type ServeOptions } from './service/serveCases.ts';
export { openApiDocument } from './service/openApi.ts';
export { ROUTES, type RouteSpec } from './service/routes.ts';
export { Role, authenticate, createToken, type Principal } from './service/tokens.ts';
export { canKnow, canRead, readGuard } from './service/access.ts';
