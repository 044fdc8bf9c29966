// (a) Same question, both ways: which machine states are reachable, and the earliest day of each.
// Ours: the exact timed explorer, each node dated by datePath. Baseline: xstate/graph's
// getAdjacencyMap over the day-counter (tick) encoding, the only exact way to ask it about deadlines.
import { catalogueCase } from './support/catalogueCase.ts';
import { compareEarliest, exploreEarliest, graphEarliest, horizonFor } from './support/earliestDays.ts';
import { fmt, median, medianPair, msSince, now, report } from './support/report.ts';

const KINDS = ['subpoena', 'nationalSecurityLetter', 'civilSubpoena', 'preservation', 'dataSubjectRequest', 'penRegister'];
const GRAPH_MAX_MS = 60_000;
/** Below this, the baseline is quick enough to time the way ours is, over several runs. */
const PAIRED_UNDER_MS = 2_000;

/** Returns false when the two answers disagree. */
export function sameQuestion(): boolean {
  let ok = true;
  const warm = catalogueCase('civilSubpoena');
  exploreEarliest(warm.machine(), warm.input, warm.events);
  graphEarliest(warm.machine(), warm.input, warm.events, horizonFor(warm.machine(), warm.events), GRAPH_MAX_MS);

  for (const kind of KINDS) {
    const c = catalogueCase(kind);
    // One machine for both sides: XState memoises per state node, so neither pays that alone.
    const machine = c.machine();
    const horizon = horizonFor(machine, c.events);
    let ours = exploreEarliest(machine, c.input, c.events);
    const start = now();
    const theirs = graphEarliest(machine, c.input, c.events, horizon, GRAPH_MAX_MS);
    let graphMs = msSince(start);
    let oursMs: number;
    if (graphMs < PAIRED_UNDER_MS) {
      // Both sides short: time them alike, alternating, warmed and repeated (medianPair).
      [oursMs, graphMs] = medianPair(
        () => (ours = exploreEarliest(machine, c.input, c.events)),
        () => graphEarliest(machine, c.input, c.events, horizon, GRAPH_MAX_MS),
        5,
      );
    } else {
      oursMs = median(() => (ours = exploreEarliest(machine, c.input, c.events)), 5, 0);
    }
    const diff = compareEarliest(ours.days, theirs.days);
    // A cut traversal met only some states, each on a day no earlier than its earliest.
    const agree = theirs.complete
      ? diff.onlyOurs.length === 0 && diff.onlyTheirs.length === 0 && diff.days.length === 0
      : diff.onlyTheirs.length === 0 && diff.days.every((d) => d.ours < d.theirs);
    if (!agree) ok = false;
    const speedup = graphMs / oursMs;
    const bound = theirs.complete ? '' : '≥ ';
    const verdict = agree
      ? theirs.complete
        ? 'same states, same earliest days'
        : `xstate/graph cut at ${fmt(GRAPH_MAX_MS)} having met ${theirs.days.size} of our ${ours.days.size} states, none earlier than ours`
      : `DISAGREE: only ours ${diff.onlyOurs.length}, only xstate/graph ${diff.onlyTheirs.length}, different days ${diff.days.length} (e.g. ${JSON.stringify(diff.days[0] ?? diff.onlyOurs[0] ?? diff.onlyTheirs[0])})`;
    report(
      `same question ${kind} (${ours.days.size} states, latest earliest day ${Math.max(...ours.days.values())}, horizon ${horizon}): ours ${fmt(oursMs)} (${ours.run.nodes.length} zone nodes) · xstate/graph tick encoding ${bound}${fmt(graphMs)} (${theirs.encoded} encoded states${theirs.complete ? '' : ', cut'}) · ratio ${bound}${speedup.toFixed(0)}× · ${verdict}`,
      {
        bench: `same-question:${kind}`,
        ours_ms: oursMs,
        xstate_graph_ms: graphMs,
        speedup,
        ...(theirs.complete ? {} : { xstate_graph_cut_at_ms: GRAPH_MAX_MS, lower_bound: true }),
        states: ours.days.size,
        zone_nodes: ours.run.nodes.length,
        encoded_states: theirs.encoded,
        agree,
      },
    );
  }
  return ok;
}
