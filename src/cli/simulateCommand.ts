import type { AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { findKind, KIND_NAMES, unknownKind } from '../../machines/catalogue.ts';
import { IsoDate } from '../domain/date.ts';
import type { DeclaredValues } from '../explore/eventVariants.ts';
import { isoDate, dayNumber } from '../domain/date.ts';
import { eventText } from '../domain/eventText.ts';
import { DatedEvents, OwnDatedEvents } from '../domain/DatedEvent.ts';
import { InputError, fromZod } from '../domain/InputError.ts';
import { readJson } from '../domain/readJson.ts';
import { loadPolicy } from '../policy/loadPolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { replay } from '../time/replay.ts';
import { describeStep } from '../time/describeStep.ts';
import { RULES } from '../rules/catalogue.ts';
import { ruleContext } from '../rules/checkMachine.ts';
import { checkRun } from '../rules/checkRun.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { loadUserMachine } from './loadUserMachine.ts';
import { parseOptions } from './parseOptions.ts';
import { checkServedGag } from '../domain/gagTerm.ts';

const OwnRequest = z.object({ receivedOn: IsoDate }).passthrough();

const USAGE = 'dueprocess simulate (<kind> | --machine FILE [--export NAME]) --request FILE --events FILE [--policy NAME|FILE] [--json]';

/** `dueprocess simulate`: validate a case, replay it, print every step. */
export async function simulateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { request: { type: 'string' }, events: { type: 'string' }, policy: { type: 'string' }, machine: { type: 'string' }, export: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (values.export && !values.machine) throw new InputError('usage', '--export', values.export, 'needs --machine', `usage: ${USAGE}`);
  if (values.machine && positionals.length) throw new InputError('usage', 'kind', positionals[0], 'cannot be given with --machine', 'simulate a catalogue kind or your own machine, not both');
  const kind = positionals[0];
  const entry = values.machine ? undefined : kind ? findKind(kind) : undefined;
  if (!values.machine && !entry) {
    throw unknownKind('kind', kind, `use one of ${KIND_NAMES.join(', ')}, or --machine FILE`, kind ? undefined : 'is missing');
  }
  if (!values.request) throw new InputError('usage', '--request', undefined, 'is required', `usage: ${USAGE}`);
  if (!values.events) throw new InputError('usage', '--events', undefined, 'is required', `usage: ${USAGE}`);
  // Read before the module is imported: a bad file is reported without running the user's code.
  const rawRequest = readJson(values.request, '--request');
  const rawEvents = readJson(values.events, '--events');
  // Your own machine may speak events of its own; the vocabulary's are checked as the story is replayed.
  const parsedEvents = (values.machine ? OwnDatedEvents : DatedEvents).safeParse(rawEvents);
  if (!parsedEvents.success) throw fromZod(parsedEvents.error, rawEvents, 'events');

  let target: { name: string; title: string; kind?: string; machine: AnyStateMachine; alphabet: DeclaredValues };
  let request: { receivedOn: string };
  if (entry) {
    const withKind = rawRequest !== null && typeof rawRequest === 'object' && !('kind' in rawRequest) ? { ...rawRequest, kind: entry.kind } : rawRequest;
    const parsedRequest = entry.requestSchema.safeParse(withKind);
    if (!parsedRequest.success) throw fromZod(parsedRequest.error, withKind, 'request');
    request = parsedRequest.data;
    target = { name: entry.kind, title: entry.title, kind: entry.kind, machine: entry.machine, alphabet: entry.alphabet };
  } else {
    // Your machine's input is its own; the day count needs only the day it was received.
    const received = OwnRequest.safeParse(rawRequest);
    if (!received.success) throw fromZod(received.error, rawRequest, 'request');
    checkServedGag(rawRequest, 'request');
    request = rawRequest as { receivedOn: string };
    const user = await loadUserMachine(values.machine as string, values.export);
    target = { name: user.name, title: user.name, ...(user.kind ? { kind: user.kind } : {}), machine: user.machine, alphabet: user.declared };
  }

  const policy = loadPolicy(values.policy ?? 'cloudflare');
  const version = policyVersionAt(policy, request.receivedOn);
  const { run, rejected } = replay(target, version, request, parsedEvents.data);
  const start = dayNumber(request.receivedOn);
  // The rules, on this one run: what `check` proves of every run, said of the story given.
  const broken = checkRun(run, request, RULES, ruleContext(withPolicy(target.machine, version), target.kind, version));
  const steps = run.steps.map((s) => describeStep(s, start));

  if (values.json) {
    const out = {
      ...(entry ? { kind: entry.kind } : { machine: target.name }),
      policy: { id: policy.id, version: version.title },
      steps,
      ...(rejected
        ? { rejected: { index: rejected.index, day: rejected.day, date: isoDate(start + rejected.day), event: rejected.event, reason: rejected.rejection.reason, message: rejected.rejection.message, couldTake: rejected.couldTake } }
        : {}),
      violations: broken.map((v) => ({ ...v, date: isoDate(start + v.day) })),
    };
    console.log(JSON.stringify(out, null, 2));
    return rejected || broken.length ? 1 : 0;
  }
  console.log(`${target.title} — policy ${policy.name}: ${version.title}`);
  for (const s of steps) {
    console.log(`day ${String(s.day).padStart(4)}  ${s.date}  ${s.event ? eventText(s.event) : s.trigger}`);
    console.log(`      state:     ${s.state}`);
    console.log(`      secrecy:   ${s.secrecy ? 'IN FORCE' : 'none'} · notice: ${s.notice}${s.outcome ? ` · outcome: ${s.outcome}` : ''}`);
    console.log(`      deadlines: ${s.deadlines.map((d) => `${d.timer} (${d.state}) due ${d.due}, day ${d.dueDay}`).join('; ') || 'none pending'}`);
  }
  for (const v of broken) console.error(`\nVIOLATED ${v.rule} on day ${v.day} (${isoDate(start + v.day)}): ${v.message}.`);
  if (broken.length) console.error('`dueprocess check` explores every run; this is the one given.');
  if (rejected) {
    console.error(`\nevents[${rejected.index}] (day ${rejected.day}, ${isoDate(start + rejected.day)}): ${rejected.rejection.message}.`);
    console.error(`It could take: ${rejected.couldTake.map(eventText).join('; ') || 'nothing'}. Nothing after it was applied.`);
    return 1;
  }
  return broken.length ? 1 : 0;
}
