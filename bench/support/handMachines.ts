import { assign, createMachine } from 'xstate';

/**
 * A timerless machine of `n` parallel desks (idle → open → escalated/closed, reopenable) that
 * also counts reopenings modulo 4 in its context: 4 × 4ⁿ states, 4n events.
 */
export function desksMachine(n: number) {
  const desk = (i: number) => ({
    initial: 'idle',
    states: {
      idle: { on: { [`open.${i}`]: 'open' } },
      open: { on: { [`escalate.${i}`]: 'escalated', [`close.${i}`]: 'closed' } },
      escalated: { on: { [`close.${i}`]: 'closed' } },
      closed: { on: { [`reopen.${i}`]: { target: 'open', actions: 'countReopen' } } },
    },
  });
  return createMachine(
    {
      id: `desks${n}`,
      type: 'parallel',
      context: { reopened: 0 },
      states: Object.fromEntries(Array.from({ length: n }, (_, i) => [`desk${i}`, desk(i)])),
    },
    { actions: { countReopen: assign({ reopened: ({ context }: { context: { reopened: number } }) => (context.reopened + 1) % 4 }) } },
  );
}

export function desksEvents(n: number): { type: string }[] {
  return Array.from({ length: n }, (_, i) => ['open', 'escalate', 'close', 'reopen'].map((e) => ({ type: `${e}.${i}` }))).flat();
}
