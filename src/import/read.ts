/**
 * Reading RDF text into quads: Turtle, TriG, N-Triples and N-Quads with N3's parser, JSON-LD with jsonld.js and the
 * static document loader (no network). Syntax errors become typed errors with the line where reading stopped.
 *
 * @module
 */
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { UntocKgError } from '../errors.js';
import type { RdfFormat } from '../rdf/terms.js';
import { clip } from './clip.js';
import { jsonLdFailure, jsonLdProcessor, staticDocumentLoader, type JsonLdTerm } from './jsonld.js';
import { defined } from '../util/defined.js';

const { namedNode, blankNode, literal, defaultGraph, quad } = DataFactory;

/** The formats {@link parseRdf} reads. */
export type ReadableFormat = RdfFormat | 'jsonld';

/** Every format {@link parseRdf} reads. */
export const READABLE_FORMATS: readonly ReadableFormat[] = ['turtle', 'trig', 'ntriples', 'nquads', 'jsonld'];

const N3_FORMAT: Record<RdfFormat, string> = { turtle: 'Turtle', trig: 'TriG', ntriples: 'N-Triples', nquads: 'N-Quads' };

const EXTENSIONS: Readonly<Record<string, ReadableFormat>> = {
  ttl: 'turtle',
  turtle: 'turtle',
  trig: 'trig',
  nt: 'ntriples',
  ntriples: 'ntriples',
  nq: 'nquads',
  nquads: 'nquads',
  jsonld: 'jsonld',
  json: 'jsonld',
};

/**
 * The format a file name's extension names (`.ttl`, `.trig`, `.nt`, `.nq`, `.jsonld`, `.json`), or `undefined`.
 *
 * @example
 * ```ts
 * formatOfFileName('export.nq') // 'nquads'
 * ```
 */
export function formatOfFileName(name: string): ReadableFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[name.slice(dot + 1).toLowerCase()];
}

/** Options of {@link parseRdf}. */
export interface ParseRdfOptions {
  /** The base IRI for relative IRIs. */
  readonly base?: string;
}

/**
 * Parses RDF text into quads.
 *
 * @throws {@link UntocKgError} `rdf_syntax` (with the line, where the parser gives it), `remote_context` for a JSON-LD
 *   context that would have to be fetched.
 * @example
 * ```ts
 * const quads = await parseRdf(readFileSync('graph.trig', 'utf8'), 'trig')
 * ```
 */
export async function parseRdf(text: string, format: ReadableFormat, options: ParseRdfOptions = {}): Promise<Quad[]> {
  if (format === 'jsonld') return parseJsonLd(text, options);
  const n3Format = N3_FORMAT[format];
  if (!n3Format) {
    throw new UntocKgError('unsupported_format', 'parseRdf', `cannot read "${String(format)}"; expected one of ${READABLE_FORMATS.join(', ')}`, {
      value: format,
      suggestions: [...READABLE_FORMATS],
    });
  }
  try {
    return new Parser({ format: n3Format, ...defined({ baseIRI: options.base }) }).parse(text) as Quad[];
  } catch (error) {
    const line = (error as { context?: { line?: number } }).context?.line;
    const message = error instanceof Error ? error.message : String(error);
    throw new UntocKgError('rdf_syntax', 'parseRdf', `invalid ${n3Format}: ${clip(message, 160)}`, { value: line, ...defined({ offset: line }) }, { cause: error });
  }
}

function term(t: JsonLdTerm): Term {
  switch (t.termType) {
    case 'NamedNode':
      return namedNode(t.value);
    case 'BlankNode':
      return blankNode(t.value.startsWith('_:') ? t.value.slice(2) : t.value);
    case 'Literal':
      return literal(t.value, t.language || namedNode(t.datatype!.value));
    default:
      return defaultGraph();
  }
}

/** Characters an IRI may not hold (RFC 3987; what N-Quads and Turtle refuse): JSON-LD lets them through. */
const BAD_IRI = /[\u0000-\u0020<>"{}|^`\\]/;

/** Refuses an IRI that no other RDF syntax could carry, so what is read can be written and read again. */
function checkIri(t: JsonLdTerm): void {
  if (t.termType === 'NamedNode' && BAD_IRI.test(t.value)) {
    throw new UntocKgError('rdf_syntax', 'parseRdf', `invalid JSON-LD: ${clip(JSON.stringify(t.value), 160)} is not an IRI (it holds a character IRIs may not)`, { value: t.value });
  }
}

async function parseJsonLd(text: string, options: ParseRdfOptions): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UntocKgError('rdf_syntax', 'parseRdf', `invalid JSON: ${clip(error instanceof Error ? error.message : String(error), 160)}`, {}, { cause: error });
  }
  const jsonld = await jsonLdProcessor();
  try {
    const quads = await jsonld.toRDF(document, { documentLoader: staticDocumentLoader(), safe: true, ...defined({ base: options.base }) });
    for (const q of quads) for (const t of [q.subject, q.predicate, q.object, q.graph]) checkIri(t);
    return quads.map((q) => quad(term(q.subject) as Quad['subject'], term(q.predicate) as Quad['predicate'], term(q.object) as Quad['object'], term(q.graph) as Quad['graph']));
  } catch (error) {
    throw jsonLdFailure('parseRdf', error);
  }
}
