import { activeStatePaths } from './activeStatePaths.ts';
import type { InspectedDeadline, InspectionMessage } from './inspectionMessage.ts';

/** How many events each actor's log keeps; older ones are dropped. */
export const EVENT_LOG_LIMIT = 200;

/** One event an actor received, as the inspector logs it. */
export interface LoggedEvent {
  at: string;
  type: string;
  event: Record<string, unknown>;
  sourceId?: string;
}

/** What the inspector knows about one running actor. */
export interface InspectedActor {
  sessionId: string;
  name: string;
  /** The machine's id (from its definition), which for catalogue machines is the kind. */
  machine: string;
  status: string;
  value: unknown;
  /** The active leaf states, dotted (`process.review`). */
  active: string[];
  context: unknown;
  events: LoggedEvent[];
  deadlines?: InspectedDeadline[];
}

/**
 * The inspector's record of every actor, updated by inspection messages. `apply` returns the
 * actor a message changed.
 *
 * @example
 * const registry = actorRegistry();
 * registry.apply(message)?.value // { process: 'review', … }
 */
export function actorRegistry() {
  const actors = new Map<string, InspectedActor>();
  const get = (sessionId: string, name?: string): InspectedActor => {
    const known = actors.get(sessionId);
    if (known) return known;
    const actor: InspectedActor = { sessionId, name: name ?? sessionId, machine: name ?? sessionId, status: 'active', value: undefined, active: [], context: undefined, events: [] };
    actors.set(sessionId, actor);
    return actor;
  };
  const setSnapshot = (actor: InspectedActor, snapshot: { status?: string | undefined; value?: unknown; context?: unknown } | undefined) => {
    if (!snapshot) return;
    if (snapshot.status !== undefined) actor.status = snapshot.status;
    if ('value' in snapshot) {
      actor.value = snapshot.value;
      actor.active = activeStatePaths(snapshot.value);
    }
    if ('context' in snapshot) actor.context = snapshot.context;
  };
  return {
    apply(message: InspectionMessage): InspectedActor {
      switch (message.type) {
        case '@xstate.actor': {
          const actor = get(message.sessionId, message.name);
          actor.name = message.name ?? actor.name;
          actor.machine = definitionId(message.definition) ?? actor.name;
          setSnapshot(actor, message.snapshot);
          if (message.deadlines) actor.deadlines = message.deadlines;
          return actor;
        }
        case '@xstate.snapshot': {
          const actor = get(message.sessionId);
          setSnapshot(actor, message.snapshot);
          if (message.deadlines) actor.deadlines = message.deadlines;
          return actor;
        }
        case '@xstate.event': {
          const actor = get(message.sessionId);
          const entry: LoggedEvent = { at: stamp(message.createdAt), type: message.event.type, event: message.event };
          if (message.sourceId) entry.sourceId = message.sourceId;
          actor.events = [...actor.events, entry].slice(-EVENT_LOG_LIMIT);
          return actor;
        }
      }
    },
    list(): InspectedActor[] {
      return [...actors.values()];
    },
  };
}

function definitionId(definition: string | null | undefined): string | undefined {
  if (!definition) return undefined;
  try {
    const id = (JSON.parse(definition) as { id?: unknown }).id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** `@statelyai/inspect` stamps `Date.now().toString()`; shown as an ISO time when it is one. */
function stamp(createdAt: string | number | undefined): string {
  const ms = Number(createdAt);
  return createdAt !== undefined && Number.isFinite(ms) ? new Date(ms).toISOString() : new Date().toISOString();
}
