/**
 * `KnowledgeGraph`: the validated dataset and its three projections (DESIGN.md §1), built independently from it: the
 * lookup index (built at once; the typed queries read it), the N3 Store (RDF view) and the graphology graph (network
 * view), each built the first time it is used. A small aggregate, not a façade: queries are free functions.
 *
 * @module
 */
import type { Store } from 'n3';
import { bundledDataset } from './bundled.js';
import type { KnowledgeGraphCore } from './core.js';
import { buildGraph, type NetworkGraph } from './graph/build.js';
import { buildIndex, type GraphIndex } from './lookup/build.js';
import { buildDataset } from './load/build.js';
import type { RawFile } from './load/shape.js';
import type { Dataset } from './model/dataset.js';
import { buildStore } from './rdf/store.js';

/** The knowledge graph: dataset, index, RDF store and network graph. */
export class KnowledgeGraph implements KnowledgeGraphCore {
  /** The validated, normalized data. Read-only. */
  readonly dataset: Dataset;
  /** Lookup tables for the typed queries. */
  readonly index: GraphIndex;
  #store: Store | undefined;
  #graph: NetworkGraph | undefined;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.index = buildIndex(dataset);
  }

  /** The RDF view: an N3 Store with every triple (built on first use). Do not modify it. */
  get store(): Store {
    return (this.#store ??= buildStore(this.dataset));
  }

  /** The network view: a graphology `MultiDirectedGraph` keyed by IRI (built on first use). Do not modify it. */
  get graph(): NetworkGraph {
    return (this.#graph ??= buildGraph(this.dataset));
  }
}

/** Options of {@link loadGraph}. */
export interface LoadGraphOptions {
  /**
   * More data files to add to the curated graph (already parsed, e.g. with `readDataFiles` from `untoc-kg/node`).
   * They are validated together with it; if any is invalid, nothing is loaded.
   */
  readonly add?: readonly RawFile[];
  /** Start from this dataset instead of the curated one. */
  readonly dataset?: Dataset;
}

/**
 * Loads the knowledge graph: the curated data compiled into the package, plus any files given.
 *
 * @throws {@link DataValidationError} when added files are invalid (with every issue; nothing is half loaded).
 * @example
 * ```ts
 * import { loadGraph, toolsAddressing } from 'untoc-kg'
 * const kg = loadGraph()
 * kg.store.size // number of triples
 * ```
 */
export function loadGraph(options: LoadGraphOptions = {}): KnowledgeGraph {
  const base = options.dataset ?? bundledDataset();
  const dataset = options.add && options.add.length > 0 ? buildDataset(options.add, { base }) : base;
  return new KnowledgeGraph(dataset);
}
