/**
 * The part of a knowledge graph that the typed queries read: the dataset and its index. Kept apart from `kg.ts` so
 * that code that only queries (the CLI's fast path) loads neither N3 nor graphology.
 *
 * @module
 */
import { bundledDataset } from './bundled.js';
import { UntocKgError, shorten } from './errors.js';
import { buildIndex, type GraphIndex, type IndexOptions } from './lookup/build.js';
import type { CorpusLookup } from './lookup/corpus.js';
import type { Dataset } from './model/dataset.js';

/** A dataset with its lookup index: everything the typed queries need. A {@link KnowledgeGraph} is one. */
export interface KnowledgeGraphCore {
  readonly dataset: Dataset;
  readonly index: GraphIndex;
  /** The research corpora loaded into the graph (`withCorpora`), with their lookup; absent when none are. */
  readonly corpus?: CorpusLookup;
}

/** Options of {@link loadCore}. */
export interface LoadCoreOptions {
  /**
   * When the index builds what it derives per provision (views, ancestry, the addressing table, the walk citations
   * follow): `'eager'` (the default) all of it now, for a graph that is asked many questions; `'on-demand'` each
   * provision's or instrument's part the first time a question needs it, for a process that asks one or two (a CLI,
   * a short script). The answers are the same.
   */
  readonly index?: 'eager' | 'on-demand';
}

const EAGER: IndexOptions = Object.freeze({ eager: true });
const ON_DEMAND: IndexOptions = Object.freeze({ eager: false });

/**
 * The dataset and index of the bundled graph (or of `dataset`), without the RDF and network projections.
 *
 * @throws {@link UntocKgError} `invalid_input` for an `index` option other than `'eager'` or `'on-demand'`.
 *
 * @example
 * ```ts
 * const kg = loadCore()                                   // the index built for every provision now
 * toolsAddressing(kg, 'art. 27 para. 1(e)')
 * const once = loadCore(undefined, { index: 'on-demand' }) // a one-off question: only what it needs is built
 * toolsAddressing(once, 'art. 27 para. 1(e)')             // the same answer
 * ```
 */
export function loadCore(dataset: Dataset = bundledDataset(), options: LoadCoreOptions = {}): KnowledgeGraphCore {
  return { dataset, index: buildIndex(dataset, indexMode(options.index)) };
}

function indexMode(mode: unknown): IndexOptions {
  if (mode === undefined || mode === 'eager') return EAGER;
  if (mode === 'on-demand') return ON_DEMAND;
  throw new UntocKgError('invalid_input', 'loadCore', `unknown index mode "${shorten(String(mode))}"; use "eager" or "on-demand"`, {
    value: shorten(String(mode)),
    suggestions: ['eager', 'on-demand'],
  });
}
