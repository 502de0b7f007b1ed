/**
 * JSON-LD export, built directly from the quads: each subject's quads become one node object (named graphs become
 * `@graph` objects), in expanded form, or compacted with the shipped context (`ontology/context.jsonld`), or framed
 * as one document per provision or per tool. Nothing here calls jsonld.js: converting N-Quads with its `fromRDF` is
 * quadratic, and grouping by subject is linear. Whatever facts the quads carry (wording, authorities) appear in the
 * JSON-LD without code changes. Pure: no I/O, no network.
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import { CONTEXT_URL } from '../model/ids.js';
import { jsonldContext, type JsonLdContext } from '../rdf/resources.js';
import { DCTERMS, ELI, RDF, UKG, XSD } from '../vocab/terms.js';
import { keyOf } from '../rdf/terms.js';
import { groupQuads, type QuadGroups } from './rdf-text.js';

/** The JSON-LD forms the library writes. */
export type JsonLdForm = 'expanded' | 'compacted';

/** Options of {@link writeJsonLd} and {@link framedDocuments}. */
export interface JsonLdOptions {
  /**
   * How compacted and framed documents name their context: `inline` (the whole context, so the document stands
   * alone; the default of compacted documents) or `url` ({@link CONTEXT_URL}, which the library's document loader
   * serves from the package; the default of framed documents, which are meant to be published).
   */
  readonly context?: 'inline' | 'url';
  /** The context to compact with (default: the shipped `ontology/context.jsonld`). */
  readonly contextDocument?: JsonLdContext;
  /** About how many characters each chunk holds (default 65,536). */
  readonly chunkSize?: number;
}

type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Expanded form

function nodeId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/**
 * What kind of object a property has, as far as the choice of its key and form goes: `@id` (an IRI or a blank
 * node), `@language` (a language-tagged literal), or the datatype IRI of any other literal.
 */
export type ObjectShape = string;

/** The shape of a term ({@link ObjectShape}). */
export function shapeOf(term: Term): ObjectShape {
  if (term.termType !== 'Literal') return '@id';
  return term.language ? '@language' : term.datatype.value;
}

/** A value object of the expanded form: `{ "@id" }` for `@id`, else `{ "@value" }` with its language or datatype. */
export function expandedValueOf(shape: ObjectShape, value: string, language: string): JsonObject {
  if (shape === '@id') return { '@id': value };
  if (shape === '@language') return { '@value': value, '@language': language };
  return shape === XSD.string ? { '@value': value } : { '@value': value, '@type': shape };
}

function expandedValue(term: Term): JsonObject {
  return expandedValueOf(shapeOf(term), term.termType === 'Literal' ? term.value : nodeId(term), term.termType === 'Literal' ? term.language : '');
}

function termKey(term: Term): string {
  return term.termType === 'Literal' ? `"${term.value}"@${term.language}^^${term.datatype.value}` : nodeId(term);
}

