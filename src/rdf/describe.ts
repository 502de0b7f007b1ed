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
interface Statistics {
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
 * A set of tuples of four small non-negative integers (term ids), in open addressing over one typed array: what the
 * statistics count distinct triples and quads with, without a string per triple.
 */
class TupleSet {
  #slots = new Int32Array(4 * 1024).fill(-1);
  #mask = 1023;
  size = 0;

  /** Adds the tuple; true if it was not there. */
  add(a: number, b: number, c: number, d: number): boolean {
    if (2 * (this.size + 1) > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d) ^ Math.imul(d, 0x27d4eb2f);
    h = (h ^ (h >>> 15)) & this.#mask;
    for (;;) {
      const at = 4 * h;
      if (slots[at] === -1) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = c;
        slots[at + 3] = d;
        this.size++;
        return true;
      }
      if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c && slots[at + 3] === d) return false;
      h = (h + 1) & this.#mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2).fill(-1);
    this.#mask = this.#mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at] !== -1) this.add(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
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
  const triples = new TupleSet();
  const quadKeys = new TupleSet();
  const subjects = new Set<number>();
  const properties = new Set<string>();
  const classes = new Set<string>();
  const graphs = new Map<string, number>();
  for (const q of quads) {
    const s = id(q.subject);
    const p = id(q.predicate);
    const o = id(q.object);
    triples.add(s, p, o, 0);
    subjects.add(s);
    properties.add(q.predicate.value);
    if (q.predicate.value === RDF.type) classes.add(q.object.value);
    if (q.graph.termType === 'NamedNode' && quadKeys.add(s, p, o, id(q.graph))) graphs.set(q.graph.value, (graphs.get(q.graph.value) ?? 0) + 1);
  }
  return { triples: triples.size, subjects: subjects.size, properties, classes, graphs };
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
  const settings = { ...DEFAULTS, ...options };
  const meta = graphIri('meta');
  const data = statistics(quads);
  const graphs = new Map(data.graphs);
  if (!graphs.has(meta)) graphs.set(meta, 0);
  // The description's shape does not depend on the numbers in it, and its subjects (the dataset and its graphs) are
  // its own: count a draft of it, add its counts to the data's, then write it with the totals.
  const described = new Set<string>();
  for (const q of quads) if (graphs.has(q.subject.value) && q.subject.termType === 'NamedNode') described.add(q.subject.value);
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
