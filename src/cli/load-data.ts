/**
 * What `--data FILE…` loads, for every command that takes it: research corpora (a JSON Lines file, `.jsonl` or
 * `.ndjson`, or a folder of corpus CSV files) join the graph with `withCorpora`; anything else is a data file or folder
 * in the project's YAML format, added to the dataset as before. Loaded only when `--data` is given (it brings zod and
 * the file readers), so the commands' fast path stays as it is; the query commands built standalone import it as a
 * file of its own (`dist/load-data.js`).
 *
 * @module
 */
import { extname } from 'node:path';
import { KnowledgeGraph, loadGraph, withCorpora } from '../kg.js';
import type { Corpus } from '../model/corpus.js';
import { loadDataset } from '../node/index.js';
import { isCorpusCsvFolder, readCorpusFile, terminalProgress } from '../node/corpus.js';
import type { Io } from './io.js';

export { documentsAddressing } from '../query/documents.js';

/** The extensions of JSON Lines corpora. */
const CORPUS_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.jsonlines']);

/** Options of {@link withData}. */
export interface DataOptions {
  /** `--derive-citations`: add the citations found in the corpora's texts as links with basis `text`. */
  readonly deriveCitations?: boolean;
}

/** A comma-separated option as a list (`--state IT,DE`). */
export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** True when a `--data` path is a research corpus rather than a YAML data file or folder. */
export async function isCorpusPath(path: string): Promise<boolean> {
  return CORPUS_EXTENSIONS.has(extname(path).toLowerCase()) || (await isCorpusCsvFolder(path));
}

/** Reads the research corpora among `paths`, each with progress on a terminal. */
export async function readCorpora(kg: KnowledgeGraph, paths: readonly string[], options: DataOptions = {}): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  for (const path of paths) {
    const progress = terminalProgress(path);
    try {
      const { corpus } = await readCorpusFile(kg, path, { ...(options.deriveCitations && { deriveCitations: true }), ...(progress && { onProgress: progress.onProgress }) });
      corpora.push(corpus);
    } finally {
      progress?.done();
    }
  }
  return corpora;
}

/**
 * The graph with what `--data` names: YAML data added to its dataset, research corpora loaded beside it. The graph
 * given is returned as it is when there is nothing to add.
 *
 * @throws the readers' errors: `data_invalid` for a bad data file, `corpus_invalid` for a bad corpus.
 */
export async function withData(kg: KnowledgeGraph, paths: readonly string[] | undefined, options: DataOptions, io: Io): Promise<KnowledgeGraph> {
  if (!paths || paths.length === 0) return kg;
  const corpusPaths: string[] = [];
  const dataPaths: string[] = [];
  for (const path of paths) (await isCorpusPath(path) ? corpusPaths : dataPaths).push(path);
  let graph = kg;
  if (dataPaths.length > 0) graph = new KnowledgeGraph(await loadDataset(dataPaths, { base: kg.dataset }), kg.corpus.corpora);
  if (corpusPaths.length === 0) return graph;
  const corpora = await readCorpora(graph, corpusPaths, options);
  const size = corpora.reduce((n, c) => n + c.legislation.length + c.cases.length, 0);
  if (size === 0) io.err(`untoc-kg: note: ${corpusPaths.join(', ')} held no legislation and no case`);
  return withCorpora(graph, corpora);
}

/** The curated graph with what `--data` names ({@link withData}). */
export async function dataGraph(paths: readonly string[] | undefined, options: DataOptions, io: Io): Promise<KnowledgeGraph> {
  return withData(loadGraph(), paths, options, io);
}
