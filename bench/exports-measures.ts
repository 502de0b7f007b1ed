/**
 * The measures of the export benchmark: the library's exports end to end from the dataset (what `writeExport` runs:
 * `writeDatasetRdf` for N-Quads and Turtle, `writeDatasetJsonLd` for JSON-LD, VoID statistics included), and
 * the peers on the same quads (N3's Writer; jsonld.js's `fromRDF` fed
 * the quads as objects, then `compact` with the same context and no network).
 */
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import jsonldModule from 'jsonld';
import type { Dataset } from '../dist/index.js';
import { jsonldContext, staticDocumentLoader, writeDatasetJsonLd, writeDatasetRdf } from '../dist/rdf.js';
import { PREFIXES } from '../dist/index.js';

interface JsonLd {
  fromRDF(input: readonly Quad[], options: Record<string, never>): Promise<unknown>;
  compact(input: unknown, context: unknown, options: { documentLoader: unknown }): Promise<unknown>;
}
const jsonld = jsonldModule as unknown as JsonLd;

/** Drains a chunk generator, returning the characters written (so nothing is optimised away). */
function drain(chunks: Iterable<string>): number {
  let n = 0;
  for (const chunk of chunks) n += chunk.length;
  return n;
}

function n3Write(quads: readonly Quad[], format: 'Turtle' | 'N-Quads'): number {
  const writer = new Writer({ format, ...(format === 'Turtle' && { prefixes: { ...PREFIXES } as Record<string, string> }) });
  for (const q of quads) {
    if (format === 'Turtle') writer.addQuad(q.subject, q.predicate, q.object);
    else writer.addQuad(q);
  }
  let length = 0;
  writer.end((error, text) => {
    if (error) throw error;
    length = text.length;
  });
  return length;
}

/** One measure: what it runs, and whether it is given the export quads (the peers) or builds them (the library). */
export interface Measure {
  readonly needsQuads: boolean;
  run(dataset: Dataset, quads: readonly Quad[]): Promise<number> | number;
}

export const EXPORT_MEASURES = {
  ours_nquads: { needsQuads: false, run: (dataset) => drain(writeDatasetRdf(dataset, 'nquads')) },
  n3_writer_nquads: { needsQuads: true, run: (_, quads) => n3Write(quads, 'N-Quads') },
  ours_turtle: { needsQuads: false, run: (dataset) => drain(writeDatasetRdf(dataset, 'turtle')) },
  n3_writer_turtle: { needsQuads: true, run: (_, quads) => n3Write(quads, 'Turtle') },
  ours_jsonld_compacted: { needsQuads: false, run: (dataset) => drain(writeDatasetJsonLd(dataset, 'compacted')) },
  jsonld_js_fromRDF_compact: {
    needsQuads: true,
    run: async (_, quads) => {
      const expanded = await jsonld.fromRDF(quads, {});
      const compacted = await jsonld.compact(expanded, jsonldContext(), { documentLoader: staticDocumentLoader() });
      return compacted ? 1 : 0;
    },
  },
} satisfies Record<string, Measure>;

export type ExportMeasure = keyof typeof EXPORT_MEASURES;
