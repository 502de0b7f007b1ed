/**
 * Publishing to a SPARQL 1.1 store: every named graph of the export, with the same IRIs, loaded in batches into a new
 * temporary graph of the store, then swapped in for the published one by a single SPARQL Update request (`MOVE` per
 * graph), so a reader sees the previous version or the new one, never a half-written graph. A failure part-way drops
 * the temporary graphs, leaves every published graph as it was and says what was sent.
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import { randomBytes } from 'node:crypto';
import { UntocKgError } from '../errors.js';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { exportQuads } from '../rdf/graphs.js';
import { sparqlValue } from '../sparql/escape.js';
import { endpointUrl, graphStorePost, update, type Credentials, type Endpoint } from './client.js';

/** How far a publication has come: sent so far of the total triples, and the graph being loaded. */
export interface PublishProgress {
  readonly graph: string;
  readonly sent: number;
  readonly total: number;
}

/** Options of {@link publish} and {@link publishQuads}. */
export interface PublishOptions {
  /** The SPARQL endpoint that takes updates (Virtuoso: `http://host:8890/sparql-auth`). */
  readonly endpoint: string;
  /** The Graph Store HTTP Protocol endpoint; when given, data goes there, and only the swap uses SPARQL Update. */
  readonly graphStore?: string;
  /** From `readCredentials` (environment variables or a file); never from a command line. */
  readonly credentials?: Credentials;
  /** Only these graphs of the export (by name, kind or IRI, as `exportQuads` takes them). Default: all. */
  readonly graphs?: readonly string[];
  /**
   * Triples per request. Default 1000 with SPARQL Update (Virtuoso refuses an `INSERT DATA` of a few thousand
   * triples), 20000 with the Graph Store Protocol.
   */
  readonly batchSize?: number;
  /** Called after each batch. */
  readonly onProgress?: (progress: PublishProgress) => void;
}

/** What {@link publish} did. */
export interface PublishResult {
  /** Each graph published, with its number of triples. */
  readonly graphs: readonly { readonly graph: string; readonly triples: number }[];
  readonly triples: number;
  readonly requests: number;
}

/** A term as N-Triples / SPARQL text; blank nodes keep a label local to the publication. */
function termText(term: Term, blanks: string): string {
  return term.termType === 'BlankNode' ? `_:${blanks}${term.value.replace(/[^A-Za-z0-9_]/g, '_')}` : sparqlValue(term);
}

/** The quads grouped by graph IRI (quads in the default graph are refused: every exported quad has a graph). */
function byGraph(quads: Iterable<Quad>): Map<string, Quad[]> {
  const out = new Map<string, Quad[]>();
  for (const q of quads) {
    if (q.graph.termType !== 'NamedNode') {
      throw new UntocKgError('invalid_input', 'publish', 'every quad must be in a named graph; found one in the default graph', { value: q.subject.value });
    }
    let list = out.get(q.graph.value);
    if (!list) out.set(q.graph.value, (list = []));
    list.push(q);
  }
  return out;
}

/**
 * Publishes quads (each in its named graph) to a store, replacing each graph as a whole.
 *
 * @throws {@link UntocKgError} `publish_incomplete` when a request fails part-way (what was sent is in the message
 *   and in `value`; the published graphs are unchanged); `remote_unreachable`, `remote_credentials` before anything
 *   was sent; `invalid_input` for a bad endpoint or batch size.
 * @example
 * ```ts
 * await publishQuads(exportQuads(kg.dataset), { endpoint: 'http://127.0.0.1:8890/sparql-auth', credentials })
 * ```
 */
