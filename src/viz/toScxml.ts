import { DAY_MS } from '../domain/duration.ts';
import { formatSource } from '../domain/source.ts';
import { chartTree } from './chartTree.ts';
import { safeIds } from './safeIds.ts';
import { ROOT_ID, type StatechartEdge, type StatechartJson, type StatechartNode } from './StatechartJson.ts';
import { escapeXml } from './escapeXml.ts';

/**
 * The chart as SCXML 1.0. Timers follow XState's own convention: a state with a delayed
 * transition sends `xstate.after.<delay>.<state id>` to itself from `<onentry>` with `<send
 * delay>`, cancels it in `<onexit>`, and its transition listens for that event. A comment at the
 * top lists what SCXML cannot say about this machine.
 *
 * @example
 * toScxml(statechartModel(machine)).includes('<scxml xmlns="http://www.w3.org/2005/07/scxml"') // true
 */
export function toScxml(chart: StatechartJson): string {
  const tree = chartTree(chart);
  const ids = scxmlIds(chart);
  const sid = (id: string) => ids.get(id) ?? id;
  const bySource = new Map<string, StatechartEdge[]>();
  for (const e of chart.edges) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);

  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', ...comment('', limits(chart))];
  lines.push(`<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" name=${attr(chart.machine)} initial=${attr(sid(tree.root.id))}>`);
  const write = (n: StatechartNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const element = n.type === 'parallel' ? 'parallel' : n.type === 'final' ? 'final' : n.type === 'history' ? 'history' : 'state';
    const initial = n.type === 'compound' && n.initial ? ` initial=${attr(sid(n.initial))}` : '';
    const depthAttr = n.type === 'history' ? ` type=${attr(n.history ?? 'shallow')}` : '';
    const notes = [...(n.description ? [n.description] : []), ...(n.tags.length ? [`tags: ${n.tags.join(', ')}`] : []), ...n.sources.map((s) => `source: ${formatSource(s)}`)];
    const edges = bySource.get(n.id) ?? [];
    const kids = tree.children(n.id);
    const body: string[] = [...comment(`${pad}  `, notes), ...timerLines(edges, `${pad}  `)];
    for (const e of edges) body.push(...transitionLines(e, `${pad}  `, sid));
    if (n.type === 'history') {
      const fallback = n.parent ? tree.node(n.parent).initial : null;
      if (fallback) body.push(`${pad}  <transition target=${attr(sid(fallback))}/>`);
    }
    if (!body.length && !kids.length) {
      lines.push(`${pad}<${element} id=${attr(sid(n.id))}${initial}${depthAttr}/>`);
      return;
    }
    lines.push(`${pad}<${element} id=${attr(sid(n.id))}${initial}${depthAttr}>`, ...body);
    for (const kid of kids) write(kid, depth + 1);
    lines.push(`${pad}</${element}>`);
  };
  write(tree.root, 1);
  lines.push('</scxml>');
  return `${lines.join('\n')}\n`;
}

/**
 * The SCXML id of every chart node: its path, made a valid XML name; the root takes the
 * machine's id.
 *
 * @example
 * scxmlIds(chart).get('notice.sent') // 'notice.sent'
 */
export function scxmlIds(chart: StatechartJson): Map<string, string> {
  return safeIds(chart.nodes.map((n) => n.id), (id) => ncName(id === ROOT_ID ? chart.machine : id));
}

