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
  if (!n3Format) throw unsupported(format);
  try {
    return new Parser({ format: n3Format, ...defined({ baseIRI: options.base }) }).parse(text) as Quad[];
  } catch (error) {
    throw syntaxError(n3Format, error);
  }
}

function unsupported(format: string): UntocKgError {
  return new UntocKgError('unsupported_format', 'parseRdf', `cannot read "${clip(String(format))}"; expected one of ${READABLE_FORMATS.join(', ')}`, {
    value: clip(String(format)),
    suggestions: [...READABLE_FORMATS],
  });
}

/** N3's parse error as the typed `rdf_syntax` error, with the line where reading stopped. */
function syntaxError(n3Format: string, error: unknown): UntocKgError {
  const line = (error as { context?: { line?: number } }).context?.line;
  const message = error instanceof Error ? error.message : String(error);
  return new UntocKgError('rdf_syntax', 'parseRdf', `invalid ${n3Format}: ${clip(message, 160)}`, { value: line, ...defined({ offset: line }) }, { cause: error });
}

/** RDF as text, or as a stream of text or UTF-8 chunks (a Node readable stream, a web stream's chunks). */
export type RdfInput = string | AsyncIterable<string | Uint8Array>;

/** What N3's parser reads a stream from: an emitter of `data`, `end` and `error`. */
interface ChunkEmitter {
  on(event: 'data' | 'end' | 'error', listener: (value?: unknown) => void): ChunkEmitter;
}

/** What reading a stream has come to: the error it failed with, and whether the parser wants no more chunks. */
interface StreamState {
  error?: UntocKgError;
  stopped: boolean;
}

/**
 * The chunks of a stream, checked: a chunk that is neither text nor bytes, or a failure of the stream itself, is an
 * `rdf_unreadable` error; iteration ends (and a Node stream is destroyed) once `state.stopped` is set.
 */
async function* chunksOf(chunks: AsyncIterable<unknown>, state: StreamState): AsyncGenerator<string | Uint8Array> {
  try {
    for await (const chunk of chunks) {
      if (state.stopped) return;
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw new UntocKgError('rdf_unreadable', 'importRdf', `a chunk of the stream is ${chunk === null ? 'null' : typeof chunk}, not text or bytes`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof UntocKgError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UntocKgError('rdf_unreadable', 'importRdf', `reading the stream failed: ${clip(message, 160)}`, {}, { cause: error });
  }
}

/** Feeds an async iterable of chunks to N3's parser as the emitter it reads streams from; `state` holds a read error. */
function emitterOf(chunks: AsyncIterable<string | Uint8Array>, state: StreamState): ChunkEmitter {
  const listeners: Record<'data' | 'end' | 'error', ((value?: unknown) => void)[]> = { data: [], end: [], error: [] };
  const emit = (event: 'data' | 'end' | 'error', value?: unknown) => {
    for (const listener of listeners[event]) listener(value);
  };
  queueMicrotask(async () => {
    try {
      for await (const chunk of chunksOf(chunks, state)) emit('data', chunk);
      if (!state.stopped) emit('end');
    } catch (error) {
      state.error = error as UntocKgError;
      emit('error', error);
    }
  });
  const emitter: ChunkEmitter = {
    on(event, listener) {
      listeners[event].push(listener);
      return emitter;
    },
  };
  return emitter;
}

async function textOf(input: RdfInput): Promise<string> {
  if (typeof input === 'string') return input;
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of chunksOf(input, { stopped: false })) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * Reads RDF (text or a stream of chunks) and hands each quad to `onQuad` as it is read, holding none of them: Turtle,
 * TriG, N-Triples and N-Quads are parsed as they come; JSON-LD, which needs the whole document, is read first.
 *
 * @throws {@link UntocKgError} as {@link parseRdf}; `rdf_unreadable` when the stream itself fails or yields
 *   something other than text or bytes (the stream is not read further after any error).
 * @example
 * ```ts
 * let count = 0
 * await readQuads(createReadStream('export.nq'), 'nquads', () => count++)
 * ```
 */
export async function readQuads(input: RdfInput, format: ReadableFormat, onQuad: (quad: Quad) => void, options: ParseRdfOptions = {}): Promise<void> {
  if (format === 'jsonld') {
    for (const q of await parseJsonLd(await textOf(input), options)) onQuad(q);
    return;
  }
  const n3Format = N3_FORMAT[format];
  if (!n3Format) throw unsupported(format);
  const state: StreamState = { stopped: false };
  const source = typeof input === 'string' ? input : emitterOf(input, state);
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({ format: n3Format, ...defined({ baseIRI: options.base }) });
    parser.parse(source as string, (error, quad) => {
      if (state.stopped) return;
      if (error) {
        state.stopped = true;
        return reject(state.error !== undefined && error === state.error ? error : syntaxError(n3Format, error));
      }
      if (!quad) {
        state.stopped = true;
        return resolve();
      }
      try {
        onQuad(quad as Quad);
      } catch (thrown) {
        state.stopped = true;
        reject(thrown);
      }
    });
  });
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
