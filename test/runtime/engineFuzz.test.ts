import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { dayNumber, isoDate } from '../../src/domain/date.ts';
import { IsoDate } from '../../src/domain/date.ts';
import { VocabularyEvent } from '../../src/domain/events.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import type { Monitor, StepInfo } from '../../src/explore/Monitor.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { ruleContext } from '../../src/rules/checkMachine.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { observe } from '../../src/scenarios/observe.ts';
import { type Step, type TimedRun, advanceTo, sendEvent, startRun, stateLabel } from '../../src/time/TimedRun.ts';

/**
 * Property-based tests of the case engine on SQLite `:memory:`, with fixed seeds so a failure
 * reproduces: rejected sends leave the store byte-for-byte unchanged, malformed input is
 * refused before anything is written, and the untimed rules' monitors never fire on the steps
 * the engine actually took.
 */

const SEED = 42;
const RUNS = 60;
const KINDS = ['subpoena', 'nationalSecurityLetter', 'searchWarrant', 'emergency', 'preservation', 'dataSubjectRequest'];
const TABLES = ['cases', 'timers', 'events', 'audit'];
/**
 * Rules whose monitors use no clocks. The timed ones (objection window, delayed notice,
 * deadlines, …) are skipped: their verdicts depend on clock zones the explorer tracks, which a
 * single concrete run does not reconstruct.
 */
const UNTIMED = ['no-notice-under-secrecy', 'notice-before-disclosure', 'compellable-only', 'emergency-assessed-first', 'no-disclosure-past-retention', 'erasure-ground'];

const entryOf = (kind: string): KindEntry => {
  const entry = findKind(kind);
  if (!entry) throw new Error(`no kind ${kind}`);
  return entry;
};
const variantsOf = (entry: KindEntry) => eventVariants(entry.machine.root.events.filter((t) => !t.startsWith('xstate.')), entry.alphabet);
const requestOf = (entry: KindEntry, i: number) => (entry.inputs[i % entry.inputs.length] as { input: { receivedOn: string } }).input;

/** With `guided`, the variant is drawn from those the case accepts then (else from all of them). */
type Action = { type: 'send'; day: number; variant: number; guided: boolean } | { type: 'tick'; day: number };
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('send' as const), day: fc.integer({ min: 0, max: 40 }), variant: fc.nat(), guided: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('tick' as const), day: fc.integer({ min: 0, max: 40 }) }) },
);
/** A request index and actions; half the time in date order, so more events are accepted. */
const scriptArb = fc.record({ input: fc.nat(), sorted: fc.boolean(), actions: fc.array(actionArb, { maxLength: 15 }) }).map(({ input, sorted, actions }) => ({
  input,
  actions: sorted ? [...actions].sort((a, b) => a.day - b.day) : actions,
}));

function harness() {
  const store = sqliteStore(':memory:');
  const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => '2026-01-15' });
  const tables = () => TABLES.map((t) => store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  return { store, engine, tables };
}

/** What a monitor sees of a new step of the run, `prev` being the step before it. */
function stepInfo(step: Step, prev: Step | undefined, input: unknown): StepInfo {
  const t = step.trigger;
  if (t.kind === 'start') return { kind: 'start', event: { type: 'xstate.init' }, pre: null, post: step.snapshot, input };
  const pre = prev?.snapshot ?? null;
  if (t.kind === 'event') return { kind: 'event', event: t.event, pre, post: step.snapshot, input };
  return { kind: 'timer', event: { type: t.event }, delay: t.delay, pre, post: step.snapshot, input };
}

/** Runs the untimed monitors that apply to the kind over steps; collects untimed violations. */
function monitorsFor(entry: KindEntry, receivedOn: string) {
  const version = policyVersionAt(cloudflare, receivedOn);
  const ctx = ruleContext(withPolicy(entry.machine, version), entry.kind, version);
  const active = RULES.filter((r) => UNTIMED.includes(r.id) && r.appliesTo(ctx)).flatMap((r) => {
    const check = r.check(ctx);
    return check.type === 'monitor' ? [{ id: r.id, monitor: check.monitor as Monitor, state: undefined as unknown, started: false }] : [];
  });
  const violations: string[] = [];
  const feed = (info: StepInfo) => {
    for (const m of active) {
      const out = m.started ? m.monitor.step(m.state, info) : m.monitor.initial(info);
      m.started = true;
      m.state = out.state;
      if (out.violation && !out.violation.when) violations.push(`${m.id} at ${info.kind} ${info.event.type}: ${out.violation.message}`);
    }
  };
  return { feed, violations, ruleIds: active.map((m) => m.id) };
}

/**
 * Drives a fresh engine and a TimedRun in parallel through a script, checking at every action:
 * the engine rejects exactly when the run does; a rejection leaves the four tables as they were;
 * the engine's view equals `observe` of the run; the untimed monitors see no violation.
 */
