/**
 * Research corpora in merged triples (N-Triples, Turtle, or the default graph of any input): without its named graph
 * (`graph/corpus/{id}`), a corpus's records are recognised by what `rdf/corpus.ts` writes for them, quad by quad:
 *
 * - the `ukg:Corpus` node `graph/corpus/{id}` and its sources `graph/corpus/{id}/source/{key}` (the graph's VoID and
 *   service description, which a merged file puts on the same node, is metadata and dropped);
 * - laws, their sections, cases and their charges, all under `doc/{alpha-3}/legislation/…` or `doc/{alpha-3}/case/…`;
 *   their direct links (`eli:implements`, `ukg:applies`) have these as subjects too;
 * - a link node (`link/{hash}`, the same family as the curated links') by its `rdf:subject`: a corpus's links start
 *   at a section or a case. Its quads wait until the `rdf:subject` quad says whose it is (the writer puts it fourth);
 * - a State node (`state/{alpha-3}`) is the curated graph's when a curated record refers to it, and the corpus's when
 *   only corpus records do: both are known only at the end, so the few State nodes wait for it.
 *
 * Everything else goes on to the curated dataset as it comes. One pass, holding only the link nodes not yet placed and
 * the State nodes.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import { UntocKgError } from '../errors.js';
import { BASE_IRI, graphName, kindOfIri } from '../model/ids.js';
import { RDF, SD, VOID } from '../vocab/terms.js';
import { clip } from './clip.js';
import { CorpusNodes } from './corpus-nodes.js';

/** Whether an IRI names a corpus's `ukg:Corpus` node (`graph/corpus/{id}`). */
function isCorpusNode(iri: string): boolean {
  return graphName(iri)?.startsWith('corpus/') === true;
}

/** Whether an IRI names a record only a research corpus has: the corpus, its sources, its laws, sections and cases. */
function isCorpusRecord(iri: string): boolean {
  if (!iri.startsWith(BASE_IRI)) return false;
  // Laws, sections, cases and charges: `legislationIri`, `sectionIri`, `caseIri` and `chargeIri` mint them under doc/.
  if (iri.startsWith('doc/', BASE_IRI.length)) return true;
  if (isCorpusNode(iri)) return true;
  const cut = iri.indexOf('/source/', BASE_IRI.length);
  return cut > 0 && isCorpusNode(iri.slice(0, cut));
}

/** Whether a quad about a corpus node is the description of its named graph (VoID, SPARQL service description). */
function isGraphDescription(q: Quad): boolean {
  const described = (iri: string) => iri.startsWith(VOID.$iri) || iri.startsWith(SD.$iri);
  return described(q.predicate.value) || (q.predicate.value === RDF.type && described(q.object.value));
}

/**
 * Routes the quads of the default graph: a research corpus's records to one {@link CorpusNodes}, the rest to `rest`.
 *
 * @example
 * ```ts
 * const rest: Quad[] = []
 * const merged = new MergedCorpusRouter((q) => rest.push(q))
 * for (const q of await parseRdf(text, 'ntriples')) merged.add(q)
 * const nodes = merged.finish() // the corpus's records, or undefined when there are none
 * ```
 */
export class MergedCorpusRouter {
  /** The corpus records, grouped by subject. */
  readonly #corpus = new CorpusNodes();
  /** Each link node met: its quads while its `rdf:subject` is unknown, then whether it is a corpus's. */
  readonly #links = new Map<string, Quad[] | boolean>();
  /** The quads of each State node, until the end says whose it is. */
  readonly #states = new Map<string, Quad[]>();
  /** The State nodes the curated records refer to, and those the corpus records refer to. */
  readonly #statesOfRest = new Set<string>();
  readonly #statesOfCorpus = new Set<string>();

  constructor(private readonly rest: (q: Quad) => void) {}

