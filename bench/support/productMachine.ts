import { type AnyStateMachine, and, assign, createMachine, not, or } from 'xstate';

// k independent copies of a machine as parallel regions of ONE XState machine. Copies share
// context field, event, guard, action and delay names, so each copy gets its own namespace:
// its context under `context[id]`, its events as `<id>/<type>`, its guards, actions and delays
// as `<id>:<name>`, each implementation called with the copy's own context and unprefixed event.

type Args = { context: Record<string, unknown>; event: { type: string } };
type Fn = (args: Args, params?: unknown) => unknown;
type Node = Record<string, unknown>;

const isFn = (x: unknown): x is Fn & Record<string, unknown> => typeof x === 'function';

function namespace(id: string) {
  const own = `${id}/`;
  const name = (n: string) => `${id}:${n}`;
  /** What the copy's own implementations see: its context, and its events without the prefix. */
  const inner = <A extends Args>(args: A): A => ({
    ...args,
    context: args.context[id] as Record<string, unknown>,
    event: args.event.type.startsWith(own) ? { ...args.event, type: args.event.type.slice(own.length) } : args.event,
  });
  const params = (p: unknown) => (isFn(p) ? (args: Args) => p(inner(args)) : p);
  const ref = (r: unknown): unknown => {
    if (typeof r === 'string') return name(r);
    if (r && typeof r === 'object' && 'type' in r) return { ...r, type: name((r as { type: string }).type), ...('params' in r ? { params: params(r.params) } : {}) };
    return r;
  };
  const guard = (g: unknown): unknown => {
    if (!isFn(g)) return ref(g);
    if ('stateValue' in g) return g; // stateIn('#<id>.…') resolves inside the copy's region
    const kids = (g.guards as unknown[] | undefined)?.map(guard);
    if (g.name === 'and' && kids) return and(kids as never);
    if (g.name === 'or' && kids) return or(kids as never);
    if (g.name === 'not' && kids) return not(kids[0] as never);
    return (args: Args, p: unknown) => g(inner(args), p);
  };
  const actions = (a: unknown): unknown => (Array.isArray(a) ? a.map(ref) : ref(a));
  const transition = (t: unknown): unknown => {
    if (Array.isArray(t)) return t.map(transition);
    if (!t || typeof t !== 'object') return t;
    const o = t as Node;
    return { ...o, ...('guard' in o ? { guard: guard(o.guard) } : {}), ...('actions' in o ? { actions: actions(o.actions) } : {}) };
  };
  const node = (n: Node, delays: Set<string>): Node => {
    const out: Node = { ...n };
    if (n.on) out.on = Object.fromEntries(Object.entries(n.on as Node).map(([type, t]) => [`${own}${type}`, transition(t)]));
    if (n.always) out.always = transition(n.always);
    if (n.after) out.after = Object.fromEntries(Object.entries(n.after as Node).map(([d, t]) => [delays.has(d) ? name(d) : d, transition(t)]));
    if (n.entry) out.entry = actions(n.entry);
    if (n.exit) out.exit = actions(n.exit);
    if (n.states) out.states = Object.fromEntries(Object.entries(n.states as Node).map(([k, s]) => [k, node(s as Node, delays)]));
    return out;
  };
  return { name, inner, node };
}

/**
 * One machine running `copies` side by side, each in a region named by its id. The input is an
 * object with one entry per copy id; events are `<copy id>/<event type>`.
 */
export function productMachine(id: string, copies: readonly AnyStateMachine[]): AnyStateMachine {
  const guards: Record<string, unknown> = {};
  const actionImpls: Record<string, unknown> = {};
  const delayImpls: Record<string, unknown> = {};
  const regions: Node = {};
  const contexts: [string, unknown][] = [];
  for (const copy of copies) {
    const ns = namespace(copy.id);
    const impl = copy.implementations as { guards: Node; actions: Node; delays: Node };
    for (const [n, g] of Object.entries(impl.guards)) guards[ns.name(n)] = (args: Args, p: unknown) => (g as Fn)(ns.inner(args), p);
    for (const [n, a] of Object.entries(impl.actions)) {
      const assignment = isFn(a) && a.type === 'xstate.assign' ? (a.assignment as unknown) : undefined;
      if (assignment === undefined) throw new Error(`productMachine: action ${n} of ${copy.id} is not an assign`);
      actionImpls[ns.name(n)] = assign((args: Args, p: unknown) => {
        const mine = ns.inner(args);
        const partial = isFn(assignment)
          ? (assignment(mine, p) as Node)
          : Object.fromEntries(Object.entries(assignment as Node).map(([k, v]) => [k, isFn(v) ? v(mine, p) : v]));
        return { [copy.id]: { ...mine.context, ...partial } };
      });
    }
    for (const [n, d] of Object.entries(impl.delays)) delayImpls[ns.name(n)] = isFn(d) ? (args: Args, p: unknown) => d(ns.inner(args), p) : d;
    const config = copy.config as Node;
    regions[copy.id] = { ...ns.node({ type: config.type, states: config.states }, new Set(Object.keys(impl.delays))), id: copy.id };
    contexts.push([copy.id, config.context]);
  }
  return createMachine(
    {
      id,
      type: 'parallel',
      context: (args: { input: Record<string, unknown> }) =>
        Object.fromEntries(contexts.map(([cid, ctx]) => [cid, isFn(ctx) ? (ctx as (a: unknown) => unknown)({ ...args, input: args.input[cid] }) : ctx])),
      states: regions,
    } as never,
    { guards, actions: actionImpls, delays: delayImpls } as never,
  );
}
