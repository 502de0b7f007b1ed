/**
 * JSON-LD (expanded or compacted) written from the dataset's records: the emitters send each triple to a sink that
 * groups it under its graph and subject as it comes, with each term made once (no quad list, no second pass to
 * group, no VoID statistics over term strings); the VoID figures are counted on the way and the metadata graph is
 * added last. The document groups every graph's nodes, so it is built whole before its text is written in chunks.
 *
 * @module
 */
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import type { Dataset } from '../model/dataset.js';
import { graphIri } from '../model/ids.js';
import { describeStatistics } from '../rdf/describe.js';
import { selectGraphs } from '../rdf/graphs.js';
import { ontologyQuads } from '../rdf/resources.js';
import { drainEmission } from '../rdf/sink.js';
import { CountingSink } from './counting-sink.js';
import { writeJsonLdGroups, type JsonLdForm, type JsonLdOptions } from './jsonld.js';
import { emitData, exportGraphIris, type DatasetRdfOptions } from './rdf-stream.js';
import type { QuadGroups } from './rdf-text.js';

const { namedNode, quad } = DataFactory;

/** A literal whose parts are plain fields (N3's literals parse their id on every read). */
class PlainLiteral implements Literal {
  readonly termType = 'Literal';
  readonly value: string;
  readonly language: string;
  readonly datatype: NamedNode;

  constructor(value: string, language: string, datatype: NamedNode) {
    this.value = value;
    this.language = language;
    this.datatype = datatype;
  }

  equals(other: Term | null | undefined): boolean {
    return !!other && other.termType === 'Literal' && other.value === this.value && other.language === this.language && other.datatype.equals(this.datatype);
  }
}

/** A sink that groups each new quad under its graph and subject. */
class GroupSink extends CountingSink<Term> {
  readonly groups: QuadGroups = new Map();
  #subjects: Map<string, Quad[]> | undefined;

  protected iriTerm(value: string): Term {
    return namedNode(value);
  }

  protected literalKey(value: string, language: string, datatype: string): string {
    return `${language}\u0000${datatype}\u0000${value}`;
  }

  protected literalTerm(_key: string, value: string, language: string, datatype: string): Term {
    return new PlainLiteral(value, language, namedNode(datatype));
  }

  protected blankTerm(term: Term): readonly [string, Term] {
    return [`_:${term.value}`, term];
  }

  protected override graphChanged(): void {
    this.#subjects = undefined;
  }

  protected write(s: number, p: number, o: number): void {
    if (!this.#subjects) {
      let entry = this.groups.get(this.graphIri);
      if (!entry) this.groups.set(this.graphIri, (entry = { graph: this.terms[this.graphId]!, subjects: new Map() }));
      this.#subjects = entry.subjects;
    }
    const subject = this.terms[s]!;
    const q = quad(subject as Quad['subject'], this.terms[p] as Quad['predicate'], this.terms[o] as Quad['object'], this.terms[this.graphId] as Quad['graph']);
    const key = subject.termType === 'BlankNode' ? `_:${subject.value}` : subject.value;
    const list = this.#subjects.get(key);
    if (list) list.push(q);
    else this.#subjects.set(key, [q]);
  }
}

/** Options of {@link writeDatasetJsonLd}. */
export interface DatasetJsonLdOptions extends Omit<DatasetRdfOptions, 'chunkSize'>, JsonLdOptions {}

/**
 * Writes the export of a dataset (its named graphs, the corpora's, and the metadata graph) as one JSON-LD document,
 * expanded or compacted, from the records, yielding the text in chunks. Reads back to the same quads as
 * `writeJsonLd(exportQuads(dataset, options), form)`.
 *
 * @throws {@link UntocKgError} `unknown_graph` when a graph asked for is not in the export (with the nearest names).
 * @example
 * ```ts
 * for (const chunk of writeDatasetJsonLd(kg.dataset, 'compacted')) process.stdout.write(chunk)
 * ```
 */
export function writeDatasetJsonLd(dataset: Dataset, form: JsonLdForm, options: DatasetJsonLdOptions = {}): Generator<string, void, undefined> {
  const keep = options.graphs ? selectGraphs(exportGraphIris(dataset, options.corpora), options.graphs, 'exportQuads') : undefined;
  const sink = new GroupSink(true, keep);
  drainEmission(emitData(dataset, options.corpora, sink));
  sink.graph(graphIri('meta'));
  for (const q of ontologyQuads()) sink.quad(q);
  for (const q of describeStatistics(sink.counter.statistics(), sink.described(), options.description)) sink.quad(q);
  return writeJsonLdGroups(sink.groups, form, options);
}
