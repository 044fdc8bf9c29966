import { WebSocket } from 'ws';
import { observe } from '../scenarios/observe.ts';
import type { Step, TimedRun } from '../time/TimedRun.ts';

/** Reports whole-day runs to a live inspector. */
export interface RunReporter {
  /** Sends the run's new steps and its current state; `name` tells runs apart (default: the machine's id). */
  report(run: TimedRun, day0: number, name?: string): void;
  close(): void;
}

/**
 * The one-line hook for dueprocess's own whole-day clock: report a `TimedRun` to `dueprocess
 * inspect` after each step, in the `@statelyai/inspect` protocol, with its pending deadlines as
 * dates. Reporting never throws: if the inspector is gone, messages are dropped.
 *
 * @example
 * const inspector = connectInspector('ws://127.0.0.1:4000');
 * run = sendEvent(run, 3, { type: 'review.completed', finding: 'sufficient' }).run;
 * inspector.report(run, dayNumber(request.receivedOn));
 */
export function connectInspector(wsUrl: string): RunReporter {
  const socket = new WebSocket(wsUrl);
  const queue: string[] = [];
  const reported = new Map<string, number>();
  let closing = false;
  socket.on('error', () => undefined);
  socket.on('open', () => {
    for (const text of queue.splice(0)) socket.send(text);
    if (closing) socket.close();
  });
  const send = (message: Record<string, unknown>) => {
    const text = JSON.stringify({ rootId: message.sessionId, createdAt: Date.now().toString(), id: null, _version: 'dueprocess', ...message });
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else if (socket.readyState === WebSocket.CONNECTING) queue.push(text);
  };
  return {
    report(run, day0, name = run.machine.id) {
      const sessionId = `dueprocess:${name}`;
      const snapshot = { status: run.snapshot.status, value: run.snapshot.value, context: run.snapshot.context };
      const deadlines = observe(run, day0).deadlines;
      const seen = reported.get(sessionId);
      if (seen === undefined) {
        send({ type: '@xstate.actor', sessionId, name, parentId: null, definition: JSON.stringify(run.machine.toJSON()), snapshot, deadlines });
      }
      for (const step of run.steps.slice(seen ?? 0)) send({ type: '@xstate.event', sessionId, sourceId: null, event: stepEvent(step) });
      reported.set(sessionId, run.steps.length);
      send({ type: '@xstate.snapshot', sessionId, snapshot, event: stepEvent(run.steps[run.steps.length - 1]), deadlines });
    },
    close() {
      closing = true;
      if (socket.readyState === WebSocket.OPEN) socket.close();
    },
  };
}

function stepEvent(step: Step | undefined): { type: string; day?: number } {
  if (!step || step.trigger.kind === 'start') return { type: 'xstate.init', ...(step ? { day: step.day } : {}) };
  if (step.trigger.kind === 'timer') return { type: step.trigger.event, day: step.day };
  return { ...step.trigger.event, day: step.day };
}
