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
import { UntocKgError } from './errors.js';
import { buildIndex, type GraphIndex } from './lookup/build.js';
import type { Dataset } from './model/dataset.js';
import { buildStore } from './rdf/store.js';
import { buildCorpusLookup, type CorpusLookup } from './lookup/corpus.js';
import type { Corpus } from './model/corpus.js';

/** The knowledge graph: dataset, index, RDF store and network graph. */
export class KnowledgeGraph implements KnowledgeGraphCore {
  /** The validated, normalized data. Read-only. */
  readonly dataset: Dataset;
  /** Lookup tables for the typed queries. */
  readonly index: GraphIndex;
  /** The loaded research corpora and their lookup (empty when none are loaded). */
  readonly corpus: CorpusLookup;
  #store: Store | undefined;
  #graph: NetworkGraph | undefined;

  /**
   * @param base - a graph whose index to share when its dataset is this one (the index is a projection of the dataset
   *   alone): what `withCorpora` passes, so that adding corpora builds only their lookup.
   */
  constructor(dataset: Dataset, corpora: readonly Corpus[] = [], base?: KnowledgeGraphCore) {
    this.dataset = dataset;
    this.index = base?.dataset === dataset ? base.index : buildIndex(dataset);
    this.corpus = buildCorpusLookup(this.index, corpora);
  }

  /** The RDF view: an N3 Store with every triple, each corpus in its named graph (built on first use). Do not modify it. */
  get store(): Store {
    return (this.#store ??= buildStore(this.dataset, this.corpus.corpora));
  }

  /** The network view: a graphology `MultiDirectedGraph` keyed by IRI (built on first use). Do not modify it. */
  get graph(): NetworkGraph {
    return (this.#graph ??= buildGraph(this.dataset));
  }
}

/** Options of {@link loadGraph}. */
export interface LoadGraphOptions {
  /**
   * Use this dataset instead of the curated one: e.g. the curated one plus your own files, as `buildDataset(files,
   * { base: bundledDataset() })` from `untoc-kg/data` or `loadDataset` from `untoc-kg/node` give it.
   */
  readonly dataset?: Dataset;
}

/**
 * Loads the knowledge graph: the curated data compiled into the package, or the dataset given. Validating data files
 * needs zod and lives in `untoc-kg/data`, so that this entry loads neither zod nor a YAML reader.
 *
 * @throws {@link UntocKgError} `invalid_input` for the former `add` option, with what to call instead.
 * @example
 * ```ts
 * import { loadGraph, toolsAddressing } from 'untoc-kg'
 * const kg = loadGraph()
 * kg.store.size // number of triples
 * ```
 */
export function loadGraph(options: LoadGraphOptions = {}): KnowledgeGraph {
  if (options && 'add' in options) {
    throw new UntocKgError(
      'invalid_input',
      'loadGraph',
      'options.add is gone: build the dataset with buildDataset(files, { base: bundledDataset() }) from untoc-kg/data, then pass it as options.dataset',
      { value: 'add', suggestions: ['dataset'] },
    );
  }
  return new KnowledgeGraph(options.dataset ?? bundledDataset());
}

/**
 * The graph with research corpora added (national legislation and cases, from `readCorpus`): a new graph; the one
 * given is not changed. Each corpus is its own named graph in the RDF view and exports. The new graph shares the
 * given graph's dataset and its index (built from the dataset alone, read-only); only the corpus lookup is built.
 *
 * @example
 * ```ts
 * const { corpus } = await readCorpusFile(kg, 'corpus.jsonl')
 * documentsAddressing(withCorpora(kg, [corpus]), 'SOM Protocol art. 6')
 * ```
 */
export function withCorpora(kg: KnowledgeGraph, corpora: readonly Corpus[]): KnowledgeGraph {
  const ids = new Set(kg.corpus.corpora.map((c) => c.id));
  const clash = corpora.find((c) => ids.has(c.id) || corpora.filter((d) => d.id === c.id).length > 1);
  if (clash) throw new UntocKgError('invalid_input', 'withCorpora', `a corpus with id "${clash.id}" is loaded already; give each corpus its own id`, { value: clash.id });
  return new KnowledgeGraph(kg.dataset, [...kg.corpus.corpora, ...corpora], kg);
}
