import { readFileSync } from 'node:fs';
import { escapeXml as esc } from '../viz/escapeXml.ts';

const STYLE = `
body{margin:0;font:14px system-ui,sans-serif;color:#222;display:flex;flex-direction:column;height:100vh}
header{padding:8px 16px;border-bottom:1px solid #ccc}header h1{font-size:18px;margin:0}header p{margin:4px 0 0;color:#555}
main{display:flex;flex:1;min-height:0}nav{width:220px;overflow:auto;border-right:1px solid #ccc;padding:8px 12px}
#chart{flex:1;overflow:auto;padding:8px}aside{width:440px;overflow:auto;border-left:1px solid #ccc;padding:8px 12px}
h2{font-size:15px;margin:12px 0 6px}ul,ol{padding-left:22px;font-size:12px}nav li{cursor:pointer;padding:2px 0}li.current{font-weight:bold;background:#fff3c4}
.muted{color:#777}pre{background:#f6f6f6;padding:6px;font-size:12px;white-space:pre-wrap}#value{font-family:monospace;font-size:12px}
svg.chart text{font:11px system-ui,sans-serif}g.state>rect{fill:#fff;stroke:#555}g.state.region>rect{stroke-dasharray:5 3;fill:#fbfbfb}
g.state.final>rect{stroke-width:2}g.state.active>rect{fill:#ffe9a8;stroke:#b07800;stroke-width:2}g.state.compound.active>rect,g.state.parallel.active>rect{fill:#fff8e0}
g.edge polyline{fill:none;stroke:#888}g.edge text{font-size:9px;fill:#555}circle.initial{fill:#333}marker path{fill:#888}
`;

/**
 * The live inspector page: every catalogue chart embedded (hidden until an actor of that machine
 * is selected) and a script that follows the server's `/live` feed. It may connect only to
 * `origin`'s WebSocket and loads nothing else.
 *
 * @example
 * inspectorPage([{ machine: 'subpoena', svg }], { http: 'http://127.0.0.1:4000', ws: 'ws://127.0.0.1:4000' })
 */
export function inspectorPage(charts: readonly { machine: string; svg: string }[], origin: { http: string; ws: string }): string {
  const script = readFileSync(new URL('./inspector.browser.js', import.meta.url), 'utf8');
  const divs = charts.map((c) => `<div class="chart" data-machine="${esc(c.machine)}" hidden>${c.svg}</div>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src ${esc(origin.ws)}">
<link rel="icon" href="data:,">
<title>Live inspector · dueprocess</title><style>${STYLE}</style></head>
<body><header><h1>dueprocess live inspector</h1><p>Serving on ${esc(origin.http)} only; nothing leaves this machine. <span id="connection">connecting…</span></p></header>
<main><nav><h2>Actors</h2><p id="empty" class="muted">No actor yet. Point <code>createWebSocketInspector({ url: '${esc(origin.ws)}' })</code> at this inspector.</p><ul id="actors"></ul></nav>
<section id="chart">${divs}<p id="no-chart" class="muted" hidden>Not a dueprocess catalogue machine: no chart to draw.</p></section>
<aside id="detail" hidden>
<h2 id="title"></h2>
<div id="value"></div>
<h2>Pending deadlines</h2><ul id="deadlines"></ul>
<h2>Event log (newest first)</h2><ol id="log" reversed></ol>
<h2>Context</h2><pre id="context"></pre>
</aside></main>
<script>${script}</script>
</body></html>
`;
}
