import { readFileSync } from 'node:fs';
import type { ScenarioFile } from '../scenarios/Scenario.ts';
import { chartSize } from './chartSize.ts';
import { chartSvg } from './layoutChart.ts';
import type { StatechartJson } from './StatechartJson.ts';
import { escapeXml as esc } from './escapeXml.ts';

const STYLE = `
body{margin:0;font:14px system-ui,sans-serif;color:#222;display:flex;flex-direction:column;height:100vh}
header{padding:8px 16px;border-bottom:1px solid #ccc}header h1{font-size:18px;margin:0}header p{margin:4px 0 0;color:#555}
main{display:flex;flex:1;min-height:0}#chart{flex:1;overflow:auto;padding:8px}aside{width:440px;overflow:auto;border-left:1px solid #ccc;padding:8px 12px}
h2{font-size:15px;margin:12px 0 6px}select{width:100%}ol{padding-left:22px;font-size:12px}li{cursor:pointer;padding:1px 0}li.current{font-weight:bold;background:#fff3c4}
.now{background:#f6f6f6;padding:6px;font-size:12px;white-space:pre-wrap}.rule{white-space:pre-wrap;font-size:12px;color:#8a1c1c}
svg.chart text{font:11px system-ui,sans-serif}g.state>rect{fill:#fff;stroke:#555}g.state.region>rect{stroke-dasharray:5 3;fill:#fbfbfb}
g.state.final>rect{stroke-width:2}g.state.active>rect{fill:#ffe9a8;stroke:#b07800;stroke-width:2}g.state.compound.active>rect,g.state.parallel.active>rect{fill:#fff8e0}
g.edge polyline{fill:none;stroke:#888}g.edge text{font-size:9px;fill:#555}circle.initial{fill:#333}marker path{fill:#888}
`;

/**
 * One self-contained HTML page for a machine: its statechart as SVG, a scenario player over the
 * given scenario files, and a counterexample view that reads `dueprocess check --json` output
 * from a file the user picks. The view plays the report rows whose `machine` is the chart's
 * machine id or `checkName`, the name `check` gives the same machine (a catalogue kind, or
 * `--machine FILE[#export]`). Nothing on the page is fetched from anywhere.
 *
 * @example
 * writeFileSync('mine.html', await chartPage(statechartModel(machine), [], 'My workflow', 'examples/my-workflow.ts'));
 */
export async function chartPage(chart: StatechartJson, scenarios: readonly ScenarioFile[], title: string, checkName: string = chart.machine): Promise<string> {
  const svg = await chartSvg(chart);
  const names = [...new Set([chart.machine, checkName])];
  const data = JSON.stringify({ machine: chart.machine, names, scenarios }).replace(/</g, '\\u003c');
  const script = readFileSync(new URL('./player.browser.js', import.meta.url), 'utf8');
  const count = scenarios.reduce((n, f) => n + f.scenarios.length, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)} · dueprocess</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(chart.title ?? chart.machine)}${chart.policy ? ` · timers under ${esc(chart.policy.id)} (${esc(chart.policy.version)})` : ''} · ${chartSize(chart)}. Hover a state for its description and legal sources.</p></header>
<main><section id="chart">${svg}</section>
<aside>
<h2>Scenario player</h2>
<select id="sc-select" aria-label="scenario">${count ? '' : '<option value="">no scenarios</option>'}</select>
<p id="sc-title" class="now"></p>
<button id="sc-back" type="button">◀ back</button> <span id="sc-pos"></span> <button id="sc-forward" type="button">forward ▶</button>
<div id="sc-now" class="now"></div>
<ol id="sc-timeline"></ol>
<h2>Counterexample</h2>
<p>Load the output of <code>dueprocess check --json</code> to play a violating path.</p>
<input id="cx-file" type="file" accept=".json,application/json" aria-label="check report">
<select id="cx-select" aria-label="violation"></select>
<p id="cx-rule" class="rule"></p>
<button id="cx-back" type="button">◀ back</button> <span id="cx-pos"></span> <button id="cx-forward" type="button">forward ▶</button>
<div id="cx-now" class="now"></div>
<ol id="cx-timeline"></ol>
</aside></main>
<script type="application/json" id="dueprocess-data">${data}</script>
<script>${script}</script>
</body></html>
`;
}

/** An index page linking each kind's page. */
export function indexPage(kinds: readonly { kind: string; title: string; file: string }[]): string {
  const items = kinds.map((k) => `<li><a href="${esc(k.file)}">${esc(k.title)}</a> <code>${esc(k.kind)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>dueprocess · every kind</title><style>body{font:15px system-ui,sans-serif;margin:24px}li{margin:4px 0}</style></head>
<body><h1>dueprocess: every kind of demand</h1><ul>
${items}
</ul></body></html>
`;
}
