import type { CaseDeadline } from './caseDeadline.ts';
import type { CaseRow, StoreTx } from './CaseStore.ts';
import { InputError } from '../domain/InputError.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import type { Observation } from '../scenarios/Observation.ts';

/** A case as `get` shows it: the observation vocabulary plus its state, version and history. */
export interface CaseView extends Observation {
  id: string;
  kind: string;
  policy: string;
  state: string;
  /** The work is over: an outcome, no deadline pending, no notice due or deferred, no challenge due, nothing overdue. */
  closed: boolean;
  version: number;
  machineVersion: string;
  /** The request the case was opened with, as validated. */
  request: unknown;
  history: { seq: number; on: string; event: VocabularyEvent }[];
  /**
   * The earliest date an event may carry: the day of the case's last step (an event, or a
   * deadline fired by `send` or `tick`), or the day after it when a deadline fired that day.
   */
  takesEventsFrom: string;
  /** Deadlines that have passed, in the order they fired: the delay's name and its due day. */
  passed: { name: string; due: string }[];
  /** Pending deadlines by due date then name: name, due, state, leadsTo, setBy, and `overdue: true` once due before today with no tick run. */
  deadlines: CaseDeadline[];
  /** The concrete events (payloads included) the case would take today, guards evaluated, after deadlines due before today fire. */
  couldTake: { type: string }[];
}

/**
 * A send's answer. A refusal's `allowed` lists the event types the state listens for, guards not
 * evaluated; `couldTake` says which concrete events would be taken: on the refused event's day,
 * or today when the date went back.
 */
export type SendResult = { ok: true; version: number; state: string } | { ok: false; reason: 'notAccepted' | 'timeWentBack'; message: string; allowed: string[]; couldTake: { type: string }[] };

/**
 * Runs inside a case's transaction once the case is loaded, before anything is read out or
 * applied: it may throw (nothing is applied) or write (an audit entry of who read the case).
 */
export type Guard = (tx: StoreTx, row: CaseRow) => Promise<void>;

/** The error for a case id that is not in the store, or that the caller may not see: the two read the same. */
export const unknownCase = (id: string): InputError => new InputError('unknownCase', 'caseId', id, 'is not a case in the store', 'use the id the case was opened under, as the list of cases shows it');