/** One subject's quads as an expanded node object (`rdf:type` as `@type`), without duplicate values. */
function expandedNode(quads: readonly Quad[]): JsonObject {
  const node: JsonObject = { '@id': nodeId(quads[0]!.subject) };
  const types = new Set<string>();
  const values = new Map<string, Map<string, JsonObject>>();
  for (const q of quads) {
    if (q.predicate.value === RDF.type && q.object.termType !== 'Literal') {
      types.add(nodeId(q.object));
      continue;
    }
    let list = values.get(q.predicate.value);
    if (!list) values.set(q.predicate.value, (list = new Map()));
    const key = termKey(q.object);
    if (!list.has(key)) list.set(key, expandedValue(q.object));
  }
  if (types.size > 0) node['@type'] = [...types];
  for (const [predicate, list] of values) node[predicate] = [...list.values()];
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// Compaction with a known context

interface TermDefinition {
  readonly term: string;
  /** `@id` for IRIs, a datatype IRI, or undefined. */
  readonly type: string | undefined;
  readonly language: boolean;
}

/**
 * How a compacted property writes a value: `plain` (the IRI, or the literal's text, as a string), `object` (a node
 * reference `{ id }` or a value object), `language` (an entry of a language map).
 */
export type ValueForm = 'plain' | 'object' | 'language';

/** The key under which a compacted node holds a predicate's values of one shape, and how it writes them. */
export interface CompactProperty {
  readonly key: string;
  readonly form: ValueForm;
}

/**
 * Compacts node objects with one context, the way JSON-LD compaction would for the values this library writes: a
 * property takes the context's term for its IRI when the value fits the term's coercion (`@type: @id`, a datatype,
 * a `@language` map), and a compact IRI (`dcterms:title`) with a full value object otherwise. Node IRIs stay
 * absolute. Tests check that jsonld.js expands the result to the same RDF.
 *
 * @example
 * ```ts
 * new ContextCompactor(jsonldContext()).node(quadsOfOneSubject) // { id: '…', type: 'Provision', title: { en: '…' } }
 * ```
 */
export class ContextCompactor {
  readonly #prefixes: readonly (readonly [string, string])[];
  readonly #terms = new Set<string>();
  readonly #byIri = new Map<string, TermDefinition[]>();
  readonly #classes = new Map<string, string>();
  readonly #id: string;
  readonly #type: string;
  readonly #iris = new Map<string, string>();
  readonly #properties = new Map<string, CompactProperty>();

  constructor(context: JsonLdContext) {
    const entries = Object.entries(context['@context']).filter(([key]) => !key.startsWith('@'));
    const prefixes: [string, string][] = [];
    let id = '@id';
    let type = '@type';
    for (const [key, value] of entries) {
      this.#terms.add(key);
      if (value === '@id') id = key;
      else if (value === '@type') type = key;
      else if (typeof value === 'string' && /[#/:]$/.test(value)) prefixes.push([key, value]);
    }
    this.#prefixes = prefixes.sort((a, b) => b[1].length - a[1].length);
    this.#id = id;
    this.#type = type;
    for (const [key, value] of entries) {
      if (value === '@id' || value === '@type' || (typeof value === 'string' && /[#/:]$/.test(value))) continue;
      const definition = (typeof value === 'string' ? { '@id': value } : value) as Record<string, string | undefined>;
      const iri = definition['@id'] && this.#expand(definition['@id']);
      if (!iri) continue;
      const coerced = definition['@type'] && (definition['@type'] === '@id' ? '@id' : this.#expand(definition['@type']));
      const language = definition['@container'] === '@language';
      const list = this.#byIri.get(iri) ?? [];
      list.push({ term: key, type: coerced, language });
      this.#byIri.set(iri, list);
      if (!coerced && !language && !definition['@container']) this.#classes.set(iri, key);
    }
  }

  #expand(value: string): string {
    const colon = value.indexOf(':');
    if (colon > 0) {
      const prefix = this.#prefixes.find(([p]) => p === value.slice(0, colon));
      if (prefix) return prefix[1] + value.slice(colon + 1);
    }
    return value;
  }

  /** An IRI as a compact IRI (`dcterms:title`) when a prefix covers it and the result is no term; else as it is. */
  compactIri(iri: string): string {
    let text = this.#iris.get(iri);
    if (text === undefined) {
      text = iri;
      for (const [prefix, ns] of this.#prefixes) {
        if (iri.length > ns.length && iri.startsWith(ns)) {
          const candidate = `${prefix}:${iri.slice(ns.length)}`;
          if (!this.#terms.has(candidate) && !candidate.slice(prefix.length + 1).startsWith('//')) text = candidate;
          break;
        }
      }
      this.#iris.set(iri, text);
    }
    return text;
  }

  /** A class IRI as a term (`Instrument`), a compact IRI or the IRI. */
  compactType(iri: string): string {
    return this.#classes.get(iri) ?? this.compactIri(iri);
  }

  #fits(definition: TermDefinition, shape: ObjectShape): boolean {
    if (shape === '@id') return definition.type === '@id' || (!definition.type && !definition.language);
    if (definition.language) return !definition.type && shape === '@language';
    if (definition.type) return definition.type !== '@id' && shape === definition.type;
    return true;
  }

  /**
   * The key of `predicate`'s values of one shape, and their form: the context's term when the value fits the
   * term's coercion, a compact IRI otherwise. Decided once per predicate and shape.
   *
   * @example
   * ```ts
   * compactor.property(DCTERMS.title, '@language') // { key: 'title', form: 'language' }
   * ```
   */
  property(predicate: string, shape: ObjectShape): CompactProperty {
    const cacheKey = `${shape}\u0000${predicate}`;
    let property = this.#properties.get(cacheKey);
    if (!property) {
      const definition = this.#byIri.get(predicate)?.find((d) => this.#fits(d, shape));
      const key = definition?.term ?? this.compactIri(predicate);
      property = { key, form: formOf(definition, shape) };
      this.#properties.set(cacheKey, property);
    }
    return property;
  }

  /** A value in the `object` form: `{ id }` for `@id` (an IRI or `_:b`), else a value object. */
  valueObject(shape: ObjectShape, value: string, language: string): JsonObject {
    if (shape === '@id') return { [this.#id]: value };
    if (shape === '@language') return { '@value': value, '@language': language };
    return shape === XSD.string ? { '@value': value } : { '@value': value, '@type': this.compactType(shape) };
  }

  /** One subject's quads as a compacted node object (terms of the context, `id` and `type` aliases). */
  node(quads: readonly Quad[]): JsonObject {
    const node: JsonObject = { [this.#id]: nodeId(quads[0]!.subject) };
    const types = new Set<string>();
    const values = new Map<string, { form: ValueForm; items: Map<string, unknown> }>();
    for (const q of quads) {
      const predicate = q.predicate.value;
      const object = q.object;
      if (predicate === RDF.type && object.termType !== 'Literal') {
        types.add(object.termType === 'BlankNode' ? nodeId(object) : this.compactType(object.value));
        continue;
      }
      const shape = shapeOf(object);
      const { key, form } = this.property(predicate, shape);
      let entry = values.get(key);
      if (!entry) values.set(key, (entry = { form, items: new Map() }));
      const itemKey = termKey(object);
      if (entry.items.has(itemKey)) continue;
      const text = object.termType === 'Literal' ? object.value : nodeId(object);
      const language = object.termType === 'Literal' ? object.language : '';
      entry.items.set(itemKey, form === 'language' ? [language, text] : form === 'plain' ? text : this.valueObject(shape, text, language));
    }
    if (types.size > 0) node[this.#type] = types.size === 1 ? [...types][0] : [...types];
    for (const [key, { form, items }] of values) {
      if (form === 'language') {
        const map: Record<string, string | string[]> = {};
        for (const [language, text] of items.values() as Iterable<[string, string]>) {
          const previous = map[language];
          map[language] = previous === undefined ? text : Array.isArray(previous) ? [...previous, text] : [previous, text];
        }
        node[key] = map;
      } else {
        node[key] = items.size === 1 ? [...items.values()][0] : [...items.values()];
      }
    }
    return node;
  }

  /** The property under which a node refers to `predicate`'s values, when they are IRIs. */
  keyOfReference(predicate: string): string {
    return this.#byIri.get(predicate)?.find((d) => d.type === '@id')?.term ?? this.compactIri(predicate);
  }

  /** The alias of `@id` (`id` in the shipped context). */
  get idKey(): string {
    return this.#id;
  }

  /** The alias of `@type` (`type` in the shipped context). */
  get typeKey(): string {
    return this.#type;
  }
}

/** How a value of `shape` is written under a property defined by `definition` (or by none). */
function formOf(definition: TermDefinition | undefined, shape: ObjectShape): ValueForm {
  if (shape === '@id') return definition?.type === '@id' ? 'plain' : 'object';
  if (definition?.language) return 'language';
  if (definition?.type) return 'plain';
  return shape === XSD.string && definition ? 'plain' : 'object';
}

let defaultCompactor: ContextCompactor | undefined;

/** A compactor of `options.contextDocument`, or the shared one of the shipped context. */
export function compactorFor(options: JsonLdOptions): ContextCompactor {
  return options.contextDocument ? new ContextCompactor(options.contextDocument) : (defaultCompactor ??= new ContextCompactor(jsonldContext()));
}

function contextValue(options: JsonLdOptions): unknown {
  return options.context === 'url' ? CONTEXT_URL : (options.contextDocument ?? jsonldContext())['@context'];
}

// ---------------------------------------------------------------------------------------------------------------
// Whole-graph documents

/**
 * Writes quads as one JSON-LD document, expanded or compacted, yielding the text in chunks. Named graphs become
 * `@graph` objects named by their IRI; default-graph nodes stand at the top level.
 *
 * @example
 * ```ts
 * import { exportQuads, writeJsonLd } from 'untoc-kg/rdf'
 * for (const chunk of writeJsonLd(exportQuads(kg.dataset), 'compacted')) process.stdout.write(chunk)
 * ```
 */
export function writeJsonLd(quads: Iterable<Quad>, form: JsonLdForm, options: JsonLdOptions = {}): Generator<string, void, undefined> {
  return writeJsonLdGroups(groupQuads(quads, true), form, options);
}

/**
 * Writes quads already grouped by graph and subject ({@link groupQuads}) as one JSON-LD document: what
 * {@link writeJsonLd} does once it has grouped them.
 *
 * @example
 * ```ts
 * for (const chunk of writeJsonLdGroups(groupQuads(quads, true), 'expanded')) process.stdout.write(chunk)
 * ```
 */
export function writeJsonLdGroups(groups: QuadGroups, form: JsonLdForm, options: JsonLdOptions = {}): Generator<string, void, undefined> {
  const compactor = form === 'compacted' ? compactorFor(options) : undefined;
  const node = compactor ? (list: readonly Quad[]) => compactor.node(list) : expandedNode;
  // The default graph first, then each named graph.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a !== '') - Number(b !== ''));
  return writeJsonLdText(
    ordered.map(([key, { subjects }]) => [key, map(subjects.values(), (list) => JSON.stringify(node(list)))] as const),
    form,
    options,
  );
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U, void, undefined> {
  for (const item of items) yield f(item);
}

/** One graph of a document: its IRI (`''` for the default graph, which comes first) and its nodes' JSON texts. */
export type GraphTexts = readonly [iri: string, nodes: Iterable<string>];

/**
 * Writes the text of a whole-graph JSON-LD document around its nodes' JSON texts, yielding chunks of about
 * `options.chunkSize` characters: the context and `@graph` (compacted) or the top-level array (expanded), one
 * `@graph` object per named graph, and default-graph nodes at the top level.
 *
 * @example
 * ```ts
 * writeJsonLdText([['https://w3id.org/untoc-kg/graph/themes', ['{"id":"…"}']]], 'compacted')
 * ```
 */
export function* writeJsonLdText(graphs: Iterable<GraphTexts>, form: JsonLdForm, options: JsonLdOptions = {}): Generator<string, void, undefined> {
  const size = options.chunkSize ?? 1 << 16;
  const compacted = form === 'compacted';
  const idKey = JSON.stringify(compacted ? compactorFor(options).idKey : '@id');
  let out = compacted ? `{\n"@context": ${JSON.stringify(contextValue(options))},\n"@graph": [` : '[';
  let first = true;
  for (const [key, nodes] of graphs) {
    let firstInGraph = true;
    if (key !== '') {
      out += `${first ? '' : ','}\n{${idKey}: ${JSON.stringify(key)}, "@graph": [`;
      first = false;
    }
    for (const text of nodes) {
      const separator = key === '' ? (first ? '' : ',') : firstInGraph ? '' : ',';
      out += `${separator}\n${text}`;
      first = false;
      firstInGraph = false;
      if (out.length >= size) {
        yield out;
        out = '';
      }
    }
    if (key !== '') out += '\n]}';
  }
  out += compacted ? '\n]\n}\n' : '\n]\n';
  yield out;
}

/**
 * Writes quads as one JSON-LD value (parsed JSON): {@link writeJsonLd} joined and parsed. For large graphs, stream
 * the chunks instead.
 *
 * @example
 * ```ts
 * const doc = toJsonLd(exportQuads(kg.dataset, { graphs: ['instrument/untoc'] }), 'compacted')
 * ```
 */
export function toJsonLd(quads: Iterable<Quad>, form: JsonLdForm, options: JsonLdOptions = {}): unknown {
  let text = '';
  for (const chunk of writeJsonLd(quads, form, options)) text += chunk;
  return JSON.parse(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Framed documents

/** What a framed document is about: a provision (with the provisions inside it) or a tool (with its parts). */
export type FrameFocus = 'provision' | 'tool';

const FRAMES: Readonly<Record<FrameFocus, { readonly type: string; readonly embed: readonly string[] }>> = {
  provision: { type: UKG.Provision, embed: [ELI.has_part] },
  tool: { type: UKG.Tool, embed: [DCTERMS.hasPart, UKG.reportedCount] },
};

/** One framed document: the IRI it is about, and the document. */
export interface FramedDocument {
  readonly id: string;
  readonly document: JsonObject;
}

/**
 * Framed JSON-LD for the web: one compacted document per provision or per tool. A provision's document embeds the
 * provisions inside it (`hasPart`), a tool's its parts and reported counts; each lists, under `@included`, the
 * qualified links (`ukg:Link`, with basis and source) whose subject or object is one of the nodes it embeds. Named
 * graphs are merged. Every document expands to RDF that the whole graph holds. The context is named by its URL
 * ({@link CONTEXT_URL}) unless `context: 'inline'` is asked for.
 *
 * @example
 * ```ts
 * for (const { id, document } of framedDocuments(datasetQuads(kg.dataset), 'provision')) {
 *   // write `document` to the web path of `id`
 * }
 * ```
 */
export function* framedDocuments(quads: Iterable<Quad>, focus: FrameFocus, options: JsonLdOptions = {}): Generator<FramedDocument, void, undefined> {
  const frame = FRAMES[focus];
  const compactor = compactorFor(options);
  const subjects = groupQuads(quads, false).get('')?.subjects ?? new Map<string, Quad[]>();
  const statements = new Map<string, string[]>();
  for (const [key, list] of subjects) {
    if (!list.some((q) => q.predicate.value === RDF.type && q.object.value === UKG.Link)) continue;
    for (const q of list) {
      if (q.predicate.value !== RDF.subject && q.predicate.value !== RDF.object) continue;
      const about = keyOf(q.object);
      const known = statements.get(about);
      if (!known) statements.set(about, [key]);
      else if (!known.includes(key)) known.push(key);
    }
  }
  const context = contextValue({ ...options, context: options.context ?? 'url' });
  for (const [key, list] of subjects) {
    if (!list.some((q) => q.predicate.value === RDF.type && q.object.value === frame.type)) continue;
    const embedded = new Set<string>();
    const root = embed(compactor, subjects, key, frame.embed, embedded);
    const included = new Set<string>();
    for (const node of embedded) for (const link of statements.get(node) ?? []) included.add(link);
    const document: JsonObject = { '@context': context, ...root };
    if (included.size > 0) document['@included'] = [...included].map((link) => compactor.node(subjects.get(link)!));
    yield { id: key, document };
  }
}

/** The compacted node of `key`, with the nodes it reaches through `predicates` embedded in place of their IRIs. */
function embed(compactor: ContextCompactor, subjects: ReadonlyMap<string, Quad[]>, key: string, predicates: readonly string[], embedded: Set<string>): JsonObject {
  embedded.add(key);
  const quads = subjects.get(key)!;
  const node = compactor.node(quads);
  for (const predicate of predicates) {
    const targets = quads.filter((q) => q.predicate.value === predicate && q.object.termType !== 'Literal').map((q) => keyOf(q.object));
    const nested = [...new Set(targets)].filter((t) => subjects.has(t) && !embedded.has(t));
    if (nested.length === 0) continue;
    const property = compactor.keyOfReference(predicate);
    const kept = ([] as unknown[]).concat(node[property] ?? []).filter((v) => typeof v !== 'string' || !nested.includes(v));
    const children = nested.map((t) => embed(compactor, subjects, t, predicates, embedded));
    node[property] = [...kept, ...children];
  }
  return node;
}
