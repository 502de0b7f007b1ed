/**
 * The dataset description (VoID and DCAT) that the exports carry in their metadata graph: title, licence, version,
 * the shapes the data conforms to, the vocabularies it uses, and triple counts for the whole and for each named
 * graph. The graphs are found in the quads, so graphs that later data adds (directory snapshots, research corpora)
 * are described without code changes; a graph that is also a resource of the data (a snapshot, a corpus) keeps its
 * own title.
 *
 * @module
 */
import { DataFactory } from 'n3';
import type { Quad, Quad_Object, Term } from '@rdfjs/types';
import { BASE_IRI, DATASET_IRI, graphIri, graphName, ONTOLOGY_IRI, SHAPES_IRI } from '../model/ids.js';
import { DCAT, DCTERMS, OWL, PREFIXES, RDF, SD, VOID, XSD } from '../vocab/terms.js';
import { PACKAGE_VERSION } from './resources.js';

const { namedNode, literal, quad } = DataFactory;

/** Options of {@link describeDataset}. */
export interface DescriptionOptions {
  /** The dataset's title (default: the curated graph's). */
  readonly title?: string;
  /** A sentence or two about it. */
  readonly description?: string;
  /** Its version (default: the package version). */
  readonly version?: string;
  /** The IRI of its licence (default: MIT, the package's licence). */
  readonly license?: string;
}

const DEFAULTS: Required<DescriptionOptions> = {
  title: 'untoc-kg: the UN Convention against Transnational Organized Crime, its Protocols and the UNODC tools as a knowledge graph',
  description:
    'The structure and headings of UNTOC, its Protocols and the UNODC Model Law against the Smuggling of Migrants, the UNODC tools that help implement them, and the links between them, each with its basis and source. One named graph per instrument, per tool, per directory snapshot and per loaded research corpus (national legislation and court cases that the user supplied, linked to the provisions), one for the themes, one for the sources, and this metadata graph with the ontology. void:triples counts distinct triples.',
  version: PACKAGE_VERSION,
  license: 'https://spdx.org/licenses/MIT',
};

/** What the description counts. */
export interface Statistics {
  readonly triples: number;
  readonly subjects: number;
  readonly properties: ReadonlySet<string>;
  readonly classes: ReadonlySet<string>;
  /** Distinct quads per named graph IRI, in first-appearance order. */
  readonly graphs: ReadonlyMap<string, number>;
}

function termKey(t: Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return t.value;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal':
      return `"${t.value}"@${t.language}^^${t.datatype.value}`;
    default:
      return t.termType;
  }
}

/**
 * A set of tuples of small non-negative integers (term ids) in open addressing over one typed array, without a
 * string per tuple. Keyed by the first three numbers (the fourth is a value kept with them) or by all four. Slots
 * hold each number plus one, so that a new table, zero-filled, is empty.
 *
 * @example
 * ```ts
 * const seen = new TupleSet(false)
 * seen.put(1, 2, 3, 0) // -1: new
 * seen.put(1, 2, 3, 5) // 0: there, with the 0 it was given first
 * ```
 */
export class TupleSet {
  #slots = new Int32Array(4 * 1024);
  #mask = 1023;
  readonly #four: boolean;
  size = 0;

  constructor(four: boolean) {
    this.#four = four;
  }

  /** Adds the tuple; returns -1 if its key was not there, else the fourth number stored with the key. */
  put(a: number, b: number, c: number, d: number): number {
    if (2 * (this.size + 1) > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    const four = this.#four;
    const a1 = a + 1;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d) ^ (four ? Math.imul(d, 0x27d4eb2f) : 0);
    h = (h ^ (h >>> 15)) & this.#mask;
    for (;;) {
      const at = 4 * h;
      const found = slots[at]!;
      if (found === 0) {
        slots[at] = a1;
        slots[at + 1] = b + 1;
        slots[at + 2] = c + 1;
        slots[at + 3] = d + 1;
        this.size++;
        return -1;
      }
      if (found === a1 && slots[at + 1] === b + 1 && slots[at + 2] === c + 1 && (!four || slots[at + 3] === d + 1)) return slots[at + 3]! - 1;
      h = (h + 1) & this.#mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    this.#mask = this.#mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at] !== 0) this.put(old[at]! - 1, old[at + 1]! - 1, old[at + 2]! - 1, old[at + 3]! - 1);
  }
}

/** What {@link StatisticsCounter.add} found: the triple is new (merged graphs), the quad is new (in its graph). */
export const NEW_TRIPLE = 1;
/** See {@link NEW_TRIPLE}. */
export const NEW_QUAD = 2;

/** The flags {@link StatisticsCounter} keeps per term id. */
const SUBJECT = 1;
const PROPERTY = 2;
const CLASS = 4;

/**
 * Counts what the description states (distinct triples, distinct subjects, properties, classes, distinct quads per
 * named graph) from quads given as term ids, one at a time, and says of each whether it was seen before: what the
 * streaming writers count while they write, and drop duplicates with. Its memory is about 32 bytes per distinct
 * triple and a bit per term; no string per triple or quad.
 */
export class StatisticsCounter {
  /** Each triple, with the first graph it was seen in. */
  readonly #triples = new TupleSet(false);
  /** Quads whose triple is in more than one graph. */
  readonly #more = new TupleSet(true);
  /** Per term id: whether it is a subject ({@link SUBJECT}), a property, a class counted. */
  #flags = new Uint8Array(1024);
  #subjectCount = 0;
  /** The id of `rdf:type`, once met as a predicate. */
  #typeId = -1;
  readonly properties = new Set<string>();
  readonly classes = new Set<string>();
  /** Distinct quads per named graph id, and each graph's IRI; the entry of the graph of the last quad counted. */
  readonly #graphs = new Map<number, { readonly iri: string; count: number }>();
  #graphId = -1;
  #graph: { readonly iri: string; count: number } | undefined;

