import type { AnyActorRef, InspectionEvent } from 'xstate';
import { WebSocket } from 'ws';

// A stand-in for `@statelyai/inspect`'s `createWebSocketInspector({ url })`: the same message
// shapes (its convertXStateEvent) over a plain `ws` client, so the tests need no extra package.

/** An XState `inspect` observer that reports to `url` as `@statelyai/inspect` does. */
export function statelyInspector(url: string) {
  const socket = new WebSocket(url);
  const queue: string[] = [];
  const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
  socket.on('open', () => queue.splice(0).forEach((text) => socket.send(text)));
  const send = (message: Record<string, unknown>) => {
    const text = JSON.stringify({ createdAt: Date.now().toString(), id: null, _version: '0.4.0', ...message });
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else queue.push(text);
  };
  const inspect = (event: InspectionEvent) => {
    const base = { sessionId: event.actorRef.sessionId, rootId: event.rootId };
    if (event.type === '@xstate.actor') {
      const actorRef = event.actorRef as AnyActorRef;
      const definition = JSON.stringify(logicJson(actorRef));
      const defined = (JSON.parse(definition) as { id?: string }).id;
      const name = actorRef.id === actorRef.sessionId && defined ? defined : actorRef.id;
      send({ type: '@xstate.actor', ...base, name, definition, parentId: actorRef._parent?.sessionId, snapshot: currentSnapshot(actorRef) });
    } else if (event.type === '@xstate.snapshot') {
      send({ type: '@xstate.snapshot', ...base, event: event.event, snapshot: JSON.parse(JSON.stringify(event.snapshot)) });
    } else if (event.type === '@xstate.event') {
      send({ type: '@xstate.event', ...base, event: event.event, sourceId: event.sourceRef?.sessionId });
    }
  };
  return { inspect, opened, close: () => socket.close() };
}

function logicJson(actorRef: AnyActorRef): unknown {
  const logic = (actorRef as AnyActorRef & { logic: unknown }).logic as { toJSON?: () => unknown; definition?: unknown };
  return logic.toJSON?.() ?? logic.definition;
}

function currentSnapshot(actorRef: AnyActorRef): unknown {
  try {
    return (actorRef.getSnapshot() as { toJSON(): unknown }).toJSON();
  } catch {
    return { status: 'active' };
  }
}
