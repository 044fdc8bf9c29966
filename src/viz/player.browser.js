// The scenario player and counterexample view of a dueprocess chart page. Runs in the browser,
// reads only the data embedded in the page or a file the user picks, and requests nothing.
(() => {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('dueprocess-data').textContent);
  const states = [...document.querySelectorAll('g.state')];

  /** Highlights the states of a label such as `process.review · notice.pending`, with their ancestors. */
  function highlight(label) {
    const active = new Set();
    for (const leaf of label ? label.split(' · ') : []) {
      const parts = leaf.split('.');
      for (let i = 1; i <= parts.length; i++) active.add(parts.slice(0, i).join('.'));
    }
    const was = new Set(states.filter((g) => g.classList.contains('active')).map((g) => g.dataset.state));
    for (const g of states) g.classList.toggle('active', active.has(g.dataset.state));
    const changed = states.find((g) => active.has(g.dataset.state) && !was.has(g.dataset.state) && !g.classList.contains('compound') && !g.classList.contains('parallel'));
    if (changed) changed.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    return active;
  }

  function text(el, value) {
    el.textContent = value;
    return el;
  }

  /** A player over a list of steps: back, forward, a timeline to click, and a panel for the current step. */
  function player(prefix, describe) {
    let steps = [];
    let at = 0;
    const show = (i) => {
      at = Math.max(0, Math.min(i, steps.length - 1));
      const step = steps[at];
      $(`${prefix}-pos`).textContent = steps.length ? `step ${at + 1} of ${steps.length}` : 'no steps';
      [...$(`${prefix}-timeline`).children].forEach((li, k) => li.classList.toggle('current', k === at));
      const panel = $(`${prefix}-now`);
      panel.replaceChildren();
      if (!step) return highlight('');
      for (const [name, value] of describe(step)) {
        const row = document.createElement('div');
        row.append(text(document.createElement('b'), `${name}: `), text(document.createElement('span'), value));
        row.dataset.field = name;
        panel.append(row);
      }
      return highlight(step.state);
    };
    $(`${prefix}-back`).addEventListener('click', () => show(at - 1));
    $(`${prefix}-forward`).addEventListener('click', () => show(at + 1));
    return {
      load(list) {
        steps = list;
        const ol = $(`${prefix}-timeline`);
        ol.replaceChildren(
          ...list.map((s, k) => {
            const li = text(document.createElement('li'), s.line);
            li.addEventListener('click', () => show(k));
            return li;
          }),
        );
        show(0);
      },
    };
  }

  const scenarioPlayer = player('sc', (s) => [
    ['date', `${s.on} (day ${s.day})`],
    ['what', s.says + (s.expect.accepted ? '' : ' (refused: the case is unchanged)')],
    ['state', s.state],
    ['secrecy', s.expect.secrecy ? 'in force' : 'none'],
    ['notice', s.expect.notice],
    ['disclosed', s.expect.disclosed.join(', ') || 'nothing'],
    ['deadlines', s.expect.deadlines.map((d) => `${d.name} passes at the end of ${d.due}`).join('; ') || 'none pending'],
    ['tags', s.expect.tags.join(', ') || 'none'],
  ]);
  const select = $('sc-select');
  const all = [];
  for (const file of data.scenarios) {
    const group = document.createElement('optgroup');
    group.label = `${file.policy.id}: ${file.policy.version}`;
    for (const sc of file.scenarios) {
      const option = text(document.createElement('option'), `[${sc.strategy}] ${sc.title}`);
      option.value = String(all.length);
      all.push(sc);
      group.append(option);
    }
    select.append(group);
  }
  const play = () => {
    const sc = all[Number(select.value)];
    $('sc-title').textContent = sc ? `${sc.id}: ${sc.purpose}` : '';
    scenarioPlayer.load(sc ? sc.steps.map((s) => ({ ...s, state: s.expect.state, line: `${s.on} · ${s.says}` })) : []);
  };
  select.addEventListener('change', play);
  if (all.length) play();

  const cxPlayer = player('cx', (s) => [
    ['day', String(s.day)],
    ['what', s.what],
    ['state', s.state],
    ['tags', s.tags.join(', ') || 'none'],
  ]);
  let violations = [];
  const cxSelect = $('cx-select');
  const showViolation = () => {
    const v = violations[Number(cxSelect.value)];
    $('cx-rule').textContent = v ? `${v.rule.title} (${v.policy}): ${v.rule.message}\nSources: ${v.rule.sources.map((s) => `DOMAIN ${s.domain} [${s.confidence}] ${s.cite}`).join('; ')}` : '';
    cxPlayer.load(v ? v.rule.counterexample.map((s) => ({ ...s, line: `day ${s.day} · ${s.what}` })) : []);
  };
  cxSelect.addEventListener('change', showViolation);
  $('cx-file').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (!file) return;
    file.text().then((raw) => {
      let report;
      try {
        report = JSON.parse(raw);
      } catch (err) {
        $('cx-rule').textContent = `${file.name} is not JSON: ${err.message}`;
        return;
      }
      const rows = Array.isArray(report) ? report : [];
      violations = rows
        .filter((r) => data.names.includes(r.machine))
        .flatMap((r) => r.rules.filter((x) => x.status === 'violated' && x.counterexample).map((rule) => ({ policy: r.policy, rule })));
      cxSelect.replaceChildren(...violations.map((v, k) => Object.assign(text(document.createElement('option'), `${v.policy}: ${v.rule.id}`), { value: String(k) })));
      if (!violations.length) $('cx-rule').textContent = `${file.name} has no violated rule with a counterexample for ${data.names.join(' or ')}`;
      else showViolation();
    });
  });
})();
