import { z } from 'zod';
import { Source } from '../domain/source.ts';

export const STATECHART_FORMAT = 'dueprocess-statechart/1';

/** The id of the root node: the same name `machineTransitions` gives the root as a source. */
export const ROOT_ID = '(root)';

/** One state node of the chart. */
export const StatechartNode = z
  .object({
    id: z.string().min(1).describe('the node’s path joined by ".", or "(root)" for the root'),
    key: z.string().describe('the node’s own name in its parent (the machine id for the root)'),
    type: z.enum(['atomic', 'compound', 'parallel', 'final', 'history']),
    parent: z.string().nullable().describe('the parent node’s id; null for the root'),
    initial: z.string().nullable().describe('a compound node’s initial child id; null otherwise'),
    history: z.enum(['shallow', 'deep']).nullable().describe('a history node’s depth; null otherwise'),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    sources: z.array(Source).describe('the legal sources in the node’s meta.sources'),
  })
  .strict();
export type StatechartNode = z.infer<typeof StatechartNode>;

/** A delayed transition’s timer: its delay name, length under the policy given, who sets it, and a policy length's citation. */
export const StatechartTimer = z
  .object({
    delay: z.string().describe('the delay’s name in the machine: P14D, objectionWindow, secrecyTerm'),
    days: z.number().int().min(0).nullable().describe('whole days under the policy given; null when set per case'),
    setBy: z.enum(['law', 'policy', 'case']),
    source: z.string().optional().describe('a policy timer’s citation, as the policy words it'),
    confidence: Source.shape.confidence.optional().describe('the weakest confidence tag in source; "?" for a length no provider publishes'),
  })
  .strict();
export type StatechartTimer = z.infer<typeof StatechartTimer>;

/** One transition, as `machineTransitions` names it. */
export const StatechartEdge = z
  .object({
    id: z.string().describe('stable transition id: source|trigger|index'),
    source: z.string(),
    trigger: z.string().describe('the event type, "after <delay>" for a timer, "always" for an eventless transition'),
    event: z.string().nullable().describe('the XState event type the transition listens for; null when eventless'),
    targets: z.array(z.string()).describe('target node ids; empty for a targetless (internal) transition'),
    guard: z.string().nullable().describe('the guard’s name, or "inline guard" for a composed one'),
    guardExpression: z.string().nullable().describe('the guard written out: names, !, &&, || and In(\'state\')'),
    reenter: z.boolean().describe('whether the transition exits and re-enters its source'),
    description: z.string().nullable(),
    timer: StatechartTimer.nullable(),
    sources: z.array(Source).describe('the legal sources in the transition’s meta.sources'),
  })
  .strict();
export type StatechartEdge = z.infer<typeof StatechartEdge>;

/** A whole machine as plain data, for diagrams and other tools (`dueprocess viz --format json`). */
export const StatechartJson = z
  .object({
    format: z.literal(STATECHART_FORMAT),
    machine: z.string().describe('the machine’s id'),
    title: z.string().nullable().describe('the root meta.title, if any'),
    policy: z.object({ id: z.string(), version: z.string() }).strict().nullable().describe('the policy whose timer lengths and guards were provided'),
    nodes: z.array(StatechartNode).describe('every state node, parents before children, in document order'),
    edges: z.array(StatechartEdge).describe('every transition, in machineTransitions order'),
  })
  .strict();
export type StatechartJson = z.infer<typeof StatechartJson>;
