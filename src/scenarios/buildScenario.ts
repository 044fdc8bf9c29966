import { createHash } from 'node:crypto';
import { dayNumber, isoDate } from '../domain/date.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import { pathAlong } from '../explore/pathOf.ts';
import type { StepInfo } from '../explore/Monitor.ts';
import { datePath } from '../explore/witness.ts';
import type { PlannedPath } from '../paths/PlannedPath.ts';
import type { TimedGraph } from '../paths/TimedGraph.ts';
import type { StepMatch } from '../rules/language.ts';
import { type Step, type TimedRun, advanceTo, sendEvent, startRun, stateLabel } from '../time/TimedRun.ts';
import { observe } from './observe.ts';
import type { Scenario, ScenarioStep } from './Scenario.ts';
import { eventWords, passWords, storyTitle } from './storyTitle.ts';

/** What a scenario is built for: the kind, the policy and the premises of the rules that apply. */
export interface ScenarioContext {
  kind: string;
  kindTitle: string;
  policy: string;
  premises: readonly { rule: string; match: StepMatch }[];
}

/**
 * Dates a planned path at its earliest days, replays it on the whole-day clock and records what
 * the model shows after every step. A boundary path then places its event the day before, on, or
 * the day after the chosen deadline; a refusal path ends with the event the machine refuses.
 * Returns null when that last step cannot be placed (its day has passed, or the event is taken
 * after all). Throws when the replay disagrees with the graph: an explorer fault.
 *
 * @example
 * const scenario = buildScenario(graph, { kind: 'subpoena', kindTitle: 'Subpoena', policy: 'cloudflare', premises: [] }, plan);
 */
export function buildScenario(graph: TimedGraph, ctx: ScenarioContext, plan: PlannedPath): Scenario | null {
  const { nodes } = graph.run;
  const startNode = nodes[plan.walk.start];
  const named = graph.inputs[startNode?.input ?? 0];
  if (!startNode || !named) throw new Error(`planned path starts at node ${plan.walk.start}, which is not a start`);
  const request = named.input as { receivedOn: string } & Record<string, unknown>;
  const day0 = dayNumber(request.receivedOn);
  const days = datePath(pathAlong(nodes, plan.walk.start, plan.walk.links));
  const steps: ScenarioStep[] = [];
  let run = startRun(graph.machine, named.input, 0);

  const record = (says: string, act: ScenarioStep['do'], accepted: boolean, day = run.day) => {
    steps.push({ day, on: isoDate(day0 + day), says, do: act, expect: { accepted, state: stateLabel(run.snapshot), ...observe(run, day0) } });
  };
  const endDay = (day: number) => {
    const from = run.steps.length;
    run = advanceTo(run, day, true);
    const fired = run.steps.slice(from).map((s) => (s.trigger.kind === 'timer' ? s.trigger.delay : ''));
    if (fired.length) record(passWords(fired), { kind: 'endDay', passes: fired }, true);
  };
  const send = (day: number, event: { type: string }, mustAccept: boolean): boolean => {
    while (run.timers[0] && run.timers[0].dueDay < day) endDay(run.timers[0].dueDay);
    const gagged = run.snapshot.hasTag('secrecy');
    const result = sendEvent(run, day, event);
    if (!result.ok && mustAccept) throw new Error(`${ctx.kind}: the graph's path does not replay: ${result.rejection.message}`);
    run = result.run;
    const act = { kind: 'event' as const, event: event as VocabularyEvent };
    record(result.ok ? eventWords(event, gagged) : `${eventWords(event, gagged)} — refused`, act, result.ok, day);
    return result.ok;
  };

  record('request received', { kind: 'receive' }, true);
  plan.walk.links.forEach((link, k) => {
    const day = days[k + 1] as number;
    if (link.step.kind === 'event' && link.step.event) send(day, link.step.event, true);
    else if (link.step.kind === 'timer') {
      if (run.endedDay !== day) endDay(day);
      const fired = run.steps.some((s) => s.day === day && s.trigger.kind === 'timer' && s.trigger.event === link.step.event?.type);
      if (!fired) throw new Error(`${ctx.kind}: the graph's path does not replay: ${link.step.delay} did not pass on day ${day}`);
    }
  });

  if (plan.refusal) {
    const last = steps[steps.length - 1];
    const day = last?.do.kind === 'endDay' ? run.day + 1 : run.day;
    if (run.timers[0] && run.timers[0].dueDay < day) return null;
    if (send(day, plan.refusal, false)) return null;
  }

  if (plan.boundary) {
    const timer = run.timers.find((t) => t.event === plan.boundary?.timer);
    if (!timer) return null;
    const at = timer.dueDay + (plan.boundary.side === 'dayBefore' ? -1 : plan.boundary.side === 'dayOf' ? 0 : 1);
    if (at <= run.endedDay || at < run.day) return null;
    const accepted = send(at, plan.boundary.event, false);
    if (!accepted && plan.boundary.side !== 'dayAfter') return null;
    if (run.timers.some((t) => t.event === timer.event)) endDay(timer.dueDay);
  }

  const title = storyTitle(ctx.kindTitle, named.name, steps.slice(1));
  const digest = createHash('sha256').update(JSON.stringify([named.name, steps.map((s) => [s.day, s.do])])).digest('hex').slice(0, 8);
  return {
    id: `${ctx.kind}.${ctx.policy}.${plan.strategy}.${digest}`,
    title,
    strategy: plan.strategy,
    purpose: plan.purpose,
    input: named.name,
    request,
    steps,
    covers: { transitions: [...new Set(run.steps.flatMap((s) => s.transitions))].sort(), rules: rulesTriggered(run, named.input, ctx.premises) },
  };
}

/** The rules whose premise some step of the run meets, sorted. */
export function rulesTriggered(run: TimedRun, input: unknown, premises: readonly { rule: string; match: StepMatch }[]): string[] {
  const met = new Set<string>();
  run.steps.forEach((s, k) => {
    const info: StepInfo = {
      kind: s.trigger.kind,
      event: s.trigger.kind === 'event' ? (s.trigger.event as StepInfo['event']) : { type: s.trigger.kind === 'timer' ? s.trigger.event : 'xstate.init' },
      ...(s.trigger.kind === 'timer' ? { delay: s.trigger.delay } : {}),
      pre: k > 0 ? (run.steps[k - 1] as Step).snapshot : null,
      post: s.snapshot,
      ...(s.through ? { through: s.through } : {}),
      ...(s.raised ? { raised: s.raised } : {}),
      input,
    };
    for (const p of premises) if (p.match(info)) met.add(p.rule);
  });
  return [...met].sort();
}
