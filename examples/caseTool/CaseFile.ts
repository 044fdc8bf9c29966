import { DATA_CATEGORIES, type DataCategory } from '../../src/domain/categories.ts';
import { dayNumber, isoDate } from '../../src/domain/date.ts';
import { VocabularyEvent } from '../../src/domain/events.ts';
import { eventAsOf } from '../../src/domain/eventAsOf.ts';
import { InputError, fromZod } from '../../src/domain/InputError.ts';
import type { NoticeStatus, Observation } from '../../src/scenarios/Observation.ts';
import type { CaseUnderTest, Delivery } from '../../src/suite/CaseAdapter.ts';
import { Deadlines, type WantedDeadline } from './Deadlines.ts';
import type { FaultId } from './faults.ts';

/** What a case keeps besides its deadlines; copied whole before deadlines pass ahead of an event, for rollback. */
interface Ledger<S> {
  state: S;
  /** The latest day the case has reached. */
  day: number;
  /** The last day at whose end a deadline passed: later events must be dated after it. */
  endedDay: number;
  disclosed: DataCategory[];
}

/**
 * One open case: the whole-day clock, deadlines, rollback of rejected events and the observation
 * in the compliance vocabulary. Each kind of request supplies its own state and rules.
 *
 * @example
 * const c = openCase(request, 'cloudflare');
 * c.send({ type: 'notice.sent' }, '2026-01-18');
 * c.observe().notice // 'sent'
 */
export abstract class CaseFile<S> implements CaseUnderTest {
  private ledger: Ledger<S>;
  private deadlines = new Deadlines();
  private readonly start: number;

  protected constructor(
    readonly receivedOn: string,
    state: S,
    protected readonly fault: FaultId | undefined,
  ) {
    this.start = dayNumber(receivedOn);
    this.ledger = { state, day: 0, endedDay: -1, disclosed: [] };
  }

  /** The state of the case; rules read and change it. */
  protected get s(): S {
    return this.ledger.state;
  }

  /** Runs intake on the day of receipt; call once, right after construction. */
  protected begin(): this {
    this.intake();
    this.settleAndSync(0);
    return this;
  }

  send(event: VocabularyEvent, on: string): Delivery {
    const parsed = VocabularyEvent.safeParse(event);
    if (!parsed.success) throw fromZod(parsed.error, event, 'event');
    const day = this.dayOf(on);
    const taken = eventAsOf(parsed.data, on);
    if (day <= this.ledger.endedDay) {
      throw new InputError('timeWentBack', 'on', on, `day ${isoDate(this.start + this.ledger.endedDay)} has ended and its deadlines have passed`, `date the event ${isoDate(this.start + this.ledger.endedDay + 1)} or later`);
    }
    const passing = (this.deadlines.first()?.due ?? Infinity) < day;
    const saved = passing ? { ledger: structuredClone(this.ledger), deadlines: this.deadlines.copy() } : null;
    this.passDeadlines(day, false);
    if (!this.take(taken)) {
      if (saved) {
        this.ledger = saved.ledger;
        this.deadlines = saved.deadlines;
      }
      return { accepted: false };
    }
    this.ledger.day = day;
    if (taken.type === 'data.disclosed') this.ledger.disclosed.push(...taken.categories);
    this.settleAndSync(day);
    return { accepted: true };
  }

  endDay(on: string): void {
    const day = this.dayOf(on);
    this.passDeadlines(day, true);
    this.ledger.day = Math.max(this.ledger.day, day);
  }

  observe(): Observation {
    const tags = [...new Set(this.tags())].sort();
    const disclosed = new Set(this.ledger.disclosed);
    return {
      tags,
      secrecy: tags.includes('secrecy'),
      notice: noticeStatus(tags),
      disclosed: DATA_CATEGORIES.filter((c) => disclosed.has(c)),
      deadlines: this.deadlines
        .list()
        .map((d) => ({ name: d.name, due: isoDate(this.start + d.due) }))
        .sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name)),
    };
  }

  /** Settles the state reached on receipt: refusals at intake, gags served with the request. */
  protected abstract intake(): void;
  /** Applies an outside event; returns false, and changes nothing, when the case cannot take it now. */
  protected abstract take(event: VocabularyEvent): boolean;
  /** The deadline owned by `key` has passed. */
  protected abstract expire(key: string): void;
  /** Follows every consequence of the last change until the state is stable. */
  protected abstract settle(): void;
  /** The deadlines the current state wants running, in the order its parts were entered. */
  protected abstract wanted(): WantedDeadline[];
  /** The vocabulary tags of the current state. */
  protected abstract tags(): string[];

  private passDeadlines(day: number, inclusive: boolean): void {
    for (let next = this.deadlines.first(); next && (next.due < day || (inclusive && next.due === day)); next = this.deadlines.first()) {
      this.deadlines.pass();
      this.ledger.day = next.due;
      this.ledger.endedDay = next.due;
      this.expire(next.key);
      this.settleAndSync(next.due);
    }
  }

  private settleAndSync(day: number): void {
    this.settle();
    this.deadlines.sync(this.wanted(), day);
  }

  private dayOf(on: string): number {
    if (typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on) || isoDate(dayNumber(on)) !== on) throw new InputError('invalid', 'on', on, 'is not a date', 'give the date as YYYY-MM-DD');
    const day = dayNumber(on) - this.start;
    if (day < this.ledger.day) {
      throw new InputError('timeWentBack', 'on', on, `the case has already reached ${isoDate(this.start + this.ledger.day)}`, 'send events and end days in date order');
    }
    return day;
  }
}

/** The user-notice status the tags say, most pressing first. */
function noticeStatus(tags: readonly string[]): NoticeStatus {
  const has = (t: string) => tags.includes(t);
  if (has('noticeDue')) return has('overdue') ? 'overdue' : 'due';
  if (has('noticeSent')) return 'sent';
  if (has('noticeDeferred')) return 'deferred';
  if (has('noticeWaived')) return 'waived';
  if (has('noticeNotRequired')) return 'not required';
  return 'not sent';
}
