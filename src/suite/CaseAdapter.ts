import type { VocabularyEvent } from '../domain/events.ts';
import type { Observation } from '../scenarios/Observation.ts';

/** What a system under test says when it is handed an outside event. */
export interface Delivery {
  /** False when the case cannot take the event now; the case must then be left as it was. */
  accepted: boolean;
}

/** One open case in the system under test. Every method may return a promise. */
export interface CaseUnderTest {
  /**
   * Applies an outside event dated `on` (YYYY-MM-DD); a deadline due on `on` itself passes at the
   * end of that day, after the event. A refused event changes nothing, the clock included. A
   * suite ends every day on which a deadline falls due (`endDay`) before it sends an event dated
   * later, so `send` never has to pass deadlines itself.
   */
  send(event: VocabularyEvent, on: string): Delivery | Promise<Delivery>;
  /** Ends the day `on`: every deadline due on or before it passes, in due order. */
  endDay(on: string): void | Promise<void>;
  /** The case as it stands, in the compliance vocabulary. */
  observe(): Observation | Promise<Observation>;
}

/**
 * How a conformance suite drives a case tool: open a case from a request under a policy, then
 * send dated events, end days and observe. `dueprocess suite --adapter MODULE` imports the
 * module's default export.
 *
 * @example
 * const adapter: CaseAdapter = {
 *   name: 'my case tool',
 *   open: (request, policy) => myTool.openCase(request, policy),
 * };
 * export default adapter;
 */
export interface CaseAdapter {
  name: string;
  /** Kinds the tool handles; scenarios of other kinds are skipped and reported. All when absent. */
  kinds?: readonly string[];
  /** `policy` is the scenario file's policy id (`cloudflare`, `letsencrypt`, or your own under `scenarios --policy FILE`); the version follows `request.receivedOn`. */
  open(request: unknown, policy: string): CaseUnderTest | Promise<CaseUnderTest>;
}
