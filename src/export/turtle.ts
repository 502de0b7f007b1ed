/**
 * Turtle export: the graph's triples with the project's prefixes, grouped by subject. Pure: returns a string.
 *
 * @module
 */
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { PREFIXES } from '../vocab/terms.js';

/** Compares quads by subject, then predicate, then object, so the writer groups them. */
function byTerms(a: Quad, b: Quad): number {
  return a.subject.value < b.subject.value ? -1 : a.subject.value > b.subject.value ? 1 : a.predicate.value < b.predicate.value ? -1 : a.predicate.value > b.predicate.value ? 1 : a.object.value < b.object.value ? -1 : a.object.value > b.object.value ? 1 : 0;
}

/**
 * Writes quads as Turtle (named graphs are dropped: Turtle holds one graph).
 *
 * @example
 * ```ts
 * toTurtle(kg.store.getQuads(null, null, null, null))
 * ```
 */
export function toTurtle(quads: Iterable<Quad>): string {
  const sorted = [...quads].sort(byTerms);
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  for (const q of sorted) writer.addQuad(q.subject, q.predicate, q.object);
  let result = '';
  writer.end((error, output) => {
    if (error) throw error;
    result = output;
  });
  return result;
}
