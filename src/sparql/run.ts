/**
 * SPARQL over the knowledge graph with Oxigraph, an optional peer dependency loaded only when a query runs. The
 * export's quads (named graphs and the metadata graph) are loaded once per dataset into an in-memory store; queries
 * see the union of the graphs as their default graph, and `GRAPH` reaches each named graph. Only queries run: the
 * store is a copy, and updates are refused by the engine.
 *
 * @module
 */
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { isUntocKgError, UntocKgError } from '../errors.js';
import { rdfToString } from '../export/rdf-text.js';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { exportQuads, selectGraphs } from '../rdf/graphs.js';
import { PREFIXES } from '../vocab/terms.js';

/** One bound value, as the SPARQL 1.1 Query Results JSON Format writes it. */
export interface SparqlBinding {
  readonly type: 'uri' | 'literal' | 'bnode' | 'triple';
  readonly value: string;
  readonly 'xml:lang'?: string;
  readonly datatype?: string;
}

/** What a query returns: solutions (SELECT), a truth value (ASK), or triples (CONSTRUCT, DESCRIBE). */
export type SparqlResult =
  | { readonly kind: 'select'; readonly variables: readonly string[]; readonly rows: readonly Readonly<Record<string, SparqlBinding>>[] }
  | { readonly kind: 'ask'; readonly value: boolean }
  | { readonly kind: 'graph'; readonly quads: readonly Quad[] };

/** Options of {@link sparql}. */
export interface SparqlOptions {
  /** Load only these named graphs (names, kinds or IRIs, as `exportQuads` takes them). Default: all. */
  readonly graphs?: readonly string[];
}

/** The part of Oxigraph the library uses. */
interface Engine {
  readonly Store: new () => EngineStore;
}
interface EngineStore {
  load(input: string, options: { format: string }): void;
  query(query: string, options: { use_default_graph_as_union: boolean; results_format?: string }): unknown;
}

let engine: Promise<Engine> | undefined;

/**
 * Loads Oxigraph, once; a missing package is a typed `sparql_unavailable` error. `importer` replaces the import (for
 * tests).
 */
export function loadEngine(importer?: () => Promise<unknown>): Promise<Engine> {
  if (importer) return importEngine(importer);
  return (engine ??= importEngine(() => import('oxigraph')).catch((error: unknown) => {
    engine = undefined;
    throw error;
  }));
}

function importEngine(importer: () => Promise<unknown>): Promise<Engine> {
  return importer().then(
    (module) => ((module as { default?: Engine }).default?.Store ? (module as { default: Engine }).default : (module as Engine)),
    (error: unknown) => {
      throw new UntocKgError(
        'sparql_unavailable',
        'sparql',
        'SPARQL needs the optional peer dependency "oxigraph", which is not installed; install it with: npm install oxigraph',
        { suggestions: ['npm install oxigraph'] },
        { cause: error },
      );
    },
  );
}

/** What a query runs over: a knowledge graph (its export's quads, with its research corpora), or quads. */
export type SparqlSource = { readonly dataset: Dataset; readonly corpus?: { readonly corpora: readonly Corpus[] } } | readonly Quad[];

const stores = new WeakMap<object, Map<string, Promise<EngineStore>>>();

/** The engine's store for a source, loaded once per dataset (or quad array) and graph selection. */
function storeFor(source: SparqlSource, options: SparqlOptions, oxigraph: Engine): Promise<EngineStore> {
  const corpora = 'dataset' in source ? (source.corpus?.corpora ?? []) : [];
  // A graph with corpora has its own store; graphs of the same dataset without corpora share one.
  const owner = 'dataset' in source ? (corpora.length > 0 ? source : source.dataset) : source;
  let byGraphs = stores.get(owner);
  if (!byGraphs) stores.set(owner, (byGraphs = new Map()));
  const key = JSON.stringify(options.graphs ?? null);
  let store = byGraphs.get(key);
  if (!store) {
    store = Promise.resolve().then(() => {
      const quads = 'dataset' in source ? exportQuads(source.dataset, { ...(options.graphs && { graphs: options.graphs }), corpora }) : filterGraphs(source, options.graphs);
      const created = new oxigraph.Store();
      created.load(rdfToString(quads, 'nquads'), { format: 'application/n-quads' });
      return created;
    });
    store.catch(() => byGraphs.delete(key));
    byGraphs.set(key, store);
  }
  return store;
}

