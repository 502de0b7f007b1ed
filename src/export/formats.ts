/**
 * Every export format in one table, and one function that writes any of them as a stream of chunks: what
 * `untoc-kg export` runs, for library users too.
 *
 * @module
 */
import { UntocKgError } from '../errors.js';
import type { KnowledgeGraph } from '../kg.js';
import { exportQuads, type ExportQuadsOptions } from '../rdf/graphs.js';
import { writeLinksCsv, writeProvisionsCsv } from './csv.js';
import { framedDocuments, type FrameFocus, type JsonLdOptions } from './jsonld.js';
import { writeGexf, writeGraphml, writeGraphologyJson } from './network.js';
import { writeDatasetJsonLd } from './jsonld-stream.js';
import { describeExport, writeDatasetRdf } from './rdf-stream.js';
import { writeRdf } from './rdf-text.js';

/** The formats {@link writeExport} writes. */
export type ExportFormat =
  | 'turtle'
  | 'trig'
  | 'ntriples'
  | 'nquads'
  | 'jsonld'
  | 'jsonld-compact'
  | 'jsonld-framed'
  | 'void'
  | 'graphology-json'
  | 'gexf'
  | 'graphml'
  | 'csv-provisions'
  | 'csv-links';

/** What each format is. */
export interface ExportFormatInfo {
  /** One line for `--help`. */
  readonly summary: string;
  /** Its media type. */
  readonly mediaType: string;
  /** The usual file extension. */
  readonly extension: string;
  /** Whether it is RDF (so named graphs can be selected). */
  readonly rdf: boolean;
}

/**
 * Every export format, in the order `--help` lists them.
 *
 * @example
 * ```ts
 * EXPORT_FORMATS.trig.mediaType // 'application/trig'
 * ```
 */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  turtle: { summary: 'RDF Turtle with the project prefixes (named graphs merged)', mediaType: 'text/turtle', extension: 'ttl', rdf: true },
  trig: { summary: 'RDF TriG: one named graph per instrument, tool, snapshot, corpus, themes, sources, meta', mediaType: 'application/trig', extension: 'trig', rdf: true },
  ntriples: { summary: 'RDF N-Triples (named graphs merged)', mediaType: 'application/n-triples', extension: 'nt', rdf: true },
  nquads: { summary: 'RDF N-Quads with the named graphs', mediaType: 'application/n-quads', extension: 'nq', rdf: true },
  jsonld: { summary: 'JSON-LD, expanded, with the named graphs', mediaType: 'application/ld+json', extension: 'jsonld', rdf: true },
  'jsonld-compact': { summary: 'JSON-LD compacted with ontology/context.jsonld, with the named graphs', mediaType: 'application/ld+json', extension: 'jsonld', rdf: true },
  'jsonld-framed': { summary: 'JSON-LD framed: one document per provision (or tool: --frame tool), one per line', mediaType: 'application/x-ndjson', extension: 'jsonl', rdf: true },
  void: { summary: 'the VoID/DCAT description of the dataset (Turtle): licence, version, counts, graphs', mediaType: 'text/turtle', extension: 'ttl', rdf: false },
  'graphology-json': { summary: 'the network as graphology JSON (graph.export())', mediaType: 'application/json', extension: 'json', rdf: false },
  gexf: { summary: 'the network as GEXF 1.3, for Gephi', mediaType: 'application/gexf+xml', extension: 'gexf', rdf: false },
  graphml: { summary: 'the network as GraphML', mediaType: 'application/graphml+xml', extension: 'graphml', rdf: false },
  'csv-provisions': { summary: 'CSV: one row per provision', mediaType: 'text/csv', extension: 'csv', rdf: false },
  'csv-links': { summary: 'CSV: one row per link, with basis, source and locator', mediaType: 'text/csv', extension: 'csv', rdf: false },
};

/** Options of {@link writeExport}. The graph's own research corpora are exported, each in its named graph. */
export interface ExportOptions extends Omit<ExportQuadsOptions, 'corpora'>, Omit<JsonLdOptions, 'chunkSize'> {
  /** For `jsonld-framed`: one document per provision (default) or per tool. */
  readonly frame?: FrameFocus;
}

/**
 * Whether `value` names an export format.
 *
 * @example
 * ```ts
 * isExportFormat('gexf') // true
 * ```
 */
export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/**
 * Writes a knowledge graph in any export format, as a stream of text chunks (write each as it comes: the whole
 * output is never built).
 *
 * @throws {@link UntocKgError} `unsupported_format` for an unknown format, `invalid_input` for graphs asked of a
 *   format that has none, `unknown_graph` for a graph the dataset does not have.
 * @example
 * ```ts
 * import { writeExport } from 'untoc-kg/rdf'
 * for (const chunk of writeExport(kg, 'trig', { graphs: ['instrument', 'meta'] })) process.stdout.write(chunk)
 * ```
 */
export function writeExport(kg: KnowledgeGraph, format: ExportFormat, options: ExportOptions = {}): Iterable<string> {
  if (!isExportFormat(format)) {
    throw new UntocKgError('unsupported_format', 'export', `unknown format "${String(format)}"; expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`, {
      value: format,
      suggestions: Object.keys(EXPORT_FORMATS),
    });
  }
  if (options.graphs && !EXPORT_FORMATS[format].rdf) {
    throw new UntocKgError('invalid_input', 'export', `the ${format} format has no named graphs to select; --graph applies to the RDF formats`, { value: format });
  }
  const corpora = kg.corpus.corpora;
  switch (format) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads':
      return writeDatasetRdf(kg.dataset, format, { ...(options.graphs && { graphs: options.graphs }), ...(options.description && { description: options.description }), corpora });
    case 'jsonld':
      return writeDatasetJsonLd(kg.dataset, 'expanded', { ...options, corpora });
    case 'jsonld-compact':
      return writeDatasetJsonLd(kg.dataset, 'compacted', { ...options, corpora });
    case 'jsonld-framed':
      return framedLines(kg, options);
    case 'void':
      return writeRdf(describeExport(kg.dataset, { ...(options.description && { description: options.description }), corpora }), 'turtle');
    case 'graphology-json':
      return writeGraphologyJson(kg.graph);
    case 'gexf':
      return writeGexf(kg.graph);
    case 'graphml':
      return writeGraphml(kg.graph);
    case 'csv-provisions':
      return writeProvisionsCsv(kg.dataset);
    case 'csv-links':
      return writeLinksCsv(kg.dataset);
  }
}

function* framedLines(kg: KnowledgeGraph, options: ExportOptions): Generator<string, void, undefined> {
  let out = '';
  for (const { document } of framedDocuments(exportQuads(kg.dataset, { ...options, corpora: kg.corpus.corpora }), options.frame ?? 'provision', options)) {
    out += `${JSON.stringify(document)}\n`;
    if (out.length >= 1 << 16) {
      yield out;
      out = '';
    }
  }
  yield out;
}
