/**
 * The RDF projection: the dataset in an N3 Store (default graph).
 *
 * @module
 */
import { Store } from 'n3';
import type { Dataset } from '../model/dataset.js';
import { datasetQuads } from './quads.js';

/** Builds an N3 Store holding the dataset's triples in the default graph. */
export function buildStore(dataset: Dataset): Store {
  const store = new Store();
  store.addQuads(datasetQuads(dataset));
  return store;
}
