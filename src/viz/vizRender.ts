import type { StatechartJson } from './StatechartJson.ts';
import { toDot } from './toDot.ts';
import { toMermaid } from './toMermaid.ts';
import { toScxml } from './toScxml.ts';

/** The formats `dueprocess viz` writes. */
export const VIZ_FORMATS = ['mermaid', 'dot', 'scxml', 'json'] as const;
export type VizFormat = (typeof VIZ_FORMATS)[number];

/**
 * A statechart model in one of the diagram formats, as text ending in a newline.
 *
 * @example
 * vizRender(statechartModel(machine), 'dot') // 'digraph "subpoena" {\n…'
 */
export function vizRender(chart: StatechartJson, format: VizFormat): string {
  switch (format) {
    case 'mermaid':
      return toMermaid(chart);
    case 'dot':
      return toDot(chart);
    case 'scxml':
      return toScxml(chart);
    case 'json':
      return `${JSON.stringify(chart, null, 2)}\n`;
  }
}