  /**
   * Counts a quad: `g` is the graph's id (-1 for the default graph), `predicate` and `object` the IRI and value of
   * the terms whose ids are `p` and `o`. Returns {@link NEW_TRIPLE} and {@link NEW_QUAD} as bits.
   */
  add(s: number, p: number, o: number, g: number, predicate: string, object: string, graph: string): number {
    // Graphs are stored as g + 1 (0: the default graph), so that -1 means "not there".
    const first = this.#triples.put(s, p, o, g + 1);
    const fresh = first === -1 ? NEW_TRIPLE | NEW_QUAD : first === g + 1 || this.#more.put(s, p, o, g + 1) !== -1 ? 0 : NEW_QUAD;
    if (fresh === 0) return 0;
    const top = s > p ? (s > o ? s : o) : p > o ? p : o;
    if (top >= this.#flags.length) {
      const grown = new Uint8Array(Math.max(2 * this.#flags.length, top + 1));
      grown.set(this.#flags);
      this.#flags = grown;
    }
    const flags = this.#flags;
    if ((flags[s]! & SUBJECT) === 0) {
      flags[s]! |= SUBJECT;
      this.#subjectCount++;
    }
    if ((flags[p]! & PROPERTY) === 0) {
      flags[p]! |= PROPERTY;
      this.properties.add(predicate);
      if (predicate === RDF.type) this.#typeId = p;
    }
    if (p === this.#typeId && (flags[o]! & CLASS) === 0) {
      flags[o]! |= CLASS;
      this.classes.add(object);
    }
    if (g >= 0) {
      if (g !== this.#graphId || !this.#graph) {
        this.#graphId = g;
        this.#graph = this.#graphs.get(g);
        if (!this.#graph) this.#graphs.set(g, (this.#graph = { iri: graph, count: 0 }));
      }
      this.#graph.count++;
    }
    return fresh;
  }

  /** Whether the term of id `id` is the subject of a quad counted. */
  isSubject(id: number): boolean {
    return ((this.#flags[id] ?? 0) & SUBJECT) !== 0;
  }

  /** The named graphs counted, by id, with their IRIs and counts, in first-appearance order. */
  get graphs(): ReadonlyMap<number, { readonly iri: string; readonly count: number }> {
    return this.#graphs;
  }

  /** What has been counted so far. */
  statistics(): Statistics {
    const graphs = new Map<string, number>();
    for (const { iri, count } of this.#graphs.values()) graphs.set(iri, count);
    return { triples: this.#triples.size, subjects: this.#subjectCount, properties: this.properties, classes: this.classes, graphs };
  }
}

function statistics(quads: Iterable<Quad>): Statistics {
  // Term ids: one map entry per distinct term (named nodes keyed by their IRI), none per triple.
  const ids = new Map<string, number>();
  const id = (t: Term) => {
    const key = termKey(t);
    let n = ids.get(key);
    if (n === undefined) ids.set(key, (n = ids.size));
    return n;
  };
  const counter = new StatisticsCounter();
  for (const q of quads) {
    const named = q.graph.termType === 'NamedNode';
    counter.add(id(q.subject), id(q.predicate), id(q.object), named ? id(q.graph) : -1, q.predicate.value, q.object.value, q.graph.value);
  }
  return counter.statistics();
}

/** The namespaces of the project's prefixes that the quads (or the description itself) use as properties or classes. */
function vocabularies(stats: Statistics): string[] {
  const used = new Set<string>([RDF.$iri, DCTERMS.$iri, DCAT.$iri, VOID.$iri, SD.$iri, OWL.$iri]);
  for (const iri of [...stats.properties, ...stats.classes]) used.add(iri.slice(0, Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1));
  return Object.values(PREFIXES).filter((ns) => used.has(ns));
}

/**
 * @param described - graphs that are also resources of the data (a directory snapshot's graph is the snapshot): they
 *   keep their own title, and are not given the graph's name as one.
 */
function build(stats: Statistics, options: Required<DescriptionOptions>, described: ReadonlySet<string>): Quad[] {
  const meta = namedNode(graphIri('meta'));
  const out: Quad[] = [];
  const add = (s: string, p: string, o: Quad_Object) => out.push(quad(namedNode(s), namedNode(p), o, meta));
  const count = (n: number) => literal(String(n), namedNode(XSD.integer));
  const d = DATASET_IRI;
  add(d, RDF.type, namedNode(VOID.Dataset));
  add(d, RDF.type, namedNode(DCAT.Dataset));
  add(d, DCTERMS.title, literal(options.title, 'en'));
  add(d, DCTERMS.description, literal(options.description, 'en'));
  add(d, DCTERMS.license, namedNode(options.license));
  add(d, DCTERMS.conformsTo, namedNode(SHAPES_IRI));
  add(d, OWL.versionInfo, literal(options.version));
  add(d, DCAT.version, literal(options.version));
  add(d, VOID.uriSpace, literal(BASE_IRI));
  add(d, VOID.vocabulary, namedNode(ONTOLOGY_IRI));
  for (const ns of vocabularies(stats)) add(d, VOID.vocabulary, namedNode(ns));
  add(d, VOID.triples, count(stats.triples));
  add(d, VOID.distinctSubjects, count(stats.subjects));
  add(d, VOID.properties, count(stats.properties.size));
  add(d, VOID.classes, count(stats.classes.size));
  for (const [graph, n] of stats.graphs) {
    add(d, VOID.subset, namedNode(graph));
    add(graph, RDF.type, namedNode(VOID.Dataset));
    add(graph, RDF.type, namedNode(SD.NamedGraph));
    add(graph, SD.name, namedNode(graph));
    if (!described.has(graph)) add(graph, DCTERMS.title, literal(graphName(graph) ?? graph));
    add(graph, VOID.triples, count(n));
  }
  return out;
}

/**
 * The VoID/DCAT description of a dataset's quads (data and ontology, with their named graphs), as quads in the
 * metadata graph. The counts include the description itself: `void:triples` of the dataset is the number of distinct
 * triples of everything exported, and each graph's `void:triples` the number of distinct quads in it.
 *
 * @example
 * ```ts
 * const quads = [...datasetQuads(kg.dataset, { graphs: true }), ...ontologyQuads()]
 * describeDataset(quads, { version: '2026-01' })
 * ```
 */
export function describeDataset(quads: readonly Quad[], options: DescriptionOptions = {}): Quad[] {
  const meta = graphIri('meta');
  const data = statistics(quads);
  const described = new Set<string>();
  for (const q of quads) if ((data.graphs.has(q.subject.value) || q.subject.value === meta) && q.subject.termType === 'NamedNode') described.add(q.subject.value);
  return describeStatistics(data, described, options);
}

/**
 * The description of data already counted (by a {@link StatisticsCounter}), as quads in the metadata graph: what
 * {@link describeDataset} returns for the same quads. The counts include the description itself.
 *
 * @param described - the graph IRIs that are also subjects of the data (a directory snapshot, a corpus).
 * @example
 * ```ts
 * describeStatistics(counter.statistics(), new Set(), { version: '2026-01' })
 * ```
 */
export function describeStatistics(data: Statistics, described: ReadonlySet<string>, options: DescriptionOptions = {}): Quad[] {
  const settings = { ...DEFAULTS, ...options };
  const meta = graphIri('meta');
  const graphs = new Map(data.graphs);
  if (!graphs.has(meta)) graphs.set(meta, 0);
  // The description's shape does not depend on the numbers in it, and its subjects (the dataset and its graphs) are
  // its own: count a draft of it, add its counts to the data's, then write it with the totals.
  const draft = statistics(build({ ...data, graphs }, settings, described));
  return build(
    {
      triples: data.triples + draft.triples,
      // A described graph is a subject of both.
      subjects: data.subjects + draft.subjects - described.size,
      properties: new Set([...data.properties, ...draft.properties]),
      classes: new Set([...data.classes, ...draft.classes]),
      graphs: new Map([...graphs].map(([graph, n]) => [graph, n + (draft.graphs.get(graph) ?? 0)])),
    },
    settings,
    described,
  );
}
