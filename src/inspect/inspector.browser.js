// The live inspector page: lists the actors reported to this dueprocess inspector and shows the
// selected one's chart, event log, context and deadlines. It talks only to its own server.
(() => {
  const $ = (id) => document.getElementById(id);
  const actors = new Map();
  let selected = null;

  function text(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (className) el.className = className;
    return el;
  }

  /** Marks the active leaves and their ancestors in one chart, and clears every other chart. */
  function highlight(chart, leaves) {
    const on = new Set();
    for (const leaf of leaves) {
      const parts = leaf.split('.');
      for (let i = 1; i <= parts.length; i++) on.add(parts.slice(0, i).join('.'));
    }
    let changed = null;
    for (const g of document.querySelectorAll('g.state')) {
      const active = !!chart && chart.contains(g) && on.has(g.dataset.state);
      if (active && !g.classList.contains('active') && !g.classList.contains('compound') && !g.classList.contains('parallel')) changed = changed || g;
      g.classList.toggle('active', active);
    }
    if (changed) changed.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  }

  function renderList() {
    const list = $('actors');
    list.replaceChildren(
      ...[...actors.values()].map((a) => {
        const li = text('li', `${a.name} · ${a.status}`);
        li.dataset.session = a.sessionId;
        li.classList.toggle('current', a.sessionId === selected);
        li.addEventListener('click', () => select(a.sessionId));
        return li;
      }),
    );
    $('empty').hidden = actors.size > 0;
  }

  function renderSelected() {
    const actor = actors.get(selected);
    let chart = null;
    for (const div of document.querySelectorAll('div.chart')) {
      div.hidden = !actor || div.dataset.machine !== actor.machine;
      if (!div.hidden) chart = div;
    }
    $('detail').hidden = !actor;
    if (!actor) return highlight(null, []);
    $('no-chart').hidden = !!chart;
    $('title').textContent = `${actor.name} (${actor.machine}) · ${actor.status}`;
    $('value').textContent = actor.active.join(' · ') || JSON.stringify(actor.value);
    $('context').textContent = JSON.stringify(actor.context, null, 2);
    const deadlines = actor.deadlines || [];
    $('deadlines').replaceChildren(...(deadlines.length ? deadlines.map((d) => text('li', `${d.name} passes at the end of ${d.due}`)) : [text('li', actor.deadlines ? 'none pending' : 'not reported by this app', 'muted')]));
    $('log').replaceChildren(
      ...actor.events
        .slice()
        .reverse()
        .map((e) => {
          const li = text('li', `${e.at.slice(11, 23)} ${e.type}`);
          li.title = JSON.stringify(e.event, null, 2);
          li.dataset.type = e.type;
          return li;
        }),
    );
    highlight(chart, actor.active);
  }

  function select(sessionId) {
    selected = sessionId;
    renderList();
    renderSelected();
  }

  function receive(message) {
    if (message.type === 'state') {
      actors.clear();
      for (const a of message.actors) actors.set(a.sessionId, a);
    } else if (message.type === 'update') {
      actors.set(message.actor.sessionId, message.actor);
    } else return;
    if (!actors.has(selected)) selected = actors.size ? [...actors.keys()][actors.size - 1] : null;
    renderList();
    renderSelected();
  }

  function connect() {
    const socket = new window.WebSocket(`ws://${window.location.host}/live`);
    socket.addEventListener('open', () => ($('connection').textContent = 'connected'));
    socket.addEventListener('message', (e) => receive(JSON.parse(e.data)));
    socket.addEventListener('close', () => {
      $('connection').textContent = 'disconnected, retrying…';
      window.setTimeout(connect, 2000);
    });
  }
  connect();
})();
