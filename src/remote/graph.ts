/**
 * `remoteGraph`: the typed questions asked of a SPARQL 1.1 store the graph was published to. The store says which
 * facts hold (the qualified links touching the provision asked about, found through the store's own `eli:is_part_of`
 * hierarchy, and the nodes whose labels hold the words searched for); the library's own dataset (the bundled one, or
 * the one given) names the provisions and tools, resolves citations with their suggestions, and shapes the answer with
 * the same code as the local queries, so the results have exactly the local shapes.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import { bundledDataset } from '../bundled.js';
import { loadCore, type KnowledgeGraphCore } from '../core.js';
import { linkLookup } from '../lookup/build.js';
import { UntocKgError } from '../errors.js';
import type { Dataset, LinkRecord } from '../model/dataset.js';
import type { ProvisionId, SourceId } from '../model/ids.js';
import { buildCorpusLookup } from '../lookup/corpus.js';
import { coverage, documentsAddressing, type CoverageResult, type DocumentsAddressingOptions, type DocumentsAddressingResult } from '../query/documents.js';
import { provisionInput } from '../query/inputs.js';
import { provision, type ProvisionDetails } from '../query/provisions.js';
import { normalizeForSearch, search, type SearchHit, type SearchOptions } from '../query/search.js';
import { toolsAddressing, type ToolsAddressingOptions, type ToolsAddressingResult } from '../query/tools.js';
import { sparqlValue } from '../sparql/escape.js';
import { endpointUrl, select, type Credentials, type Endpoint } from './client.js';
import { corpusStates, fetchCorpora, type CorpusFilter } from './corpus.js';
import { fetchLinks, linksToQuery, neighbourhoodQuery, nodesOf } from './links.js';

/** Options of {@link remoteGraph}. */
export interface RemoteGraphOptions {
  /** The dataset that was published (default: the bundled one): it names what the store's facts refer to. */
  readonly dataset?: Dataset;
  /** From `readCredentials`, for a store that wants them for queries too. */
  readonly credentials?: Credentials;
}

/** Options of {@link RemoteGraph.coverage}, as the local `coverage` takes them. */
export type CoverageOptions = NonNullable<Parameters<typeof coverage>[2]>;

/** The typed questions, asked of a store. Each returns what the local query of the same name returns. */
export interface RemoteGraph {
  /** The SPARQL endpoint asked. */
  readonly endpoint: string;
  /** As the local `toolsAddressing`; the evidence of one result is in link IRI order (a store keeps no order). */
  toolsAddressing(provision: string, options?: ToolsAddressingOptions): Promise<ToolsAddressingResult>;
  /** As the local `provision`; evidence and the themes of one node in link IRI order. */
  provision(ref: string, options?: { readonly context?: CitationContext }): Promise<ProvisionDetails>;
  /**
   * As the local `documentsAddressing`, over the research corpora published to the store; the evidence of one result
   * comes in link IRI order (stated links before those found in the text), as the store keeps no order.
   */
  documentsAddressing(provision: string, options?: DocumentsAddressingOptions): Promise<DocumentsAddressingResult>;
  /** As the local `coverage`, over the research corpora published to the store (default columns: every State in them). */
  coverage(provision: string, options?: CoverageOptions): Promise<CoverageResult>;
  /** As the local `search`, over the nodes that have a literal in the store holding one of the words. */
  search(text: string, options?: SearchOptions): Promise<SearchHit[]>;
}

/**
 * The typed questions asked of a SPARQL 1.1 store that holds the published graph (see `publish`).
 *
 * @param endpoint - the store's SPARQL query endpoint (Virtuoso: `http://host:8890/sparql`).
 * @throws {@link UntocKgError} `invalid_input` for an endpoint that is not an http(s) URL; each question throws
 *   what the local one throws, plus `remote_unreachable`, `remote_credentials` and `remote_error` from the store.
 * @example
 * ```ts
 * import { remoteGraph } from 'untoc-kg/remote'
 * const store = remoteGraph('http://127.0.0.1:8890/sparql')
 * const { results } = await store.toolsAddressing('art. 27 para. 1(e)')
 * ```
 */
