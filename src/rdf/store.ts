/**
 * The RDF projection: the dataset in an N3 Store (default graph), and each loaded research corpus in its own named
 * graph (`graph/corpus/{id}`), so that a query over every graph (or `GRAPH ?g`) sees both.
 *
 * @module
 */
import { Store } from 'n3';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { corpusQuads } from './corpus.js';
import { datasetQuads } from './quads.js';

/**
 * Builds an N3 Store holding the dataset's triples in the default graph and each corpus's in its named graph.
 *
 * @example
 * ```ts
 * buildStore(kg.dataset, kg.corpus.corpora).size
 * ```
 */
export function buildStore(dataset: Dataset, corpora: readonly Corpus[] = []): Store {
  const store = new Store();
  store.addQuads(datasetQuads(dataset));
  for (const corpus of corpora) store.addQuads(corpusQuads(corpus));
  return store;
}