  /** Routes one quad of the default graph. */
  add(q: Quad): void {
    if (q.subject.termType !== 'NamedNode') return this.#toRest(q);
    const s = q.subject.value;
    if (isCorpusRecord(s)) {
      if (!(isCorpusNode(s) && isGraphDescription(q))) this.#toCorpus(q);
      return;
    }
    switch (kindOfIri(s)) {
      case 'state': {
        const held = this.#states.get(s);
        if (held) held.push(q);
        else this.#states.set(s, [q]);
        return;
      }
      case 'link':
        return this.#addLink(s, q);
      default:
        return this.#toRest(q);
    }
  }

  /**
   * Places what waited (link nodes without an `rdf:subject` go to the rest, whose shapes report them; each State node
   * to the records that refer to it, the curated ones first) and returns the corpus's records, if there are any.
   *
   * @throws {@link UntocKgError} `rdf_corpus_missing` when corpus records have no `ukg:Corpus` node to belong to;
   *   `rdf_corpus_ambiguous` when there are several corpora, whose laws and cases nothing tells apart.
   */
  finish(): CorpusNodes | undefined {
    for (const [iri, held] of this.#links) if (typeof held !== 'boolean') this.#place(iri, held, false);
    const hasCorpus = this.#corpus.nodes.size > 0;
    for (const [iri, quads] of this.#states) {
      const ofCorpus = hasCorpus && this.#statesOfCorpus.has(iri) && !this.#statesOfRest.has(iri);
      for (const q of quads) (ofCorpus ? this.#corpus.add(q) : this.rest(q));
    }
    this.#states.clear();
    if (!hasCorpus) return undefined;
    const corpora = this.#corpus.corpora;
    if (corpora.length === 0) {
      const first = this.#corpus.nodes.keys().next().value!;
      throw new UntocKgError(
        'rdf_corpus_missing',
        'importRdf',
        `<${clip(first)}> and the other ${this.#corpus.nodes.size - 1} research-corpus records outside any named graph belong to no corpus: the input has no ukg:Corpus node (graph/corpus/{id}) for them; add it, or export with named graphs (N-Quads, TriG or JSON-LD)`,
        { value: clip(first) },
      );
    }
    if (corpora.length > 1) {
      throw new UntocKgError(
        'rdf_corpus_ambiguous',
        'importRdf',
        `the input holds ${corpora.length} research corpora without named graphs (${corpora.slice(0, 3).map((c) => `<${clip(c)}>`).join(', ')}${corpora.length > 3 ? ', …' : ''}); nothing says which laws and cases are whose: export with named graphs (N-Quads, TriG or JSON-LD), or one corpus per file`,
        { value: corpora.slice(0, 10).map((c) => clip(c)), suggestions: ['nquads', 'trig', 'jsonld'] },
      );
    }
    return this.#corpus;
  }

  /** Files a quad of a link node: it waits until the link's `rdf:subject` says whether it is a corpus's. */
  #addLink(iri: string, q: Quad): void {
    const known = this.#links.get(iri);
    if (typeof known === 'boolean') return known ? this.#toCorpus(q) : this.#toRest(q);
    if (q.predicate.value !== RDF.subject) {
      if (known) known.push(q);
      else this.#links.set(iri, [q]);
      return;
    }
    const ofCorpus = q.object.termType === 'NamedNode' && isCorpusRecord(q.object.value);
    this.#place(iri, known ?? [], ofCorpus);
    return ofCorpus ? this.#toCorpus(q) : this.#toRest(q);
  }

  /** Sends a link node's waiting quads where it belongs, and remembers where its later quads go. */
  #place(iri: string, held: readonly Quad[], ofCorpus: boolean): void {
    this.#links.set(iri, ofCorpus);
    for (const q of held) (ofCorpus ? this.#toCorpus(q) : this.#toRest(q));
  }

  #toCorpus(q: Quad): void {
    this.#corpus.add(q);
    if (q.object.termType === 'NamedNode' && kindOfIri(q.object.value) === 'state') this.#statesOfCorpus.add(q.object.value);
  }

  #toRest(q: Quad): void {
    this.rest(q);
    if (q.object.termType === 'NamedNode' && kindOfIri(q.object.value) === 'state') this.#statesOfRest.add(q.object.value);
  }
}