async function drive(kind: string, script: { input: number; actions: Action[] }) {
  const entry = entryOf(kind);
  const variants = variantsOf(entry);
  const request = requestOf(entry, script.input);
  const day0 = dayNumber(request.receivedOn);
  const { store, engine, tables } = harness();
  try {
    let run: TimedRun = startRun(withPolicy(entry.machine, policyVersionAt(cloudflare, request.receivedOn)), entry.requestSchema.parse(request), 0);
    const monitors = monitorsFor(entry, request.receivedOn);
    let fed = 0;
    let accepted = 0;
    const feedNew = () => {
      for (; fed < run.steps.length; fed++) monitors.feed(stepInfo(run.steps[fed] as Step, run.steps[fed - 1], request));
    };
    const { id } = await engine.open(request, { id: 'case-1' });
    feedNew();
    const compare = async (where: string) => {
      const view = await engine.get(id);
      const { tags, secrecy, notice, disclosed, deadlines } = view;
      expect({ tags, secrecy, notice, disclosed, deadlines, state: view.state }, where).toEqual({ ...observe(run, day0), state: stateLabel(run.snapshot) });
    };
    await compare('after open');
    for (const [i, action] of script.actions.entries()) {
      const on = isoDate(day0 + action.day);
      if (action.type === 'tick') {
        await engine.tick(on);
        // The engine stores a case on tick only when a deadline fires; a tick that fires nothing
        // leaves the case (and its clock) as it was.
        const after = advanceTo(run, action.day, true);
        if (after.steps.length > run.steps.length) run = after;
      } else {
        const enabled = action.guided ? variants.filter((v) => sendEvent(run, action.day, v).ok) : [];
        const pool = enabled.length > 0 ? enabled : variants;
        const event = pool[action.variant % pool.length] as { type: string };
        const before = tables();
        const result = await engine.send(id, event, { on });
        const expected = sendEvent(run, action.day, event);
        expect(result.ok, `action ${i}: ${JSON.stringify(event)} on ${on}`).toBe(expected.ok);
        if (!result.ok) {
          expect(tables(), `rejected ${JSON.stringify(event)} on ${on} changed the store`).toEqual(before);
        }
        run = expected.run;
        if (result.ok) accepted++;
      }
      feedNew();
      await compare(`after action ${i} (${JSON.stringify(action)})`);
    }
    return { ...monitors, accepted, steps: run.steps.length };
  } finally {
    await store.close();
  }
}

describe('case engine fuzz (fast-check, seed 42)', () => {
  it.each(KINDS)('%s: a rejected send leaves the four tables byte-for-byte unchanged; the view tracks a TimedRun', async (kind) => {
    await fc.assert(
      fc.asyncProperty(scriptArb, async (script) => {
        await drive(kind, script);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each(KINDS)('%s: no untimed rule monitor reports a violation on the steps the engine took', async (kind) => {
    const seen = { rules: [] as string[], accepted: 0, timerSteps: 0 };
    await fc.assert(
      fc.asyncProperty(scriptArb, async (script) => {
        const { violations, ruleIds, accepted, steps } = await drive(kind, script);
        seen.rules = ruleIds;
        seen.accepted += accepted;
        seen.timerSteps += steps - 1 - accepted;
        expect(violations).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    // The scripts do reach accepted events (not only rejections) and the monitors that apply.
    expect(seen.accepted).toBeGreaterThan(RUNS / 2);
    if (kind !== 'preservation') expect(seen.rules.length).toBeGreaterThan(0);
  });

  /** Expects `act` to throw an InputError, or resolve to a rejection, leaving the tables unchanged. */
  const refused = async (h: ReturnType<typeof harness>, act: () => Promise<unknown>) => {
    const before = h.tables();
    let outcome: unknown;
    try {
      outcome = await act();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      outcome = 'threw';
    }
    if (outcome !== 'threw') expect(outcome).toMatchObject({ ok: false });
    expect(h.tables()).toEqual(before);
  };

  const withCase = async (body: (h: ReturnType<typeof harness>, id: string) => Promise<void>) => {
    const h = harness();
    try {
      const { id } = await h.engine.open(requestOf(entryOf('subpoena'), 0), { id: 'case-1' });
      await body(h, id);
    } finally {
      await h.store.close();
    }
  };

  it('arbitrary JSON as an event is refused with an InputError and changes nothing', async () => {
    const variants = variantsOf(entryOf('subpoena'));
    /** A valid event with one field replaced by, or added as, arbitrary JSON. */
    const mutated = fc.tuple(fc.nat(), fc.oneof(fc.constant('type'), fc.string({ maxLength: 8 })), fc.jsonValue()).map(([i, key, value]) => ({ ...(variants[i % variants.length] as object), [key]: value }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutated), async (event) => {
        fc.pre(!VocabularyEvent.safeParse(event).success);
        await withCase((h, id) => refused(h, () => h.engine.send(id, event, { on: '2026-01-16' })));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('arbitrary JSON as a request is refused with an InputError and changes nothing', async () => {
    const requests = KINDS.flatMap((k) => entryOf(k).inputs.map((i) => i.input as Record<string, unknown>));
    const mutated = fc
      .tuple(fc.nat(), fc.oneof(...['kind', 'receivedOn', 'account', 'requester', 'target', 'categories'].map((k) => fc.constant(k)), fc.string({ maxLength: 8 })), fc.jsonValue())
      .map(([i, key, value]) => ({ ...(requests[i % requests.length] as object), [key]: value }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutated), async (request) => {
        const kind = (request as { kind?: unknown } | null)?.kind;
        const entry = typeof kind === 'string' ? findKind(kind) : undefined;
        fc.pre(!entry?.requestSchema.safeParse(request).success);
        await withCase((h) => refused(h, () => h.engine.open(request)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a malformed date for `on` (and for tick) is refused with an InputError and changes nothing', async () => {
    const nearDate = fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: -1, max: 99 }), fc.integer({ min: -1, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const badDate = fc.oneof(nearDate, fc.string({ maxLength: 12 }), fc.jsonValue(), fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-16', '2026-01-16T00:00:00Z', ' 2026-01-16', ''));
    const reviewed = { type: 'review.completed', finding: 'sufficient' };
    await fc.assert(
      fc.asyncProperty(badDate, async (on) => {
        // `on: null` (like `on: undefined`) means "today" through `??`, so it is not malformed.
        fc.pre(on !== undefined && on !== null && !IsoDate.safeParse(on).success);
        await withCase(async (h, id) => {
          await refused(h, () => h.engine.send(id, reviewed, { on: on as string }));
          await refused(h, () => h.engine.tick(on as string));
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
