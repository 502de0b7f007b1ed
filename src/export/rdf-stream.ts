/**
 * The RDF text exports written straight from the dataset: the emitters (`emitDataset`, `emitCorpus`) send each
 * triple to a sink that writes its line at once, with each term's text built once (IRIs repeat: predicates, classes,
 * provisions) and no RDF/JS quad made. The text is handed out in chunks of about 64 KiB while the dataset is being
 * walked, so the whole output, and the whole list of quads, are never in memory.
 *
 * The VoID figures of the metadata graph are counted while writing ({@link StatisticsCounter}, which also drops a
 * quad given twice), and the metadata graph (the ontology, then the description) is written last. What stays in
 * memory is the counter: a table of term ids per distinct triple (about 32 bytes each) and one id per distinct term.
 *
 * Turtle and TriG write consecutive triples of one subject as one block (`s p o ; p2 o2, o3 .`): the emitters send
 * a record's triples together, so most subjects have one block; a subject met again later gets another block,
 * which Turtle allows.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { graphIri } from '../model/ids.js';
import { emitCorpus } from '../rdf/corpus.js';
import { describeStatistics, NEW_QUAD, NEW_TRIPLE, StatisticsCounter, type DescriptionOptions } from '../rdf/describe.js';
import { selectGraphs } from '../rdf/graphs.js';
import { emitDataset } from '../rdf/quads.js';
import { ontologyQuads } from '../rdf/resources.js';
import { drainEmission, type Emission, type TripleSink } from '../rdf/sink.js';
import type { RdfFormat } from '../rdf/terms.js';
import { PREFIXES, RDF, XSD } from '../vocab/terms.js';
import { TermWriter } from './rdf-text.js';

/** Options of {@link writeDatasetRdf}. */
export interface DatasetRdfOptions {
  /** The named graphs to write (names, kinds or IRIs, as `exportQuads` takes them). Default: every graph. */
  readonly graphs?: readonly string[];
  /** Settings of the dataset description in the metadata graph. */
  readonly description?: DescriptionOptions;
  /** Research corpora to write too, each in its own named graph (default: none). */
  readonly corpora?: readonly Corpus[];
  /** About how many characters each chunk holds (default 65,536). */
  readonly chunkSize?: number;
}

/** The four shapes of output. */
type Layout = 'lines' | 'blocks';

/**
 * A sink that gives each term an id (for the counter) and writes each new triple or quad as text to `out`.
 */
class TextSink implements TripleSink {
  out = '';
  readonly counter = new StatisticsCounter();
  readonly #terms: TermWriter;
  /** Each term's text, by id. */
  readonly #text: string[] = [];
  readonly #iris = new Map<string, number>();
  /** Literals and blank nodes, by their text. */
  readonly #others = new Map<string, number>();
  readonly #format: RdfFormat;
  readonly #layout: Layout;
  readonly #byGraph: boolean;
  /** The graphs to write (undefined: all); with a selection, merged formats keep their own table of written triples. */
  readonly #keep: ReadonlySet<string> | undefined;
  readonly #written: StatisticsCounter | undefined;
  readonly #typeId: number;
  #graph = -1;
  #graphIri = '';
  #graphTail = ' .\n';
  #writing = true;
  /** The graph block (TriG) and subject and predicate (Turtle, TriG) being written, -2 when none. */
  #openGraph = -2;
  #subject = -2;
  #predicate = -2;

  constructor(format: RdfFormat, keep: ReadonlySet<string> | undefined) {
    this.#format = format;
    this.#layout = format === 'turtle' || format === 'trig' ? 'blocks' : 'lines';
    this.#byGraph = format === 'trig' || format === 'nquads';
    this.#terms = new TermWriter(this.#layout === 'blocks' ? PREFIXES : undefined);
    this.#keep = keep;
    this.#written = keep && !this.#byGraph ? new StatisticsCounter() : undefined;
    this.#typeId = this.#iri(RDF.type);
  }

