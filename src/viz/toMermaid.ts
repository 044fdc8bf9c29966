import { formatSource } from '../domain/source.ts';
import { chartTree, type ChartTree } from './chartTree.ts';
import { guardText, triggerText } from './edgeText.ts';
import { safeIds } from './safeIds.ts';
import { ROOT_ID, type StatechartEdge, type StatechartJson, type StatechartNode } from './StatechartJson.ts';

interface Arrow {
  from: string;
  to: string;
  label: string;
  edge: StatechartEdge;
}

/**
 * The chart as a mermaid `stateDiagram-v2`: compound states as composite states, parallel regions
 * split by `--`, descriptions and tags in each state's body (a composite state's description as a
 * note), triggers, guards and timer lengths on the arrows, legal sources as `%%` comments.
 *
 * Mermaid crashes on arrows that start or end at a composite state inside a parallel region and
 * moves a state into whichever composite block mentions it last, so an arrow to or from a
 * compound state is drawn to or from the state it enters first (the label says so for sources),
 * and an arrow is written inside a block only when both its ends are that block's children. Notes
 * come last, at the top level, for the same reason; a colon ends a note's text, so it is encoded.
 *
 * @example
 * toMermaid(statechartModel(machine)).split('\n')[0] // 'stateDiagram-v2'
 */
export function toMermaid(chart: StatechartJson): string {
  const tree = chartTree(chart);
  const ids = safeIds(chart.nodes.map((n) => n.id), (id) => mermaidId(id === ROOT_ID ? chart.machine : id));
  const sid = (id: string) => ids.get(id) ?? id;
  const arrows = chart.edges.flatMap((edge) => arrowsOf(edge, tree));
  const local = new Map<string, Arrow[]>();
  const top: Arrow[] = [];
  for (const arrow of arrows) {
    const block = tree.node(arrow.from).parent;
    const sameBlock = block !== null && tree.node(arrow.to).parent === block && tree.node(block).type !== 'parallel';
    if (sameBlock) local.set(block, [...(local.get(block) ?? []), arrow]);
    else top.push(arrow);
  }

  const lines = ['stateDiagram-v2', `%% ${chart.machine}${chart.title ? ` — ${chart.title}` : ''}${chart.policy ? ` — policy ${chart.policy.id}: ${chart.policy.version}` : ''}`];
  const notes: string[] = [];
  const arrowLine = (pad: string, a: Arrow) => {
    lines.push(`${pad}${sid(a.from)} --> ${sid(a.to)} : ${text(a.label)}`);
    for (const s of a.edge.sources) lines.push(`${pad}%% ${oneLine(formatSource(s))}`);
  };
  const write = (n: StatechartNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const kids = tree.children(n.id);
    lines.push(`${pad}state "${text(label(n))}" as ${sid(n.id)}${kids.length ? ' {' : ''}`);
    if (!kids.length) {
      for (const line of body(n)) lines.push(`${pad}${sid(n.id)} : ${text(line)}`);
      return;
    }
    if (n.description) notes.push(`note right of ${sid(n.id)} : ${text(n.description).replace(/:/g, '#58;')}`);
    for (const s of n.sources) lines.push(`${pad}  %% ${oneLine(formatSource(s))}`);
    if (n.type === 'parallel') {
      kids.forEach((kid, i) => {
        if (i > 0) lines.push(`${pad}  --`);
        write(kid, depth + 1);
      });
    } else {
      if (n.initial) lines.push(`${pad}  [*] --> ${sid(n.initial)}`);
      for (const kid of kids) write(kid, depth + 1);
      for (const kid of kids) if (kid.type === 'final') lines.push(`${pad}  ${sid(kid.id)} --> [*]`);
      for (const a of local.get(n.id) ?? []) arrowLine(`${pad}  `, a);
    }
    lines.push(`${pad}}`);
  };
  lines.push(`[*] --> ${sid(tree.root.id)}`);
  write(tree.root, 0);
  for (const a of top) arrowLine('', a);
  lines.push(...notes);
  return `${lines.join('\n')}\n`;
}

function arrowsOf(edge: StatechartEdge, tree: ChartTree): Arrow[] {
  const from = tree.entryLeaf(edge.source);
  const guard = guardText(edge);
  const base = `${triggerText(edge)}${guard ? ` [${guard}]` : ''}`;
  const whole = from === edge.source ? '' : ` (from all of ${tree.node(edge.source).key})`;
  if (edge.targets.length === 0) return [{ from, to: from, label: `${base} (stays)${whole}`, edge }];
  return edge.targets.map((target) => ({ from, to: tree.entryLeaf(target), label: `${base}${whole}`, edge }));
}

function label(n: StatechartNode): string {
  if (n.type === 'history') return n.history === 'deep' ? 'H*' : 'H';
  return n.key;
}

function body(n: StatechartNode): string[] {
  return [...(n.description ? [n.description] : []), ...(n.tags.length ? [`tags: ${n.tags.join(', ')}`] : []), ...n.sources.map(formatSource)];
}

/** Words mermaid's state grammar reads as keywords; `root` is the id of its own root document. */
const RESERVED = new Set(['state', 'note', 'end', 'as', 'direction', 'class', 'classDef', 'style', 'click', 'hide', 'root', 'default', 'accTitle', 'accDescr']);

function mermaidId(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_]/g, '_') || '_';
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

const ENTITIES: Readonly<Record<string, string>> = { '#': '#35;', '"': '#quot;', ';': '#59;', '{': '#123;', '}': '#125;', '<': '#lt;', '>': '#gt;' };

/** Mermaid entity codes for the characters its grammar reads as syntax. */
function text(s: string): string {
  return oneLine(s).replace(/[#";{}<>]/g, (c) => ENTITIES[c] ?? c);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
