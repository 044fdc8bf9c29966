import { formatSource, type Source } from '../domain/source.ts';
import { chartTree, type ChartTree } from './chartTree.ts';
import { guardText, triggerText } from './edgeText.ts';
import { safeIds } from './safeIds.ts';
import { ROOT_ID, type StatechartEdge, type StatechartJson, type StatechartNode } from './StatechartJson.ts';

/**
 * The chart as Graphviz DOT for `dot`: compound and parallel states as clusters (parallel
 * regions dashed), a point for each initial state, arrows between leaf states clipped at the
 * cluster (`lhead`/`ltail`) where a transition leaves or enters a compound state, labels with
 * trigger, guard and timer length, tooltips with descriptions, guards and legal sources.
 * Eventless transitions are dashed, timers bold.
 *
 * @example
 * execFileSync('dot', ['-Tsvg'], { input: toDot(statechartModel(machine)) })
 */
export function toDot(chart: StatechartJson): string {
  const tree = chartTree(chart);
  const initialOf = (id: string) => `(initial) ${id}`;
  const names = [...chart.nodes.map((n) => n.id), ...chart.nodes.filter((n) => n.initial).map((n) => initialOf(n.id))];
  const ids = safeIds(names, (id) => (id === ROOT_ID ? chart.machine : id));
  const q = (name: string) => quote(ids.get(name) ?? name);
  const cluster = (id: string) => quote(`cluster_${ids.get(id) ?? id}`);
  const heading = [chart.title ?? chart.machine, chart.policy ? `policy ${chart.policy.id}: ${chart.policy.version}` : ''].filter(Boolean).join('\n');

  const lines = [
    `digraph ${quote(chart.machine)} {`,
    `  graph [compound=true, rankdir=LR, fontname="Helvetica", fontsize=12, labelloc=t, label=${quote(heading)}, tooltip=${quote(heading)}];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const initialArrows: string[] = [];
  const write = (n: StatechartNode, depth: number) => {
    const pad = '  '.repeat(depth);
    const kids = tree.children(n.id);
    if (!kids.length) {
      lines.push(`${pad}${q(n.id)} [${leafAttributes(n)}];`);
      return;
    }
    const region = n.parent !== null && tree.node(n.parent).type === 'parallel';
    const style = region ? 'dashed,rounded' : n.type === 'parallel' ? 'bold,rounded' : 'rounded';
    const name = n.id === ROOT_ID ? chart.machine : n.key;
    lines.push(`${pad}subgraph ${cluster(n.id)} {`);
    const title = `${name}${n.type === 'parallel' ? ' (parallel)' : ''}${n.tags.length ? ` «${n.tags.join(', ')}»` : ''}`;
    lines.push(`${pad}  graph [label=${quote(title)}, style=${quote(style)}, tooltip=${quote(tooltip(name, n.description, n.tags, n.sources))}];`);
    if (n.initial) {
      lines.push(`${pad}  ${q(initialOf(n.id))} [shape=point, width=0.12, style=filled, fillcolor="#000000", label="", tooltip=${quote(`${name} starts in ${tree.node(n.initial).key}`)}];`);
      const to = tree.entryLeaf(n.initial);
      initialArrows.push(`${q(initialOf(n.id))} -> ${q(to)} [${to === n.initial ? '' : `lhead=${cluster(n.initial)}, `}arrowsize=0.6];`);
    }
    for (const kid of kids) write(kid, depth + 1);
    lines.push(`${pad}}`);
  };
  write(tree.root, 1);
  lines.push(...initialArrows.map((a) => `  ${a}`));
  for (const edge of chart.edges) lines.push(...edgeLines(edge, tree, q, cluster));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function leafAttributes(n: StatechartNode): string {
  const label = n.type === 'history' ? (n.history === 'deep' ? 'H*' : 'H') : n.key;
  const attrs = [
    `label=${quote(n.tags.length ? `${label}\n«${n.tags.join(', ')}»` : label)}`,
    `tooltip=${quote(tooltip(n.id, n.description, n.tags, n.sources))}`,
    ...(n.type === 'final' ? ['peripheries=2'] : []),
    ...(n.type === 'history' ? ['shape=circle'] : []),
    ...(n.tags.includes('overdue') ? ['color="#c00000"', 'fontcolor="#c00000"'] : []),
  ];
  return attrs.join(', ');
}

function edgeLines(edge: StatechartEdge, tree: ChartTree, q: (id: string) => string, cluster: (id: string) => string): string[] {
  const guard = guardText(edge);
  const base = `${triggerText(edge)}${guard ? `\n[${guard}]` : ''}`;
  const tip = tooltip(edge.id, edge.description, [], edge.sources, edge.guardExpression);
  const style = [
    ...(edge.event === null ? ['style=dashed'] : []),
    ...(edge.timer ? ['style=bold', 'color="#8a4b00"', 'fontcolor="#8a4b00"'] : []),
    `tooltip=${quote(tip)}`,
    `labeltooltip=${quote(tip)}`,
  ].join(', ');
  if (edge.targets.length === 0) {
    const at = tree.entryLeaf(edge.source);
    return [`  ${q(at)} -> ${q(at)} [label=${quote(`${base}\n(stays${at === edge.source ? '' : ` in ${tree.node(edge.source).key}`})`)}, ${style}];`];
  }
  const from = tree.entryLeaf(edge.source);
  return edge.targets.map((target) => {
    const to = tree.entryLeaf(target);
    const clipTail = from !== edge.source && !tree.contains(edge.source, to);
    const clipHead = to !== target && !tree.contains(target, from);
    const whole = from !== edge.source && !clipTail ? `\n(from all of ${tree.node(edge.source).key})` : '';
    const clips = [...(clipTail ? [`ltail=${cluster(edge.source)}`] : []), ...(clipHead ? [`lhead=${cluster(target)}`] : [])];
    return `  ${q(from)} -> ${q(to)} [${[...clips, `label=${quote(base + whole)}`, style].join(', ')}];`;
  });
}

function tooltip(title: string, description: string | null, tags: readonly string[], sources: readonly Source[], guard?: string | null): string {
  return [
    title,
    ...(description ? [description] : []),
    ...(guard ? [`guard: ${guard}`] : []),
    ...(tags.length ? [`tags: ${tags.join(', ')}`] : []),
    ...sources.map((s) => `source: ${formatSource(s)}`),
  ].join('\n');
}

/** A DOT double-quoted string; `\n` breaks lines. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
