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
import { NEW_QUAD, NEW_TRIPLE, StatisticsCounter } from '../rdf/describe.js';
import type { TripleSink } from '../rdf/sink.js';
import { XSD } from '../vocab/terms.js';

/** A sink that counts, drops duplicates and hands new quads to {@link CountingSink.write} as term ids. */
export abstract class CountingSink<T> implements TripleSink {
  readonly counter = new StatisticsCounter();
  /** Each term in the writer's form, by id. */
  protected readonly terms: T[] = [];
  readonly #iris = new Map<string, number>();
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

  constructor(byGraph: boolean, keep: ReadonlySet<string> | undefined) {
    this.#byGraph = byGraph;
    this.#keep = keep;
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

  iri(s: string, p: string, o: string): void {
    this.#add(this.#subjectId(s), this.iriId(p), this.iriId(o), p, o);
  }

  text(s: string, p: string, o: string, language?: string): void {
    this.#add(this.#subjectId(s), this.iriId(p), this.#literal(o, language ?? '', XSD.string), p, o);
  }

  typed(s: string, p: string, value: string, datatype: string): void {
    this.#add(this.#subjectId(s), this.iriId(p), this.#literal(value, '', datatype), p, value);
  }

  /** Any quad, in the current graph (the ontology's have blank nodes). */
  quad(q: Quad): void {
    const id = (term: Term) =>
      term.termType === 'NamedNode' ? this.iriId(term.value) : term.termType === 'Literal' ? this.#literal(term.value, term.language, term.datatype.value) : this.#blank(term);
    this.#add(id(q.subject), this.iriId(q.predicate.value), id(q.object), q.predicate.value, q.object.value);
  }

  #add(s: number, p: number, o: number, predicate: string, object: string): void {
    const fresh = this.counter.add(s, p, o, this.graphId, predicate, object, this.graphIri);
    if (!this.#writing) return;
    if (this.#byGraph ? (fresh & NEW_QUAD) === 0 : (this.#written ? this.#written.add(s, p, o, -1, predicate, object, '') : fresh & NEW_TRIPLE) === 0) return;
    this.write(s, p, o);
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