export function remoteGraph(endpoint: string, options: RemoteGraphOptions = {}): RemoteGraph {
  const target: Endpoint = { query: endpointUrl('remoteGraph', endpoint), ...(options.credentials && { credentials: options.credentials }) };
  const dataset = options.dataset ?? bundledDataset();
  const skeleton: Dataset = { ...dataset, links: [] };
  const core = loadCore(skeleton);
  const nodes = nodesOf(dataset);
  const sources = new Map<string, SourceId>(dataset.sources.map((s) => [s.iri, s.id]));
  // The links of the store, with the dataset's records: the graph each answer is shaped from.
  const withLinks = (links: readonly LinkRecord[]): KnowledgeGraphCore => ({ dataset: { ...skeleton, links }, index: { ...core.index, ...linkLookup(core.index, links) } });
  const around = async (operation: string, ref: string, context: CitationContext | undefined) => {
    const id = provisionInput(core, operation, ref, context);
    return fetchLinks(operation, target, nodes, sources, neighbourhoodQuery(id));
  };

  // The graph a corpus question is shaped from: the dataset's records and the store's corpora, as far as it needs them.
  const withCorpora = async (operation: string, filter: CorpusFilter): Promise<KnowledgeGraphCore> => ({
    ...core,
    corpus: buildCorpusLookup(core.index, await fetchCorpora(operation, target, core, filter)),
  });
  // A provision, what encloses it and what lies inside it: every node a corpus link may reach the answer through.
  const reachOf = (id: ProvisionId) => [id, ...core.index.ancestorsOf(id).map((a) => a.id), ...core.index.descendantsOf(id)];

  return {
    endpoint: target.query,
    async documentsAddressing(ref, queryOptions = {}) {
      // The local query checks the input and options first (same errors, before any request), on no corpus.
      const { provision: view } = documentsAddressing(core, ref, queryOptions);
      const states = queryOptions.state === undefined ? undefined : typeof queryOptions.state === 'string' ? queryOptions.state.split(',') : queryOptions.state;
      const kg = await withCorpora('documentsAddressing', { targets: reachOf(view.iri), ...(queryOptions.kinds && { kinds: queryOptions.kinds }), ...(states && { states }) });
      return documentsAddressing(kg, ref, queryOptions);
    },
    async coverage(ref, coverageOptions = {}) {
      const operation = 'coverage';
      const { provision: view } = coverage(core, ref, coverageOptions);
      const given = coverageOptions.states === undefined ? undefined : typeof coverageOptions.states === 'string' ? coverageOptions.states.split(',') : coverageOptions.states;
      const states = given ?? (await corpusStates(operation, target));
      const kg = await withCorpora(operation, { targets: reachOf(view.iri), states });
      return coverage(kg, ref, { ...coverageOptions, states });
    },
    async toolsAddressing(ref, queryOptions = {}) {
      const operation = 'toolsAddressing';
      let links = await around(operation, ref, queryOptions.context);
      if (queryOptions.match?.includes('related')) {
        // What a cross-reference reaches is addressed by links outside the neighbourhood: ask for those too.
        const reached = [...new Set(links.filter((l) => l.property === 'cites').flatMap((l) => [l.from, l.to]))];
        if (reached.length > 0) {
          const known = new Set(links.map((l) => l.id));
          const more = await fetchLinks(operation, target, nodes, sources, linksToQuery(reached));
          links = [...links, ...more.filter((l) => !known.has(l.id))];
        }
      }
      return toolsAddressing(withLinks(links), ref, queryOptions);
    },
    async provision(ref, queryOptions = {}) {
      return provision(withLinks(await around('provision', ref, queryOptions.context)), ref, queryOptions);
    },
    async search(text, searchOptions = {}) {
      const operation = 'search';
      // The local search checks the text and options first, and shapes the hits; the store says which nodes match.
      const all = search(core, text, { ...searchOptions, limit: Number.MAX_SAFE_INTEGER });
      const words = [...new Set(normalizeForSearch(text).split(' ').filter((w) => w.length > 0))];
      if (searchOptions.limit !== undefined && (!Number.isInteger(searchOptions.limit) || searchOptions.limit < 1)) {
        throw new UntocKgError('invalid_input', operation, `limit must be a positive integer, got ${String(searchOptions.limit)}`, { value: searchOptions.limit });
      }
      const matching = new Set((await select(operation, target, searchQuery(words))).map((row) => row.node!));
      const cited = all.filter((h) => h.field === 'citation');
      // A paragraph shows its article's heading: it matches when what encloses it does.
      const matches = (iri: string) => {
        const id = core.index.provisions.get(iri)?.id;
        return matching.has(iri) || (id !== undefined && core.index.ancestorsOf(id).some((a) => matching.has(a.id)));
      };
      return [...cited, ...all.filter((h) => h.field !== 'citation' && matches(h.iri))].slice(0, searchOptions.limit ?? 20);
    },
  };
}

/** The SPARQL that finds the nodes with a literal (label, title, summary, notation…) holding one of `words`. */
export function searchQuery(words: readonly string[]): string {
  const tests = words.map((w) => `CONTAINS(LCASE(STR(?text)), ${sparqlValue(w)})`).join(' || ');
  return `SELECT DISTINCT ?node WHERE {
  ?node ?property ?text .
  FILTER (isIRI(?node) && isLiteral(?text) && (${tests || 'false'}))
}`;
}
