import { createWebSocketInspector } from '@statelyai/inspect';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { findKind } from '../../machines/catalogue.ts';
import { WAIT, useInspector } from './support/useInspector.ts';

// The real @statelyai/inspect package: an app switches to our inspector by pointing
// createWebSocketInspector({ url }) at it, and nothing else changes.

const subpoena = findKind('subpoena');
if (!subpoena?.inputs[0]) throw new Error('no subpoena kind with an input');
const inspector = useInspector();

describe("@statelyai/inspect's WebSocket inspector", () => {
  it('reports a running catalogue actor to dueprocess inspect: its machine, state, events and context', async () => {
    const stately = createWebSocketInspector({ url: inspector().wsUrl, autoStart: false });
    stately.start();
    const actor = createActor(subpoena.machine, { input: subpoena.inputs[0]?.input, inspect: stately.inspect });
    actor.start();
    const mine = () => inspector().actors().find((a) => a.sessionId === actor.sessionId);
    await vi.waitFor(() => expect(mine()?.active).toContain('process.review'), WAIT);
    expect(mine()?.machine).toBe('subpoena');
    actor.send({ type: 'review.completed', finding: 'sufficient' });
    await vi.waitFor(() => expect(mine()?.active).toContain('process.compliance'), WAIT);
    expect(mine()?.events.map((e) => e.type)).toContain('review.completed');
    expect(mine()?.context).toMatchObject({ disclosed: false, outcome: null });
    actor.stop();
    stately.stop();
  }, 30_000);
});
