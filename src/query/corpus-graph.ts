/**
 * The corpus side of a graph, for the corpus queries: its lookup, or an empty one when no corpus is loaded.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { buildCorpusLookup, type CorpusLookup } from '../lookup/corpus.js';

/** A graph the corpus queries read: any graph; without loaded corpora their answers are empty. */
export type CorpusGraph = KnowledgeGraphCore;

const empty = new WeakMap<object, CorpusLookup>();

/** The graph's corpus lookup (an empty one, built once per graph, when no corpus is loaded). */
export function corpusLookupOf(kg: CorpusGraph): CorpusLookup {
  if (kg.corpus) return kg.corpus;
  let lookup = empty.get(kg.index);
  if (!lookup) empty.set(kg.index, (lookup = buildCorpusLookup(kg.index, [])));
  return lookup;
}