function ncName(text: string): string {
  const name = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

function timerLines(edges: readonly StatechartEdge[], pad: string): string[] {
  const timers = new Map(edges.filter((e) => e.timer && e.event).map((e) => [e.event ?? '', e]));
  if (!timers.size) return [];
  const entry = [...timers].flatMap(([event, e]) => {
    const timer = e.timer;
    if (!timer) return [];
    const when = timer.days === null ? `delayexpr=${attr(timer.delay)}` : `delay=${attr(`${(timer.days * DAY_MS) / 1000}s`)}`;
    const cited = timer.source ? ` [${timer.confidence ?? '?'}]: ${timer.source}` : '';
    const length = timer.days === null ? 'set per case' : `${timer.days} days, set by ${timer.setBy}${cited}`;
    return [...comment(`${pad}  `, [`${timer.delay}: ${length}`]), `${pad}  <send id=${attr(ncName(event))} event=${attr(event)} ${when}/>`];
  });
  const exit = [...timers.keys()].map((event) => `${pad}  <cancel sendid=${attr(ncName(event))}/>`);
  return [`${pad}<onentry>`, ...entry, `${pad}</onentry>`, `${pad}<onexit>`, ...exit, `${pad}</onexit>`];
}

function transitionLines(e: StatechartEdge, pad: string, sid: (id: string) => string): string[] {
  const attrs = [
    ...(e.event ? [`event=${attr(e.event)}`] : []),
    ...(e.guardExpression ? [`cond=${attr(e.guardExpression.replace(/In\('((?:[^'\\]|\\.)*)'\)/g, (_, id: string) => `In('${sid(id)}')`))}`] : []),
    ...(e.targets.length ? [`target=${attr(e.targets.map(sid).join(' '))}`] : []),
    ...(internal(e) ? ['type="internal"'] : []),
  ];
  const notes = [...(e.description ? [e.description] : []), ...e.sources.map((s) => `source: ${formatSource(s)}`)];
  if (!notes.length) return [`${pad}<transition ${attrs.join(' ')}/>`];
  return [`${pad}<transition ${attrs.join(' ')}>`, ...comment(`${pad}  `, notes), `${pad}</transition>`];
}

/** XState's default (`reenter: false`) into the source's own descendants is SCXML's internal type. */
function internal(e: StatechartEdge): boolean {
  return !e.reenter && e.targets.length > 0 && e.targets.every((t) => e.source === ROOT_ID || t.startsWith(`${e.source}.`));
}

function limits(chart: StatechartJson): string[] {
  const timers = [...new Map(chart.edges.flatMap((e) => (e.timer ? [[e.timer.delay, e.timer] as const] : []))).values()];
  const policy = timers.filter((t) => t.setBy === 'policy' && t.days !== null);
  const perCase = timers.filter((t) => t.days === null);
  const selfNoReenter = chart.edges.filter((e) => !e.reenter && e.targets.includes(e.source));
  return [
    `${chart.machine}${chart.title ? ` (${chart.title})` : ''} as SCXML 1.0, from its XState v5 machine${chart.policy ? ` under policy ${chart.policy.id}: ${chart.policy.version}` : ''}.`,
    'Timers follow XState: a state with a delayed transition sends xstate.after.<delay>.<state id> from <onentry> with <send delay>, <onexit> cancels it, and the transition listens for that event.',
    'What SCXML cannot express from this machine:',
    ...(policy.length ? [`- delays a policy sets are written as their lengths under this policy only: ${policy.map((t) => `${t.delay} ${t.days} days`).join(', ')}`] : []),
    ...(perCase.length ? [`- delays set per case are written as delayexpr naming the delay (${perCase.map((t) => t.delay).join(', ')}); no datamodel here defines them`] : []),
    '- SCXML has no unit of days: whole days are written in seconds (1 day = 86400s)',
    '- guards are names only: cond is the guard\'s name, or an expression over names with !, &&, || and In(\'state\'); their code is not exported',
    '- context, its assignments and every other action are omitted; there is no datamodel',
    ...(selfNoReenter.length ? [`- a transition to its own source without re-entering it (XState reenter: false) is re-entering in SCXML: ${selfNoReenter.map((e) => e.id).join(', ')}`] : []),
    '- descriptions, tags and legal sources are XML comments',
  ];
}

function comment(pad: string, notes: readonly string[]): string[] {
  if (!notes.length) return [];
  const safe = notes.map((n) => n.replace(/\s+/g, ' ').replace(/-(?=-)/g, '- ').replace(/-$/, '- '));
  return safe.length === 1 ? [`${pad}<!-- ${safe[0]} -->`] : [`${pad}<!--`, ...safe.map((n) => `${pad}  ${n}`), `${pad}-->`];
}

function attr(value: string): string {
  return `"${escapeXml(value).replace(/\n/g, '&#10;')}"`;
}
