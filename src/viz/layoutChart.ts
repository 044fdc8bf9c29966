import ElkBundled from 'elkjs/lib/elk.bundled.js';
import { formatSource } from '../domain/source.ts';
import { guardText, triggerText } from './edgeText.ts';
import { escapeXml as esc } from './escapeXml.ts';
import { ROOT_ID, type StatechartEdge, type StatechartJson, type StatechartNode } from './StatechartJson.ts';

interface ElkShape {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkShape[];
  edges?: ElkEdge[];
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  layoutOptions?: Record<string, string>;
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[];
  container?: string;
}

const CHAR = 6.6;
const ELK = ElkBundled as unknown as new () => { layout(graph: unknown): Promise<unknown> };

/** The text on an edge: its trigger, the timer's length, and the guard. */
export function edgeLabel(edge: StatechartEdge): string {
  const guard = guardText(edge);
  return `${triggerText(edge)}${guard ? ` [${guard}]` : ''}`;
}

/**
 * Lays a statechart out with ELK's layered algorithm (compound states as nested boxes, parallel
 * regions dashed) and draws it as SVG. Every state is a `<g class="state" data-state="…">` and
 * every transition a `<g class="edge" data-edge="…">`, so a page can highlight them.
 *
 * @example
 * const svg = await chartSvg(statechartModel(machine));
 */
export async function chartSvg(chart: StatechartJson): Promise<string> {
  const byParent = new Map<string | null, StatechartNode[]>();
  for (const n of chart.nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n]);
  const shape = (n: StatechartNode): ElkShape => {
    const kids = byParent.get(n.id) ?? [];
    if (!kids.length) return { id: n.id, width: Math.max(60, n.key.length * CHAR + 24), height: 30 };
    const initial = n.initial ? [{ id: `${n.id}#initial`, width: 10, height: 10 }] : [];
    return { id: n.id, layoutOptions: { 'elk.padding': '[top=28,left=12,bottom=12,right=12]' }, children: [...initial, ...kids.map(shape)] };
  };
  const root = chart.nodes.find((n) => n.id === ROOT_ID);
  const top = (byParent.get(ROOT_ID) ?? []).map(shape);
  const edges: ElkEdge[] = [];
  for (const n of chart.nodes) if (n.initial && n.id !== ROOT_ID) edges.push({ id: `${n.id}#initial-edge`, sources: [`${n.id}#initial`], targets: [n.initial] });
  for (const e of chart.edges) {
    const targets = e.targets.length ? e.targets : [e.source];
    targets.forEach((t, i) => {
      const text = edgeLabel(e);
      edges.push({ id: `${e.id}#${i}`, sources: [e.source === ROOT_ID ? (top[0]?.id ?? e.source) : e.source], targets: [t], labels: [{ text, width: text.length * CHAR, height: 14 }] });
    });
  }
  const graph: ElkShape = {
    id: 'chart',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.edgeLabels.inline': 'false', 'elk.spacing.nodeNode': '24', 'elk.layered.spacing.nodeNodeBetweenLayers': '40' },
    children: root?.type === 'parallel' || !root?.initial ? top : [{ id: `${ROOT_ID}#initial`, width: 10, height: 10 }, ...top],
    edges: root?.initial ? [{ id: 'root#initial-edge', sources: [`${ROOT_ID}#initial`], targets: [root.initial] }, ...edges] : edges,
  };
  const laid = (await new ELK().layout(graph)) as ElkShape;
  return draw(chart, laid);
}

function draw(chart: StatechartJson, laid: ElkShape): string {
  const nodes = new Map(chart.nodes.map((n) => [n.id, n]));
  const offset = new Map<string, { x: number; y: number }>([['chart', { x: 0, y: 0 }]]);
  const parts: string[] = [];
  const visit = (s: ElkShape, ox: number, oy: number) => {
    const x = ox + (s.x ?? 0);
    const y = oy + (s.y ?? 0);
    offset.set(s.id, { x, y });
    const n = nodes.get(s.id);
    if (s.id.endsWith('#initial')) parts.push(`<circle class="initial" cx="${x + 5}" cy="${y + 5}" r="5"/>`);
    else if (n) {
      const parallelParent = n.parent !== null && nodes.get(n.parent)?.type === 'parallel';
      const tip = [n.description ?? '', ...n.sources.map(formatSource)].filter(Boolean).join('\n');
      const cls = `state ${n.type}${parallelParent ? ' region' : ''}${n.tags.length ? ` tagged` : ''}`;
      const labelY = s.children?.length ? y + 17 : y + (s.height ?? 30) / 2 + 4;
      const labelX = s.children?.length ? x + 8 : x + (s.width ?? 0) / 2;
      parts.push(
        `<g class="${cls}" data-state="${esc(n.id)}"><title>${esc(`${n.id}${tip ? `\n${tip}` : ''}${n.tags.length ? `\ntags: ${n.tags.join(', ')}` : ''}`)}</title>` +
          `<rect x="${x}" y="${y}" width="${s.width}" height="${s.height}" rx="${s.children?.length ? 6 : 12}"/>` +
          `<text x="${labelX}" y="${labelY}"${s.children?.length ? '' : ' text-anchor="middle"'}>${esc(n.key)}${n.type === 'final' ? ' ◉' : ''}</text></g>`,
      );
    }
    for (const c of s.children ?? []) visit(c, x, y);
  };
  for (const c of laid.children ?? []) visit(c, 0, 0);
  const edgeParts: string[] = [];
  const drawEdges = (s: ElkShape) => {
    for (const e of s.edges ?? []) {
      const base = offset.get(e.container ?? s.id) ?? { x: 0, y: 0 };
      const sec = e.sections?.[0];
      if (!sec) continue;
      const pts = [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint].map((p) => `${(p.x + base.x).toFixed(1)},${(p.y + base.y).toFixed(1)}`);
      const label = e.labels?.[0];
      const id = e.id.replace(/#\d+$/, '');
      edgeParts.push(
        `<g class="edge" data-edge="${esc(id)}"><polyline points="${pts.join(' ')}" marker-end="url(#arrow)"/>` +
          (label ? `<text x="${((label.x ?? 0) + base.x).toFixed(1)}" y="${((label.y ?? 0) + base.y + 11).toFixed(1)}">${esc(label.text)}</text>` : '') +
          '</g>',
      );
    }
    for (const c of s.children ?? []) drawEdges(c);
  };
  drawEdges(laid);
  const w = Math.ceil(laid.width ?? 0) + 2;
  const h = Math.ceil(laid.height ?? 0) + 2;
  const defs = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${defs}${parts.join('')}${edgeParts.join('')}</svg>`;
}