  /** The prefix lines of Turtle and TriG. */
  header(): void {
    if (this.#layout !== 'blocks') return;
    for (const [prefix, ns] of Object.entries(PREFIXES)) this.out += `@prefix ${prefix}: <${ns}> .\n`;
    this.out += '\n';
  }

  #iri(value: string): number {
    let id = this.#iris.get(value);
    if (id === undefined) {
      id = this.#text.length;
      this.#text.push(this.#terms.iriText(value));
      this.#iris.set(value, id);
    }
    return id;
  }

  #other(text: string): number {
    let id = this.#others.get(text);
    if (id === undefined) {
      id = this.#text.length;
      this.#text.push(text);
      this.#others.set(text, id);
    }
    return id;
  }

  graph(iri: string): void {
    if (iri === this.#graphIri) return;
    this.#graph = this.#iri(iri);
    this.#graphIri = iri;
    this.#graphTail = this.#byGraph ? ` ${this.#text[this.#graph]} .\n` : ' .\n';
    this.#writing = !this.#keep || this.#keep.has(iri);
  }

  iri(s: string, p: string, o: string): void {
    this.#add(this.#iri(s), this.#iri(p), this.#iri(o), p, o);
  }

  text(s: string, p: string, o: string, language?: string): void {
    this.#add(this.#iri(s), this.#iri(p), this.#other(this.#terms.literalText(o, language ?? '', XSD.string)), p, o);
  }

  typed(s: string, p: string, value: string, datatype: string): void {
    this.#add(this.#iri(s), this.#iri(p), this.#other(this.#terms.literalText(value, '', datatype)), p, value);
  }

  /** Any quad of the metadata graph (the ontology has blank nodes). */
  quad(q: Quad): void {
    const id = (term: Quad['subject'] | Quad['object']) => (term.termType === 'NamedNode' ? this.#iri(term.value) : this.#other(this.#terms.term(term)));
    this.#add(id(q.subject), this.#iri(q.predicate.value), id(q.object), q.predicate.value, q.object.value);
  }

  #add(s: number, p: number, o: number, predicate: string, object: string): void {
    const fresh = this.counter.add(s, p, o, this.#graph, predicate, object, this.#graphIri);
    if (!this.#writing) return;
    if (this.#byGraph ? (fresh & NEW_QUAD) === 0 : (this.#written ? this.#written.add(s, p, o, -1, predicate, object, '') : fresh & NEW_TRIPLE) === 0) return;
    const text = this.#text;
    if (this.#layout === 'lines') {
      this.out += `${text[s]} ${text[p]} ${text[o]}${this.#graphTail}`;
      return;
    }
    if (this.#format === 'trig' && this.#openGraph !== this.#graph) {
      this.endBlock();
      this.out += `${text[this.#graph]} {\n`;
      this.#openGraph = this.#graph;
    }
    const verb = p === this.#typeId ? 'a' : text[p];
    if (s === this.#subject) {
      this.out += p === this.#predicate ? `, ${text[o]}` : ` ;\n    ${verb} ${text[o]}`;
    } else {
      if (this.#subject !== -2) this.out += ' .\n\n';
      this.out += `${text[s]} ${verb} ${text[o]}`;
      this.#subject = s;
    }
    this.#predicate = p;
  }

  /** Closes the subject and the graph block being written. */
  endBlock(): void {
    if (this.#subject !== -2) this.out += ' .\n\n';
    this.#subject = -2;
    this.#predicate = -2;
    if (this.#openGraph !== -2) this.out += '}\n\n';
    this.#openGraph = -2;
  }

  /** The graph IRIs of the data that are also subjects of it (a snapshot, a corpus), and the metadata graph's. */
  described(): Set<string> {
    const out = new Set<string>();
    for (const [id, { iri }] of this.counter.graphs) if (this.counter.isSubject(id)) out.add(iri);
    const meta = this.#iris.get(graphIri('meta'));
    if (meta !== undefined && this.counter.isSubject(meta)) out.add(graphIri('meta'));
    return out;
  }
}

/** A sink that only notes which named graphs receive triples. */
class GraphSink implements TripleSink {
  readonly present = new Set<string>();
  #graph = '';
  graph(iri: string): void {
    this.#graph = iri;
  }
  iri(): void {
    this.present.add(this.#graph);
  }
  text(): void {
    this.present.add(this.#graph);
  }
  typed(): void {
    this.present.add(this.#graph);
  }
}

/** The data of an export, emitted: the dataset's triples in their graphs, then each corpus's. */
function* emitData(dataset: Dataset, corpora: readonly Corpus[] | undefined, sink: TripleSink): Emission {
  yield* emitDataset(dataset, sink);
  for (const corpus of corpora ?? []) yield* emitCorpus(corpus, sink);
}

/**
 * The named graphs an export of `dataset` (and `corpora`) holds, with the metadata graph.
 *
 * @example
 * ```ts
 * exportGraphIris(kg.dataset).has(graphIri('themes')) // true
 * ```
 */
export function exportGraphIris(dataset: Dataset, corpora?: readonly Corpus[]): Set<string> {
  const sink = new GraphSink();
  drainEmission(emitData(dataset, corpora, sink));
  sink.present.add(graphIri('meta'));
  return sink.present;
}

/**
 * Writes the export of a dataset (its named graphs, the corpora's, and the metadata graph with the ontology and the
 * VoID/DCAT description) as Turtle, TriG, N-Triples or N-Quads, straight from the records, yielding the text in
 * chunks. Reads back to the same quads as `writeRdf(exportQuads(dataset, options), format)`.
 *
 * @throws {@link UntocKgError} `unknown_graph` when a graph asked for is not in the export (with the nearest names).
 * @example
 * ```ts
 * import { writeDatasetRdf } from 'untoc-kg/rdf'
 * for (const chunk of writeDatasetRdf(kg.dataset, 'nquads', { corpora: kg.corpus.corpora })) process.stdout.write(chunk)
 * ```
 */
export function writeDatasetRdf(dataset: Dataset, format: RdfFormat, options: DatasetRdfOptions = {}): Generator<string, void, undefined> {
  // The selection is checked now, before the first chunk is asked for.
  const keep = options.graphs ? selectGraphs(exportGraphIris(dataset, options.corpora), options.graphs, 'exportQuads') : undefined;
  return chunks(dataset, format, keep, options);
}

function* chunks(dataset: Dataset, format: RdfFormat, keep: ReadonlySet<string> | undefined, options: DatasetRdfOptions): Generator<string, void, undefined> {
  const size = options.chunkSize ?? 1 << 16;
  const sink = new TextSink(format, keep);
  sink.header();
  for (const _ of emitData(dataset, options.corpora, sink)) {
    if (sink.out.length >= size) {
      yield sink.out;
      sink.out = '';
    }
  }
  // The metadata graph last: the ontology, then the description of everything counted (the ontology included).
  sink.graph(graphIri('meta'));
  for (const q of ontologyQuads()) sink.quad(q);
  const description = describeStatistics(sink.counter.statistics(), sink.described(), options.description);
  for (const q of description) sink.quad(q);
  sink.endBlock();
  if (sink.out.length > 0) yield sink.out;
}

/**
 * The VoID/DCAT description of a dataset's export, counted from the records without writing or keeping any quad:
 * the same quads as `exportDescription`.
 *
 * @example
 * ```ts
 * rdfToString(describeExport(kg.dataset, { corpora: kg.corpus.corpora }), 'turtle')
 * ```
 */
export function describeExport(dataset: Dataset, options: Pick<DatasetRdfOptions, 'corpora' | 'description'> = {}): Quad[] {
  const sink = new TextSink('ntriples', new Set());
  drainEmission(emitData(dataset, options.corpora, sink));
  sink.graph(graphIri('meta'));
  for (const q of ontologyQuads()) sink.quad(q);
  return describeStatistics(sink.counter.statistics(), sink.described(), options.description);
}
