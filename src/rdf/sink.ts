/**
 * Where the writing side sends triples: one call per triple, in the named graph last set. The same emitters
 * (`emitDataset`, `emitCorpus`) feed RDF/JS quads (for the N3 Store, JSON-LD, the API's quad arrays) and the text
 * writers, which build each IRI's text once and never make a quad object. Emitters are generators that yield between
 * records, so that a writer can hand out its text in chunks while the dataset is still being walked.
 *
 * @module
 */
import { DataFactory } from 'n3';
import type { Quad, Quad_Graph, Quad_Subject } from '@rdfjs/types';

/** Receives triples in the current named graph. */
export interface TripleSink {
  /** The named graph of the triples that follow (ignored by sinks that merge graphs). */
  graph(iri: string): void;
  /** A triple whose object is an IRI. */
  iri(s: string, p: string, o: string): void;
  /** A triple whose object is a plain literal, or a language-tagged one when `language` is given. */
  text(s: string, p: string, o: string, language?: string): void;
  /** A triple whose object is a literal of the datatype `datatype` (an IRI). */
  typed(s: string, p: string, value: string, datatype: string): void;
}

/** An emitter: walks records, sends their triples to a sink, and yields between records. */
export type Emission = Generator<void, void, undefined>;

/** Runs an emission to its end. */
export function drainEmission(emission: Emission): void {
  for (const _ of emission);
}

const { namedNode, literal, quad, defaultGraph } = DataFactory;

/**
 * A sink that collects RDF/JS quads: in their named graphs, or all in the default graph.
 *
 * @example
 * ```ts
 * const sink = new QuadCollector(true)
 * drainEmission(emitDataset(dataset, sink))
 * sink.quads.length
 * ```
 */
export class QuadCollector implements TripleSink {
  readonly quads: Quad[] = [];
  readonly #graphs: boolean;
  #graph: Quad_Graph = defaultGraph();

  constructor(graphs: boolean, out: Quad[] = []) {
    this.#graphs = graphs;
    this.quads = out;
  }

  graph(iri: string): void {
    if (this.#graphs) this.#graph = namedNode(iri);
  }

  iri(s: string, p: string, o: string): void {
    this.quads.push(quad(namedNode(s) as Quad_Subject, namedNode(p), namedNode(o), this.#graph));
  }

  text(s: string, p: string, o: string, language?: string): void {
    this.quads.push(quad(namedNode(s) as Quad_Subject, namedNode(p), language ? literal(o, language) : literal(o), this.#graph));
  }

  typed(s: string, p: string, value: string, datatype: string): void {
    this.quads.push(quad(namedNode(s) as Quad_Subject, namedNode(p), literal(value, namedNode(datatype)), this.#graph));
  }
}
