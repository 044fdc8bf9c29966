import { createActor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { statelyInspector } from './statelyInspector.ts';
import { WAIT, useInspector } from './support/useInspector.ts';

// A real XState actor of a catalogue kind, inspected the way @statelyai/inspect's WebSocket
// inspector would report it.

const subpoena = findKind('subpoena');
if (!subpoena?.inputs[0]) throw new Error('no subpoena kind with an input');
const inspector = useInspector();

describe('a running XState actor', () => {
  it('shows up with its machine, and its new state after an event', async () => {
    const reporter = statelyInspector(inspector().wsUrl);
    const actor = createActor(subpoena.machine, { input: subpoena.inputs[0]?.input, inspect: reporter.inspect });
    actor.start();
    const mine = () => inspector().actors().find((a) => a.sessionId === actor.sessionId);
    await vi.waitFor(() => expect(mine()?.active).toContain('process.review'), WAIT);
    expect(mine()).toMatchObject({ machine: 'subpoena', name: 'subpoena', status: 'active' });
    actor.send({ type: 'review.completed', finding: 'sufficient' });
    await vi.waitFor(() => expect(mine()?.active).toContain('process.compliance'), WAIT);
    expect(mine()?.events.map((e) => e.type)).toEqual(['xstate.init', 'review.completed']);
    expect(mine()?.context).toEqual(JSON.parse(JSON.stringify(actor.getSnapshot().context)));
    actor.stop();
    await vi.waitFor(() => expect(mine()?.status).toBe('stopped'), WAIT);
    reporter.close();
  });
});
