// Two requests against one account, explored together with exact time: a national security
// letter and a civil subpoena, then two civil subpoenas with symmetry reduction.
// Run: npx tsx examples/concurrentRequests.ts
import type { AnyStateMachine } from 'xstate';
import { cloudflare, datePath, eventVariants, exploreProduct, findKind, pathOf, policyVersionAt, withPolicy } from '../src/index.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');
const kind = (name: string) => {
  const entry = findKind(name);
  if (!entry) throw new Error(`no kind ${name}`);
  const machine = withPolicy(entry.machine, version) as AnyStateMachine;
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  return { machine, input: entry.inputs[0]?.input, events: eventVariants(types, entry.alphabet) };
};
/** Each component's events, prefixed with its name. */
const named = (name: string, events: { type: string }[]) => events.map((e) => ({ ...e, type: `${name}/${e.type}` }));

const nsl = kind('nationalSecurityLetter');
const civil = kind('civilSubpoena');
const pair = exploreProduct(
  [
    { name: 'nsl', machine: nsl.machine },
    { name: 'civil', machine: civil.machine },
  ],
  { inputs: [{ name: 'both', input: { nsl: nsl.input, civil: civil.input } }], events: [...named('nsl', nsl.events), ...named('civil', civil.events)] },
);
console.log(`NSL + civil subpoena: ${pair.nodes.length} symbolic states, ${pair.complete ? 'every one explored' : 'cut'}`);

// The earliest day on which the civil subpoena's user has been told while the NSL's gag still holds.
const told = pair.nodes.filter(({ snapshot: [n, c] }) => n?.hasTag('secrecy') && c?.hasTag('noticeSent'));
const earliest = Math.min(...told.map((node) => datePath(pathOf(pair.nodes, node.id).path).at(-1) as number));
console.log(`civil notice sent while the NSL gag holds: reachable in ${told.length} states, first on day ${earliest}`);

const two = (symmetry: boolean) =>
  exploreProduct(
    [
      { name: 'a', machine: civil.machine },
      { name: 'b', machine: civil.machine },
    ],
    { inputs: [{ name: 'both', input: { a: civil.input, b: civil.input } }], events: [...named('a', civil.events), ...named('b', civil.events)], symmetry },
  );
console.log(`two civil subpoenas: ${two(false).nodes.length} symbolic states; with symmetry ${two(true).nodes.length}`);
