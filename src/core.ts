/**
 * The part of a knowledge graph that the typed queries read: the dataset and its index. Kept apart from `kg.ts` so
 * that code that only queries (the CLI's fast path) loads neither N3 nor graphology.
 *
 * @module
 */
import { bundledDataset } from './bundled.js';
import { buildIndex, type GraphIndex } from './lookup/build.js';
import type { CorpusLookup } from './lookup/corpus.js';
import type { Dataset } from './model/dataset.js';

/** A dataset with its lookup index: everything the typed queries need. A {@link KnowledgeGraph} is one. */
export interface KnowledgeGraphCore {
  readonly dataset: Dataset;
  readonly index: GraphIndex;
  /** The research corpora loaded into the graph (`withCorpora`), with their lookup; absent when none are. */
  readonly corpus?: CorpusLookup;
}

/** The dataset and index of the bundled graph, without the RDF and network projections. */
export function loadCore(dataset: Dataset = bundledDataset()): KnowledgeGraphCore {
  return { dataset, index: buildIndex(dataset) };
}
