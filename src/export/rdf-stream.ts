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
import type { Quad, Term } from '@rdfjs/types';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { graphIri } from '../model/ids.js';
import { emitCorpus } from '../rdf/corpus.js';
import { describeStatistics, type DescriptionOptions } from '../rdf/describe.js';
import { selectGraphs } from '../rdf/graphs.js';
import { emitDataset } from '../rdf/quads.js';
import { ontologyQuads } from '../rdf/resources.js';
import { drainEmission, type Emission, type TripleSink } from '../rdf/sink.js';
import type { RdfFormat } from '../rdf/terms.js';
import { PREFIXES, RDF } from '../vocab/terms.js';
import { CountingSink } from './counting-sink.js';
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

/**
 * A sink that writes each new triple or quad as text to `out`: a line (N-Triples, N-Quads), or a part of a subject's
 * block (Turtle, TriG).
 */
class TextSink extends CountingSink<string> {
  out = '';
  readonly #writer: TermWriter;
  readonly #format: RdfFormat;
  readonly #lines: boolean;
  readonly #byGraph: boolean;
  readonly #typeId: number;
  #graphTail = ' .\n';
  /** The graph block (TriG) and subject and predicate (Turtle, TriG) being written, -2 when none. */
  #openGraph = -2;
  #subject = -2;
  #predicate = -2;

  constructor(format: RdfFormat, keep: ReadonlySet<string> | undefined) {
    const byGraph = format === 'trig' || format === 'nquads';
    super(byGraph, keep);
    this.#format = format;
    this.#lines = format === 'ntriples' || format === 'nquads';
    this.#byGraph = byGraph;
    this.#writer = new TermWriter(this.#lines ? undefined : PREFIXES);
    this.#typeId = this.iriId(RDF.type);
  }

  /** The prefix lines of Turtle and TriG. */
  header(): void {
    if (this.#lines) return;
    for (const [prefix, ns] of Object.entries(PREFIXES)) this.out += `@prefix ${prefix}: <${ns}> .\n`;
    this.out += '\n';
  }

  protected iriTerm(value: string): string {
    return this.#writer.iriText(value);
  }

  protected literalTerm(value: string, language: string, datatype: string): string {
    return this.#writer.literalText(value, language, datatype);
  }

  protected blankTerm(term: Term): readonly [string, string] {
    const text = this.#writer.term(term);
    return [text, text];
  }

  protected override graphChanged(): void {
    this.#graphTail = this.#byGraph ? ` ${this.terms[this.graphId]} .\n` : ' .\n';
  }

  protected write(s: number, p: number, o: number): void {
    const text = this.terms;
    if (this.#lines) {
      this.out += `${text[s]} ${text[p]} ${text[o]}${this.#graphTail}`;
      return;
    }
    if (this.#format === 'trig' && this.#openGraph !== this.graphId) {
      this.endBlock();
      this.out += `${text[this.graphId]} {\n`;
      this.#openGraph = this.graphId;
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

/**
 * The data of an export, emitted: the dataset's triples in their graphs, then each corpus's.
 *
 * @example
 * ```ts
 * drainEmission(emitData(kg.dataset, kg.corpus.corpora, sink))
 * ```
 */
export function* emitData(dataset: Dataset, corpora: readonly Corpus[] | undefined, sink: TripleSink): Emission {
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
  const description = describeStatistics(sink.statistics(), sink.described(), options.description);
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
  return describeStatistics(sink.statistics(), sink.described(), options.description);
}
