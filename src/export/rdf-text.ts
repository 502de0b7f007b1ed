/**
 * Turtle, TriG, N-Triples and N-Quads writers that stream: each yields its output in chunks of about 64 KiB, so a
 * graph of a million triples goes to a file or stdout without its whole text ever being in memory. Pure: no I/O.
 *
 * Quads are grouped by graph and subject (in the order they first appear, so the same input always gives the same
 * text), and a quad given twice is written once. Turtle and TriG use the project's prefixes and `;`/`,` lists; the
 * line formats write absolute IRIs. Formats without graphs (Turtle, N-Triples) merge the named graphs.
 *
 * @module
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { keyOf, type RdfFormat } from '../rdf/terms.js';
import { PREFIXES, RDF, XSD } from '../vocab/terms.js';

export type { RdfFormat } from '../rdf/terms.js';

/**
 * The media type of each RDF text format.
 *
 * @example
 * ```ts
 * RDF_MEDIA_TYPES.nquads // 'application/n-quads'
 * ```
 */
export const RDF_MEDIA_TYPES: Readonly<Record<RdfFormat, string>> = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
};

/** Options of {@link writeRdf}. */
export interface RdfWriteOptions {
  /** The prefixes of Turtle and TriG output (default: the project's, {@link PREFIXES}). */
  readonly prefixes?: Readonly<Record<string, string>>;
  /** About how many characters each chunk holds (default 65,536). */
  readonly chunkSize?: number;
}

