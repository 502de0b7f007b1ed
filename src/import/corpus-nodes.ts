/**
 * The quads of a research corpus's named graph, grouped by subject as they are read ({@link CorpusNodes}), so that
 * `importRdf` keeps, per quad, only its predicate and object under its subject: no array of every quad, and no second
 * pass to split the corpora from the rest.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import { RDF, UKG } from '../vocab/terms.js';
import type { Node } from './corpus-links.js';

/** Files a quad under its subject's node (made at its first quad, which gives the node its `line`). */
export function addToNode(nodes: Map<string, Node>, q: Quad, line: number): void {
  let node = nodes.get(q.subject.value);
  if (!node) nodes.set(q.subject.value, (node = { iri: q.subject.value, line, values: new Map(), types: new Set() }));
  if (q.predicate.value === RDF.type) node.types.add(q.object.value);
  else {
    const list = node.values.get(q.predicate.value);
    if (list) list.push(q.object);
    else node.values.set(q.predicate.value, [q.object]);
  }
}

/**
 * The quads of one named graph (a corpus's), grouped by subject as they come; each node's `line` is the position of
 * its first quad among the graph's quads, as `corpusFromQuads` counts it over the same quads. Without a graph, the
 * quads are the records of one corpus that its routing found outside any named graph (`MergedCorpusRouter`).
 *
 * @example
 * ```ts
 * const nodes = new CorpusNodes('https://w3id.org/untoc-kg/graph/corpus/example')
 * for (const q of quads) nodes.add(q)
 * corpusFromNodes(kg, nodes)
 * ```
 */
export class CorpusNodes {
  /** The subjects, in the order they first appear. */
  readonly nodes = new Map<string, Node>();
  /** The subjects typed `ukg:Corpus`, each once, in the order they first appear. */
  readonly corpora: string[] = [];
  readonly #corpora = new Set<string>();
  #count = 0;

  constructor(readonly graph?: string) {}

  /** Files one quad of the graph. */
  add(q: Quad): void {
    addToNode(this.nodes, q, ++this.#count);
    if (q.predicate.value === RDF.type && q.object.value === UKG.Corpus && !this.#corpora.has(q.subject.value)) {
      this.#corpora.add(q.subject.value);
      this.corpora.push(q.subject.value);
    }
  }
}
