import { z } from 'zod';

const Base = {
  sessionId: z.string().min(1),
  createdAt: z.union([z.string(), z.number()]).optional(),
  rootId: z.string().nullish(),
};

const Snapshot = z.looseObject({ status: z.string().optional(), value: z.unknown().optional(), context: z.unknown().optional() });
const EventObject = z.looseObject({ type: z.string() });

/** A deadline the sender knows is pending: the delay's name and the ISO day it passes at the end of. */
export const InspectedDeadline = z.object({ name: z.string(), due: z.string() });
export type InspectedDeadline = z.infer<typeof InspectedDeadline>;

/**
 * One `StatelyInspectionEvent` as `@statelyai/inspect`'s WebSocket inspector sends it, read
 * loosely: unknown fields pass through. `deadlines` is dueprocess's addition, sent by
 * `connectInspector`.
 */
export const InspectionMessage = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('@xstate.actor'),
    ...Base,
    name: z.string().optional(),
    definition: z.string().nullish(),
    parentId: z.string().nullish(),
    snapshot: Snapshot.optional(),
    deadlines: z.array(InspectedDeadline).optional(),
  }),
  z.looseObject({ type: z.literal('@xstate.snapshot'), ...Base, snapshot: Snapshot, event: EventObject.nullish(), deadlines: z.array(InspectedDeadline).optional() }),
  z.looseObject({ type: z.literal('@xstate.event'), ...Base, event: EventObject, sourceId: z.string().nullish() }),
]);
export type InspectionMessage = z.infer<typeof InspectionMessage>;

/**
 * The message in a WebSocket text frame, or null when it is not JSON or not an inspection event.
 *
 * @example
 * parseInspectionMessage('{"type":"@xstate.event","sessionId":"x:0","event":{"type":"go"}}')?.type // '@xstate.event'
 */
export function parseInspectionMessage(text: string): InspectionMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = InspectionMessage.safeParse(json);
  return parsed.success ? parsed.data : null;
}
