// Replay of a dated NSL case on our whole-day clock, against an XState actor on its SimulatedClock.
import { createActor, SimulatedClock } from 'xstate';
import { findKind } from '../machines/catalogue.ts';
import { dayNumber } from '../src/domain/date.ts';
import { DatedEvents } from '../src/domain/DatedEvent.ts';
import { DAY_MS } from '../src/domain/duration.ts';
import { readJson } from '../src/domain/readJson.ts';
import { cloudflare } from '../src/policy/cloudflare.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { replay } from '../src/time/replay.ts';
import { report } from './support/report.ts';

function time(fn: () => void, rounds: number): number {
  for (let i = 0; i < Math.min(50, rounds); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

export function replayNsl(): boolean {
  const entry = findKind('nationalSecurityLetter');
  if (!entry) throw new Error('catalogue has no nationalSecurityLetter');
  const request = entry.requestSchema.parse(readJson('examples/nsl-request.json', 'request'));
  const events = DatedEvents.parse(readJson('examples/nsl-events.json', 'events'));
  const version = policyVersionAt(cloudflare, request.receivedOn);
  const start = dayNumber(request.receivedOn);
  const days = events.map((e) => e.day ?? dayNumber(e.date as string) - start);

  const ours = time(() => {
    replay(entry, version, request, events);
  }, 2000);

  // Baseline: the same case through an XState actor on its SimulatedClock.
  const machine = withPolicy(entry.machine, version);
  const actorRun = time(() => {
    const clock = new SimulatedClock();
    const actor = createActor(machine, { input: request, clock });
    actor.start();
    let now = 0;
    events.forEach((e, i) => {
      const day = days[i] as number;
      clock.increment((day - now) * DAY_MS);
      now = day;
      if (e.event) actor.send(e.event);
    });
    actor.stop();
  }, 2000);

  const ratio = actorRun / ours;
  report(
    `replay NSL case (${events.length} dated events): ours ${ours.toFixed(3)} ms · xstate actor + SimulatedClock ${actorRun.toFixed(3)} ms · ratio ${ratio.toFixed(2)}× (ours faster when > 1)`,
    { bench: 'replay-nsl', ours_ms: ours, baseline_ms: actorRun, baseline: 'xstate actor + SimulatedClock', speedup: ratio },
  );
  return true;
}