export async function publishQuads(quads: Iterable<Quad>, options: PublishOptions): Promise<PublishResult> {
  const operation = 'publish';
  const endpoint: Endpoint = {
    query: endpointUrl(operation, options.endpoint),
    ...(options.graphStore !== undefined && { graphStore: endpointUrl(operation, options.graphStore, 'graphStore') }),
    ...(options.credentials && { credentials: options.credentials }),
  };
  const batchSize = options.batchSize ?? (endpoint.graphStore ? 20_000 : 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UntocKgError('invalid_input', operation, `batchSize must be a positive integer; got ${String(batchSize).slice(0, 40)}`, { value: batchSize });
  const graphs = byGraph(quads);
  const total = [...graphs.values()].reduce((n, list) => n + list.length, 0);
  const nonce = randomBytes(6).toString('hex');
  const temporary = (graph: string) => `${graph}${graph.includes('?') ? '&' : '?'}publishing=${nonce}`;
  const blanks = `b${nonce}`;
  let sent = 0;
  let requests = 0;
  const loaded: string[] = [];
  let current = '';
  try {
    for (const [graph, list] of graphs) {
      current = graph;
      const temp = temporary(graph);
      await update(operation, endpoint, `DROP SILENT GRAPH ${sparqlValue({ iri: temp })}`);
      requests++;
      loaded.push(temp);
      for (let i = 0; i < list.length; i += batchSize) {
        const lines = list.slice(i, i + batchSize).map((q) => `${termText(q.subject, blanks)} ${termText(q.predicate, blanks)} ${termText(q.object, blanks)} .`);
        if (endpoint.graphStore) await graphStorePost(operation, endpoint, temp, `${lines.join('\n')}\n`);
        else await update(operation, endpoint, `INSERT DATA { GRAPH ${sparqlValue({ iri: temp })} {\n${lines.join('\n')}\n} }`);
        requests++;
        sent += lines.length;
        options.onProgress?.({ graph, sent, total });
      }
    }
    current = '';
    // One request swaps every graph: the store applies it as one transaction.
    const swap = [...graphs.keys()].map((graph) => `MOVE SILENT GRAPH ${sparqlValue({ iri: temporary(graph) })} TO GRAPH ${sparqlValue({ iri: graph })}`);
    if (swap.length > 0) await update(operation, endpoint, swap.join(' ;\n'));
    requests++;
  } catch (error) {
    await Promise.allSettled(loaded.map((temp) => update(operation, endpoint, `DROP SILENT GRAPH ${sparqlValue({ iri: temp })}`)));
    // Nothing sent yet (the store refused or did not answer the first request): that error says it all.
    if (sent === 0 && error instanceof UntocKgError) throw error;
    const cause = error instanceof UntocKgError ? error.message : String(error);
    const stage = current ? `while loading ${current}` : 'while swapping the new graphs in';
    throw new UntocKgError(
      'publish_incomplete',
      operation,
      `failed ${stage}, after sending ${sent} of ${total} triples in ${requests} requests; the published graphs are unchanged and the temporary ones dropped (${cause})`,
      { value: { graph: current || null, sent, total, requests } },
    );
  }
  return { graphs: [...graphs].map(([graph, list]) => ({ graph, triples: list.length })), triples: total, requests };
}

/**
 * Publishes the graph's export (every named graph, or those `options.graphs` names) to a SPARQL 1.1 store, with each
 * research corpus loaded into it (`withCorpora`) in its own named graph `graph/corpus/{id}`.
 *
 * @throws {@link UntocKgError} as {@link publishQuads}; `unknown_graph` for a graph name that selects nothing.
 * @example
 * ```ts
 * import { publish, readCredentials } from 'untoc-kg/remote'
 * await publish(loadGraph(), { endpoint: 'http://127.0.0.1:8890/sparql-auth', credentials: await readCredentials(process.env) })
 * ```
 */
export async function publish(kg: { readonly dataset: Dataset; readonly corpus?: { readonly corpora: readonly Corpus[] } }, options: PublishOptions): Promise<PublishResult> {
  const corpora = kg.corpus?.corpora;
  return publishQuads(exportQuads(kg.dataset, { ...(options.graphs && { graphs: options.graphs }), ...(corpora && corpora.length > 0 && { corpora }) }), options);
}
