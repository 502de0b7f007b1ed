/**
 * `untoc-kg/node`: what needs the file system. Reading data folders and checking them; the core entry stays free of
 * `node:` imports so that it runs in a browser.
 *
 * @module
 */
import { DataValidationError, isDataValidationError } from '../errors.js';
import { buildDataset, type BuildOptions } from '../load/build.js';
import type { Dataset } from '../model/dataset.js';
import { readDataFiles, withLines } from './files.js';

export { readDataFiles, withLines, type ReadFile } from './files.js';
export { exportStream, writeExportFile } from './write.js';
export { MAX_TEXT_BYTES, readTreatyText } from './text.js';
export { isCorpusCsvFolder, readCorpusFile, terminalProgress } from './corpus.js';
export type { ReadCorpusFileOptions } from './corpus.js';

/**
 * Loads a folder (or files) of data in the project's format: shape, then integrity across files. Issues carry the
 * file, the path inside it and (for YAML) the line.
 *
 * @param paths - files or folders; folders are searched recursively for `.yaml`, `.yml` and `.json` files.
 * @param options - `base`: a dataset the files add to, e.g. `loadGraph().dataset`, so they can cite its provisions.
 * @throws {@link DataValidationError} listing every problem; nothing is half loaded.
 *
 * @example
 * ```ts
 * import { loadDataset } from 'untoc-kg/node'
 * import { KnowledgeGraph, loadGraph } from 'untoc-kg'
 * const dataset = await loadDataset(['my-data'], { base: loadGraph().dataset })
 * const kg = new KnowledgeGraph(dataset)
 * ```
 */
export async function loadDataset(paths: string | readonly string[], options: BuildOptions = {}): Promise<Dataset> {
  const files = await readDataFiles(typeof paths === 'string' ? [paths] : paths);
  try {
    return buildDataset(files, options);
  } catch (error) {
    if (isDataValidationError(error)) throw new DataValidationError('loadDataset', withLines(error.issues, files));
    throw error;
  }
}
