import { InputError } from '../domain/InputError.ts';
import type { Exploration, ExploreOptions } from './Exploration.ts';
import { exploreSteps } from './exploreSteps.ts';
import { type Component, type ProductState, ProductSteps } from './ProductSteps.ts';

/**
 * `explore`'s options for a product: inputs hold one input per component name; events are
 * `<name>/<type>`. `symmetry` explores one state of each class of states that differ only in
 * which component is which (the components must be one machine, with one input and one event
 * list); paths to its nodes are still real runs.
 */
export type ProductOptions = Omit<ExploreOptions, 'monitor' | 'monitors'> & { symmetry?: boolean };

/**
 * Explores machines running side by side — say k requests against one account — with exact
 * whole-day time over all their timers at once, as `explore` does for one machine. Each
 * component's steps come from its own transition cache, so XState computes each component step
 * once, not once per product state.
 *
 * @example
 * const run = exploreProduct(
 *   [{ name: 'a', machine }, { name: 'b', machine }],
 *   { inputs: [{ name: 'both', input: { a: request, b: request } }], events: ['a', 'b'].flatMap((n) => events.map((e) => ({ ...e, type: `${n}/${e.type}` }))) },
 * );
 */
export function exploreProduct(components: readonly Component[], options: ProductOptions): Exploration<ProductState> {
  const { symmetry, ...rest } = options;
  const given = options as ExploreOptions;
  if (given.monitor || given.monitors) throw new InputError('invalid', given.monitor ? 'monitor' : 'monitors', 'a monitor', 'rules do not run on products yet: a monitor sees one machine\'s snapshots', 'explore each machine alone to check rules, or drop the monitors');
  if (symmetry && rest.links) throw new InputError('invalid', 'links', true, 'links are not kept under symmetry reduction (an edge may lead to a renamed state)', 'leave links or symmetry off');
  return exploreSteps(new ProductSteps(components, { symmetry: symmetry === true }), rest);
}