const ESCAPE_TEST = /["\\\u0000-\u001f\u007f]/;
const ESCAPE_ALL = /["\\\u0000-\u001f\u007f]/g;
const IRI_UNSAFE_TEST = /[\u0000-\u0020<>"{}|^`\\]/;
const IRI_UNSAFE_ALL = /[\u0000-\u0020<>"{}|^`\\]/g;
const ECHAR: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
const LOCAL_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const BLANK_LABEL = /^[A-Za-z0-9_]+$/;

const uchar = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A string as the body of an N-Triples/Turtle string literal (without the quotes).
 *
 * @example
 * ```ts
 * escapeRdfString('two\nlines') // 'two\\nlines'
 * ```
 */
export function escapeRdfString(value: string): string {
  return ESCAPE_TEST.test(value) ? value.replace(ESCAPE_ALL, (c) => ECHAR[c] ?? uchar(c)) : value;
}

/** Writes terms as text, caching IRIs (they repeat: predicates, classes, subjects). */
export class TermWriter {
  readonly #iris = new Map<string, string>();
  readonly #blanks = new Map<string, string>();
  readonly #namespaces: ReadonlyMap<string, string> | undefined;

  constructor(prefixes: Readonly<Record<string, string>> | undefined) {
    this.#namespaces = prefixes && new Map(Object.entries(prefixes).map(([prefix, ns]) => [ns, prefix]));
  }

  iri(value: string): string {
    let text = this.#iris.get(value);
    if (text === undefined) {
      text = this.iriText(value);
      this.#iris.set(value, text);
    }
    return text;
  }

  /** An IRI's text, without the cache: a prefixed name when a prefix covers it, else `<…>` with UCHAR escapes. */
  iriText(value: string): string {
    return this.#prefixed(value) ?? `<${IRI_UNSAFE_TEST.test(value) ? value.replace(IRI_UNSAFE_ALL, uchar) : value}>`;
  }

  #prefixed(value: string): string | undefined {
    if (!this.#namespaces) return undefined;
    const cut = Math.max(value.lastIndexOf('#'), value.lastIndexOf('/')) + 1;
    const prefix = this.#namespaces.get(value.slice(0, cut));
    const local = value.slice(cut);
    return prefix !== undefined && (local === '' || LOCAL_NAME.test(local)) ? `${prefix}:${local}` : undefined;
  }

  /** Blank node labels are kept when they are valid in every format, renamed `b{n}` otherwise. */
  blank(value: string): string {
    let text = this.#blanks.get(value);
    if (text === undefined) {
      text = BLANK_LABEL.test(value) && !/^b\d+$/.test(value) ? `_:${value}` : `_:b${this.#blanks.size}`;
      this.#blanks.set(value, text);
    }
    return text;
  }

  literal(term: Literal): string {
    return this.literalText(term.value, term.language, term.datatype.value);
  }

  /** A literal's text: a plain string, a language-tagged one (`language` not empty), or typed by `datatype`. */
  literalText(value: string, language: string, datatype: string): string {
    const body = `"${escapeRdfString(value)}"`;
    if (language) return `${body}@${language}`;
    return datatype === XSD.string ? body : `${body}^^${this.iri(datatype)}`;
  }

  term(term: Term): string {
    switch (term.termType) {
      case 'NamedNode':
        return this.iri(term.value);
      case 'BlankNode':
        return this.blank(term.value);
      case 'Literal':
        return this.literal(term);
      default:
        throw new TypeError(`writeRdf: cannot write a ${term.termType} term`);
    }
  }
}

/** Quads grouped by graph and subject: what {@link groupQuads} returns. */
export type QuadGroups = Map<string, { readonly graph: Term; readonly subjects: Map<string, Quad[]> }>;

/**
 * Groups quads by graph (when `byGraph`; otherwise all in one group) and subject, in first-appearance order. Keys
 * are IRIs, `_:label` for blank nodes, and `''` for the default graph.
 */
export function groupQuads(quads: Iterable<Quad>, byGraph: boolean): QuadGroups {
  const graphs: QuadGroups = new Map();
  let lastGraph = '\u0000';
  let subjects: Map<string, Quad[]> | undefined;
  for (const q of quads) {
    const g = byGraph ? keyOf(q.graph) : '';
    if (g !== lastGraph || !subjects) {
      let entry = graphs.get(g);
      if (!entry) graphs.set(g, (entry = { graph: q.graph, subjects: new Map() }));
      subjects = entry.subjects;
      lastGraph = g;
    }
    const s = keyOf(q.subject);
    const list = subjects.get(s);
    if (list) list.push(q);
    else subjects.set(s, [q]);
  }
  return graphs;
}

/**
 * Writes quads as Turtle, TriG, N-Triples or N-Quads, yielding the text in chunks.
 *
 * @example
 * ```ts
 * import { writeRdf } from 'untoc-kg/rdf'
 * for (const chunk of writeRdf(exportQuads(kg), 'trig')) process.stdout.write(chunk)
 * ```
 */
export function* writeRdf(quads: Iterable<Quad>, format: RdfFormat, options: RdfWriteOptions = {}): Generator<string, void, undefined> {
  const size = options.chunkSize ?? 1 << 16;
  const pretty = format === 'turtle' || format === 'trig';
  const prefixes = options.prefixes ?? PREFIXES;
  const terms = new TermWriter(pretty ? prefixes : undefined);
  const byGraph = format === 'trig' || format === 'nquads';
  let out = '';
  if (pretty) {
    for (const [prefix, ns] of Object.entries(prefixes)) out += `@prefix ${prefix}: <${ns}> .\n`;
    out += '\n';
  }
  for (const { graph, subjects } of groupQuads(quads, byGraph).values()) {
    const named = graph.termType !== 'DefaultGraph';
    const graphText = byGraph && named ? terms.term(graph) : '';
    if (format === 'trig' && named) out += `${graphText} {\n`;
    for (const list of subjects.values()) {
      const block = pretty ? subjectBlock(terms, list) : subjectLines(terms, list, graphText);
      // A chunk is at most `size` characters, unless one subject's block alone is longer.
      if (out.length > 0 && out.length + block.length > size) {
        yield out;
        out = '';
      }
      out += block;
    }
    if (format === 'trig' && named) out += '}\n\n';
  }
  if (out.length > 0) yield out;
}

/** One subject's quads as N-Triples or N-Quads lines, without duplicates. */
function subjectLines(terms: TermWriter, quads: readonly Quad[], graphText: string): string {
  const subject = terms.term(quads[0]!.subject);
  const tail = graphText ? ` ${graphText} .\n` : ' .\n';
  if (quads.length === 1) return `${subject} ${terms.term(quads[0]!.predicate)} ${terms.term(quads[0]!.object)}${tail}`;
  const seen = new Set<string>();
  let text = '';
  for (const q of quads) {
    const po = `${terms.term(q.predicate)} ${terms.term(q.object)}`;
    if (seen.has(po)) continue;
    seen.add(po);
    text += `${subject} ${po}${tail}`;
  }
  return text;
}

/** One subject's quads as a Turtle block: `s p o1, o2 ;\n    p2 o3 .`, `a` for rdf:type (first), without duplicates. */
function subjectBlock(terms: TermWriter, quads: readonly Quad[]): string {
  const types = new Set<string>();
  const byPredicate = new Map<string, Set<string>>();
  for (const q of quads) {
    const p = q.predicate.value;
    if (p === RDF.type) {
      types.add(terms.term(q.object));
      continue;
    }
    let objects = byPredicate.get(p);
    if (!objects) byPredicate.set(p, (objects = new Set()));
    objects.add(terms.term(q.object));
  }
  let text = terms.term(quads[0]!.subject);
  let separator = ' ';
  if (types.size > 0) {
    text += ` a ${[...types].join(types.size > 3 ? ',\n        ' : ', ')}`;
    separator = ' ;\n    ';
  }
  for (const [p, objects] of byPredicate) {
    text += `${separator}${terms.iri(p)} ${[...objects].join(objects.size > 3 ? ',\n        ' : ', ')}`;
    separator = ' ;\n    ';
  }
  return `${text} .\n\n`;
}

/**
 * Writes quads as one string: {@link writeRdf} joined. For large graphs, stream the chunks instead.
 *
 * @example
 * ```ts
 * rdfToString(exportQuads(kg, { graphs: ['meta'] }), 'turtle')
 * ```
 */
export function rdfToString(quads: Iterable<Quad>, format: RdfFormat, options: RdfWriteOptions = {}): string {
  let text = '';
  for (const chunk of writeRdf(quads, format, options)) text += chunk;
  return text;
}
