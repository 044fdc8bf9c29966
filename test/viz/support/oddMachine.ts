import { and, not, or, setup, stateIn } from 'xstate';
import { DAY_MS } from '../../../src/domain/duration.ts';
import { src } from '../../../src/domain/source.ts';

/**
 * A machine with everything that is awkward to draw: keys that collide once made safe
 * (`a-b`, `a_b`), text with XML, DOT and mermaid syntax in it, a history state, a root-level
 * transition, a targetless transition, transitions out of and into compound states, composed
 * guards, a timer and a key that is a mermaid keyword (`end`).
 */
export const oddMachine = setup({
  guards: { ready: () => true, allowed: () => false },
  delays: { P2D: 2 * DAY_MS },
}).createMachine({
  id: 'odd-machine',
  initial: 'a-b',
  description: 'Root <with> "quotes" & ampersands -- and a trailing dash -',
  meta: { title: 'Odd { machine }; #1', sources: [src('§1 row 1', 'Cite with "quotes" <and> & -- dashes', 'S'), { not: 'a source' }] },
  on: { 'reset.all': { target: '.a-b', description: 'Back to the start; from anywhere.' } },
  states: {
    'a-b': {
      description: 'A dash: mermaid ids cannot have one.',
      tags: ['first'],
      on: {
        go: { target: 'a_b', guard: and(['ready', or([not('allowed'), stateIn('#odd-machine.a_b.inner')])]) },
        poke: { actions: [], meta: { sources: [src('§2', 'Targetless; stays put', 'L')] } },
      },
    },
    a_b: {
      initial: 'inner',
      description: 'Collides with a-b once made safe.',
      states: {
        inner: { after: { P2D: { target: 'done', meta: { sources: [src('§3', 'Two days, by law', '?')] } } } },
        done: { type: 'final', description: 'Ends with a dash -' },
        hist: { type: 'history', history: 'deep' },
      },
      on: { leave: '#odd-machine.both', 'back.in': '.hist' },
    },
    both: {
      type: 'parallel',
      states: {
        left: { initial: 'l1', states: { l1: { on: { 'left.next': 'l2' } }, l2: {} } },
        right: { initial: 'r1', states: { r1: { always: { target: '#odd-machine.a_b' } } } },
      },
      on: { 'both.exit': 'a-b', 'both.end': 'end' },
    },
    end: { type: 'final', description: 'A key mermaid reads as a keyword.' },
  },
});
