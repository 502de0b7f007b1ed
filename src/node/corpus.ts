/**
 * Reading a research corpus from disk (Node only): a JSON Lines file, streamed line by line (node:readline over a
 * file stream, so a 1 GB file never sits whole in memory), or a folder of CSV files (`legislation.csv`,
 * `sections.csv`, `cases.csv`, `links.csv`, optionally `sources.csv` and `corpus.csv`). Both go through the same
 * reader, with the same error codes. Long loads can show their progress on a terminal ({@link terminalProgress}).
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { KnowledgeGraphCore } from '../core.js';
import { CORPUS_CSV_FILES, readCorpusCsv, type CorpusCsvFile } from '../corpus/csv.js';
import { readCorpus, type CorpusReadResult, type ReadCorpusOptions } from '../corpus/read.js';
import { UntocKgError } from '../errors.js';

/** Options of {@link readCorpusFile}: the reader's, and the format when the path does not tell. */
export interface ReadCorpusFileOptions extends ReadCorpusOptions {
  /** `jsonl` (a file) or `csv` (a folder of CSV files); default: a folder is CSV, a file JSON Lines. */
  readonly format?: 'jsonl' | 'csv';
}

/** A corpus id from a file name: `My Corpus.jsonl` → `my-corpus`. */
function idFromName(path: string): string {
  const slug = basename(path, extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'corpus';
}

function unreadable(operation: string, path: string, error: unknown): UntocKgError {
  const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  return new UntocKgError('data_unreadable', operation, `cannot read ${shown}: ${(error as Error).message}`, { value: shown }, { cause: error });
}

/**
 * True when `path` is a folder holding the files of a CSV corpus (any of `legislation.csv`, `sections.csv`,
 * `cases.csv`, `links.csv`).
 *
 * @example
 * ```ts
 * await isCorpusCsvFolder('my-corpus') // true when my-corpus/legislation.csv (or sections, cases, links) is there
 * ```
 */
export async function isCorpusCsvFolder(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isDirectory()) return false;
  } catch {
    return false;
  }
  for (const name of ['legislation.csv', 'sections.csv', 'cases.csv', 'links.csv']) {
    if (await stat(join(path, name)).then((s) => s.isFile(), () => false)) return true;
  }
  return false;
}

/**
 * Reads a research corpus from a JSON Lines file (streamed) or a folder of CSV files. The corpus id is the file's
 * `corpus` record's, else `options.id`, else the file or folder name (`my-corpus.jsonl` → `my-corpus`).
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) listing every bad record, unless `keepGood` is set;
 * {@link UntocKgError} `data_unreadable` when the path cannot be read.
 * @example
 * ```ts
 * import { readCorpusFile } from 'untoc-kg/node'
 * import { documentsAddressing, loadGraph, withCorpora } from 'untoc-kg'
 * const kg = loadGraph()
 * const { corpus } = await readCorpusFile(kg, 'corpus.jsonl', { deriveCitations: true })
 * documentsAddressing(withCorpora(kg, [corpus]), 'SOM Protocol art. 6').results
 * ```
 */
export async function readCorpusFile(kg: KnowledgeGraphCore, path: string, options: ReadCorpusFileOptions = {}): Promise<CorpusReadResult> {
  const operation = 'readCorpusFile';
  let folder: boolean;
  try {
    folder = (await stat(path)).isDirectory();
  } catch (error) {
    throw unreadable(operation, path, error);
  }
  const format = options.format ?? (folder ? 'csv' : 'jsonl');
  const { format: _format, ...rest } = options;
  const readOptions: ReadCorpusOptions = { id: idFromName(path), name: path, ...rest };
  if (format === 'csv') {
    if (!folder) throw new UntocKgError('invalid_input', operation, `a CSV corpus is a folder of ${CORPUS_CSV_FILES.join(', ')}; ${path.slice(0, 80)} is a file`, { value: path.slice(0, 80) });
    const files: Partial<Record<CorpusCsvFile, string>> = {};
    for (const name of CORPUS_CSV_FILES) {
      const text = await readFile(join(path, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw unreadable(operation, join(path, name), error);
      });
      if (text !== undefined) files[name] = text;
    }
    return readCorpusCsv(kg, files, readOptions);
  }
  if (folder) throw new UntocKgError('invalid_input', operation, `${path.slice(0, 80)} is a folder; a JSON Lines corpus is a file`, { value: path.slice(0, 80) });
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    return await readCorpus(kg, withoutBom(lines), readOptions);
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).syscall === 'string') throw unreadable(operation, path, error);
    throw error;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** The lines, the first without a byte-order mark. */
async function* withoutBom(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const line of lines) {
    yield first && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    first = false;
  }
}

/**
 * A progress callback for {@link readCorpusFile} that writes "reading NAME: N lines" on stderr, over itself, when
 * stderr is a terminal; `undefined` otherwise (progress never goes into a log or a pipe). Call the returned `done`
 * when the load ends, to clear the line.
 *
 * @example
 * ```ts
 * const progress = terminalProgress('corpus.jsonl')
 * await readCorpusFile(kg, 'corpus.jsonl', { onProgress: progress?.onProgress })
 * progress?.done()
 * ```
 */
export function terminalProgress(name: string, stream: NodeJS.WriteStream = process.stderr): { onProgress: (lines: number) => void; done: () => void } | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  return {
    onProgress: (lines) => {
      shown = true;
      stream.write(`\r\u001b[2Kuntoc-kg: reading ${name}: ${lines.toLocaleString('en')} lines`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
