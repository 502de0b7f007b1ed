/**
 * The graph a command works on: the curated one shipped with the package, or an RDF file the user gives (`--from`),
 * read and checked by the import.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { UntocKgError } from '../errors.js';
import { KnowledgeGraph, loadGraph } from '../kg.js';
import { importRdf } from '../import/rdf.js';
import { formatOfFileName, READABLE_FORMATS } from '../import/read.js';
import type { Io } from './io.js';
import { during } from './progress.js';

/** Loads the curated graph, or imports `from` (format from its extension), showing that it is reading on a terminal. */
export async function graphFrom(from: string | undefined, command: string, io: Io): Promise<KnowledgeGraph> {
  if (from === undefined) return loadGraph();
  const format = formatOfFileName(from);
  if (!format) {
    throw new UntocKgError('unsupported_format', command, `cannot tell the format of "${from}" from its extension; use .ttl, .trig, .nt, .nq or .jsonld`, {
      value: from,
      suggestions: [...READABLE_FORMATS],
    });
  }
  return during(io, `reading and checking ${from}`, async () => {
    let text: string;
    try {
      text = await readFile(from, 'utf8');
    } catch (error) {
      throw new UntocKgError('data_unreadable', command, `cannot read ${from}: ${(error as Error).message}`, { value: from }, { cause: error });
    }
    return importRdf(text, { format, name: from });
  });
}
