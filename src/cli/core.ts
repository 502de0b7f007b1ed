/**
 * The graph the query commands answer from: `loadCore` with its index built on demand, since a command asks one
 * question and exits (the derived tables of the provisions it does not ask about would be built for nothing).
 *
 * @module
 */
import { loadCore, type KnowledgeGraphCore, type LoadCoreOptions } from '../core.js';
import type { Dataset } from '../model/dataset.js';

const ON_DEMAND: LoadCoreOptions = Object.freeze({ index: 'on-demand' });

/**
 * The dataset (the bundled one by default) and its index, built on demand: same answers as `loadCore()`.
 *
 * @example
 * ```ts
 * toolsAddressing(commandCore(), 'art. 27 para. 1(e)')
 * ```
 */
export function commandCore(dataset?: Dataset): KnowledgeGraphCore {
  return loadCore(dataset, ON_DEMAND);
}