function filterGraphs(quads: readonly Quad[], graphs: readonly string[] | undefined): readonly Quad[] {
  if (!graphs) return quads;
  const keep = selectGraphs(new Set(quads.map((q) => q.graph.value)), graphs, 'sparql');
  return quads.filter((q) => keep.has(q.graph.value));
}

/** The project's prefixes as one line of PREFIX declarations (a query's own declarations come after, and win). */
const PROLOGUE = `${Object.entries(PREFIXES).map(([prefix, ns]) => `PREFIX ${prefix}: <${ns}>`).join(' ')}\n`;

const FORM = /^(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i;

/** Oxigraph's message, with line numbers counted in the user's query (not the prologue) and its long lists cut. */
function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const moved = message.replace(/^error at (\d+):(\d+)/, (_, line: string, column: string) => `error at line ${Number(line) - 1}, column ${column}`);
  return moved.length > 240 ? `${moved.slice(0, 240)}…` : moved;
}

/**
 * Runs a SPARQL query over a knowledge graph (the quads of its export: named graphs and metadata), or over quads you
 * give. The store is built once per dataset or quad array and reused. The project's prefixes (`ukg:`, `eli:`, `dcterms:`, `skos:`, …) are
 * declared for you. Put values into query text with {@link sparqlQuery} or {@link sparqlValue}, never by string
 * concatenation.
 *
 * @throws {@link UntocKgError} `sparql_unavailable` when oxigraph is not installed; `sparql_error` for a query the
 *   engine rejects (with the line and column in your query); `empty_query` for a blank one.
 * @example
 * ```ts
 * import { sparql, sparqlQuery } from 'untoc-kg/sparql'
 * const result = await sparql(kg, sparqlQuery`SELECT ?tool WHERE { ?tool ukg:addresses/eli:is_part_of* ${{ iri: art27 }} }`)
 * if (result.kind === 'select') result.rows.map((row) => row.tool.value)
 * ```
 */
export async function sparql(source: SparqlSource, query: string, options: SparqlOptions = {}): Promise<SparqlResult> {
  if (typeof query !== 'string' || query.trim() === '') throw new UntocKgError('empty_query', 'sparql', 'the query is empty', { value: query });
  const oxigraph = await loadEngine();
  const store = await storeFor(source, options, oxigraph);
  const form = FORM.exec(query)?.[1]?.toUpperCase();
  const text = PROLOGUE + query;
  try {
    if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
      const triples = store.query(text, { use_default_graph_as_union: true, results_format: 'application/n-triples' }) as string;
      return { kind: 'graph', quads: new Parser({ format: 'N-Triples' }).parse(triples) as Quad[] };
    }
    const json = JSON.parse(store.query(text, { use_default_graph_as_union: true, results_format: 'application/sparql-results+json' }) as string) as {
      head: { vars?: string[] };
      boolean?: boolean;
      results?: { bindings: Record<string, SparqlBinding>[] };
    };
    if (typeof json.boolean === 'boolean') return { kind: 'ask', value: json.boolean };
    return { kind: 'select', variables: json.head.vars ?? [], rows: json.results?.bindings ?? [] };
  } catch (error) {
    if (isUntocKgError(error)) throw error;
    throw new UntocKgError('sparql_error', 'sparql', `the query was rejected: ${engineMessage(error)}`, { value: query }, { cause: error });
  }
}
