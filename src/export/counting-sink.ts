/**
 * The base of the writers that go straight from the dataset to text: a sink that gives each term an id, counts each
 * quad for the VoID description ({@link StatisticsCounter}), drops a quad (or, in formats without graphs, a triple)
 * given twice, skips the graphs not selected, and hands each new one to the writer as term ids. Each term is made
 * once, in the writer's own form (its text, or a term object), and kept by id.
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import { graphIri } from '../model/ids.js';
import { NEW_QUAD, NEW_TRIPLE, StatisticsCounter, type Statistics } from '../rdf/describe.js';
import type { TripleSink } from '../rdf/sink.js';
import { XSD } from '../vocab/terms.js';

/** What the description needs of the quads counted: its figures, which terms are subjects, the named graphs. */
export interface Tally {
  statistics(): Statistics;
  isSubject(id: number): boolean;
  /** The named graphs, by id, with their IRIs and counts of distinct quads, in first-appearance order. */
  readonly graphs: ReadonlyMap<number, { readonly iri: string; readonly count: number }>;
}

/**
 * A sink that counts, drops duplicates and hands new quads to {@link CountingSink.write} as term ids. A writer that
 * keeps every quad anyway (JSON-LD without a selection of graphs) can be handed every quad instead (`counted`
 * false), and then drops duplicates and counts itself ({@link CountingSink.tally}).
 */
export abstract class CountingSink<T> implements TripleSink {
  readonly counter = new StatisticsCounter();
  /** Each term in the writer's form, by id. */
  protected readonly terms: T[] = [];
  readonly #iris = new Map<string, number>();
  readonly #predicates = new Map<string, number>();
  /** Plain literals by their text; language-tagged ones by language, then text; typed ones by datatype, then text. */
  readonly #plain = new Map<string, number>();
  readonly #tagged = new Map<string, Map<string, number>>();
  readonly #typed = new Map<string, Map<string, number>>();
  /** Blank nodes, by their key. */
  readonly #blanks = new Map<string, number>();
  readonly #byGraph: boolean;
  /** The graphs to write (undefined: all); with a selection, merged formats keep their own table of written triples. */
  readonly #keep: ReadonlySet<string> | undefined;
  readonly #written: StatisticsCounter | undefined;
  /** The current graph's id (-1: the default graph) and IRI. */
  protected graphId = -1;
  protected graphIri = '';
  #writing = true;
  #lastSubject: string | undefined = undefined;
  #lastSubjectId = -1;

  readonly #counted: boolean;

  constructor(byGraph: boolean, keep: ReadonlySet<string> | undefined, counted = true) {
    this.#byGraph = byGraph;
    this.#keep = keep;
    this.#counted = counted || keep !== undefined;
    this.#written = keep && !byGraph ? new StatisticsCounter() : undefined;
  }

  /** An IRI in the writer's form. */
  protected abstract iriTerm(value: string): T;
  /** A literal in the writer's form (made once per literal: its text, its language or else its datatype). */
  protected abstract literalTerm(value: string, language: string, datatype: string): T;
  /** A blank node's key and form. */
  protected abstract blankTerm(term: Term): readonly [string, T];
  /** Writes a new quad (or triple) of the current graph. */
  protected abstract write(s: number, p: number, o: number): void;
  /** Told when the current graph changes. */
  protected graphChanged(): void {}

  /** The id of an IRI. */
  protected iriId(value: string): number {
    let id = this.#iris.get(value);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(this.iriTerm(value));
      this.#iris.set(value, id);
    }
    return id;
  }

  #literal(value: string, language: string, datatype: string): number {
    // Keyed by the text itself (no key string made per literal): a record's texts are hashed once.
    let table = this.#plain;
    if (language) {
      let byLanguage = this.#tagged.get(language);
      if (!byLanguage) this.#tagged.set(language, (byLanguage = new Map()));
      table = byLanguage;
    } else if (datatype !== XSD.string) {
      let byDatatype = this.#typed.get(datatype);
      if (!byDatatype) this.#typed.set(datatype, (byDatatype = new Map()));
      table = byDatatype;
    }
    let id = table.get(value);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(this.literalTerm(value, language, datatype));
      table.set(value, id);
    }
    return id;
  }

  #blank(term: Term): number {
    const [key, form] = this.blankTerm(term);
    let id = this.#blanks.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(form);
      this.#blanks.set(key, id);
    }
    return id;
  }

  graph(iri: string): void {
    if (iri === this.graphIri) return;
    this.graphId = this.iriId(iri);
    this.graphIri = iri;
    this.#writing = !this.#keep || this.#keep.has(iri);
    this.graphChanged();
  }

  /** The id of a subject: the emitters send a record's triples together, so the last one is kept at hand. */
  #subjectId(s: string): number {
    if (s !== this.#lastSubject) {
      this.#lastSubject = s;
      this.#lastSubjectId = this.iriId(s);
    }
    return this.#lastSubjectId;
  }

  /** The id of a predicate, from a table of its own: a few hundred IRIs, asked for with every triple. */
  #predicateId(p: string): number {
    let id = this.#predicates.get(p);
    if (id === undefined) this.#predicates.set(p, (id = this.iriId(p)));
    return id;
  }

  iri(s: string, p: string, o: string): void {
    this.#add(this.#subjectId(s), this.#predicateId(p), this.iriId(o), p, o);
  }

  text(s: string, p: string, o: string, language?: string): void {
    this.#add(this.#subjectId(s), this.#predicateId(p), this.#literal(o, language ?? '', XSD.string), p, o);
  }

  typed(s: string, p: string, value: string, datatype: string): void {
    this.#add(this.#subjectId(s), this.#predicateId(p), this.#literal(value, '', datatype), p, value);
  }

  /** Any quad, in the current graph (the ontology's have blank nodes). */
  quad(q: Quad): void {
    const id = (term: Term) =>
      term.termType === 'NamedNode' ? this.iriId(term.value) : term.termType === 'Literal' ? this.#literal(term.value, term.language, term.datatype.value) : this.#blank(term);
    this.#add(id(q.subject), this.iriId(q.predicate.value), id(q.object), q.predicate.value, q.object.value);
  }

  #add(s: number, p: number, o: number, predicate: string, object: string): void {
    if (!this.#counted) {
      this.write(s, p, o);
      return;
    }
    const fresh = this.counter.add(s, p, o, this.graphId, predicate, object, this.graphIri);
    if (!this.#writing) return;
    if (this.#byGraph ? (fresh & NEW_QUAD) === 0 : (this.#written ? this.#written.add(s, p, o, -1, predicate, object, '') : fresh & NEW_TRIPLE) === 0) return;
    this.write(s, p, o);
  }

  /** What has been counted: by the sink's counter, or by the writer when it is handed every quad. */
  protected tally(): Tally {
    return this.counter;
  }

  /** The figures of the description of what has been given so far. */
  statistics(): Statistics {
    return this.tally().statistics();
  }

  /** The graph IRIs of the data that are also subjects of it (a snapshot, a corpus), and the metadata graph's. */
  described(): Set<string> {
    const tally = this.tally();
    const out = new Set<string>();
    for (const [id, { iri }] of tally.graphs) if (tally.isSubject(id)) out.add(iri);
    const meta = this.#iris.get(graphIri('meta'));
    if (meta !== undefined && tally.isSubject(meta)) out.add(graphIri('meta'));
    return out;
  }
}
