import { findKind, CATALOGUE } from '../../machines/catalogue.ts';
import { isoDate, dayNumber } from '../domain/date.ts';
import { eventText } from '../domain/eventText.ts';
import { DatedEvents } from '../domain/DatedEvent.ts';
import { InputError, fromZod } from '../domain/InputError.ts';
import { readJson } from '../domain/readJson.ts';
import { loadPolicy } from '../policy/loadPolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { replay } from '../time/replay.ts';
import { describeStep } from '../time/describeStep.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess simulate <kind> --request FILE --events FILE [--policy NAME|FILE] [--json]';

/** `dueprocess simulate`: validate a case, replay it, print every step. */
export function simulateCommand(args: string[]): number {
  const { values, positionals } = parseOptions(
    args,
    { request: { type: 'string' }, events: { type: 'string' }, policy: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const kind = positionals[0];
  const entry = kind ? findKind(kind) : undefined;
  if (!kind || !entry) {
    throw new InputError('unknownKind', 'kind', kind, kind ? 'is not a kind in the catalogue' : 'is missing', `use one of ${CATALOGUE.map((e) => e.kind).join(', ')}`);
  }
  if (!values.request) throw new InputError('usage', '--request', undefined, 'is required', `usage: ${USAGE}`);
  if (!values.events) throw new InputError('usage', '--events', undefined, 'is required', `usage: ${USAGE}`);

  const rawRequest = readJson(values.request, '--request');
  const withKind = rawRequest !== null && typeof rawRequest === 'object' && !('kind' in rawRequest) ? { ...rawRequest, kind } : rawRequest;
  const parsedRequest = entry.requestSchema.safeParse(withKind);
  if (!parsedRequest.success) throw fromZod(parsedRequest.error, withKind, 'request');
  const request = parsedRequest.data;
  const rawEvents = readJson(values.events, '--events');
  const parsedEvents = DatedEvents.safeParse(rawEvents);
  if (!parsedEvents.success) throw fromZod(parsedEvents.error, rawEvents, 'events');

  const policy = loadPolicy(values.policy ?? 'cloudflare');
  const version = policyVersionAt(policy, request.receivedOn);
  const { run, rejected } = replay(entry, version, request, parsedEvents.data);
  const start = dayNumber(request.receivedOn);
  const steps = run.steps.map((s) => describeStep(s, start));

  if (values.json) {
    const out = {
      kind,
      policy: { id: policy.id, version: version.title },
      steps,
      ...(rejected
        ? { rejected: { index: rejected.index, day: rejected.day, date: isoDate(start + rejected.day), event: rejected.event, reason: rejected.rejection.reason, message: rejected.rejection.message, couldTake: rejected.couldTake } }
        : {}),
    };
    console.log(JSON.stringify(out, null, 2));
    return rejected ? 1 : 0;
  }
  console.log(`${entry.title} — policy ${policy.name}: ${version.title}`);
  for (const s of steps) {
    console.log(`day ${String(s.day).padStart(4)}  ${s.date}  ${s.event ? eventText(s.event) : s.trigger}`);
    console.log(`      state:     ${s.state}`);
    console.log(`      secrecy:   ${s.secrecy ? 'IN FORCE' : 'none'} · notice: ${s.notice}${s.outcome ? ` · outcome: ${s.outcome}` : ''}`);
    console.log(`      deadlines: ${s.deadlines.map((d) => `${d.timer} (${d.state}) due ${d.due}, day ${d.dueDay}`).join('; ') || 'none pending'}`);
  }
  if (rejected) {
    console.error(`\nevents[${rejected.index}] (day ${rejected.day}, ${isoDate(start + rejected.day)}): ${rejected.rejection.message}.`);
    console.error(`It could take: ${rejected.couldTake.map(eventText).join('; ') || 'nothing'}. Nothing after it was applied.`);
    return 1;
  }
  return 0;
}
