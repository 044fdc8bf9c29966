import type { Exploration, ExploreOptions } from './Exploration.ts';
import { exploreSteps } from './exploreSteps.ts';
import { type Component, type ProductState, ProductSteps } from './ProductSteps.ts';

/** `explore`'s options for a product: inputs hold one input per component name; events are `<name>/<type>`. */
export type ProductOptions = Omit<ExploreOptions, 'monitor' | 'monitors'>;

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
  return exploreSteps(new ProductSteps(components), options);
}
