/**
 * Turtle export: the graph's triples with the project's prefixes, grouped by subject. Pure: returns a string. For
 * large graphs and the other RDF formats, {@link writeRdf} streams the text in chunks.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import { rdfToString } from './rdf-text.js';

/**
 * Writes quads as Turtle (named graphs are merged: Turtle holds one graph).
 *
 * @example
 * ```ts
 * toTurtle(kg.store.getQuads(null, null, null, null))
 * ```
 */
export function toTurtle(quads: Iterable<Quad>): string {
  return rdfToString(quads, 'turtle');
}
