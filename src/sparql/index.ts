/**
 * `untoc-kg/sparql`: SPARQL over the knowledge graph, for research. It needs the optional peer dependency
 * `oxigraph` (`npm install oxigraph`), which is loaded only when a query runs; the typed queries of the core never
 * use it. Values go into query text through {@link sparqlValue} or the {@link sparqlQuery} tag, never by string
 * concatenation.
 *
 * @packageDocumentation
 */
export { sparql } from './run.js';
export type { SparqlBinding, SparqlOptions, SparqlResult, SparqlSource } from './run.js';
export { sparqlQuery, sparqlValue } from './escape.js';
export type { SparqlValue } from './escape.js';
