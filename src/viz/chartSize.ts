import { ROOT_ID, type StatechartJson } from './StatechartJson.ts';

/**
 * A chart's size as the CLI and the HTML page both print it: its state nodes other than the root
 * (the machine itself, which the page draws as the canvas, not as a box), and its transitions.
 *
 * @example
 * chartSize(statechartModel(subpoenaMachine)) // '38 states (root not counted), 47 transitions'
 */
export function chartSize(chart: Pick<StatechartJson, 'nodes' | 'edges'>): string {
  const states = chart.nodes.filter((n) => n.id !== ROOT_ID).length;
  return `${states} states (root not counted), ${chart.edges.length} transitions`;
}
