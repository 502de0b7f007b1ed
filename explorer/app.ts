/**
 * The explorer's state: the knowledge graph core (with the corpora the server hands over, if any) and the route, kept
 * in the address bar so that every view has a link and the browser's back and forward work.
 *
 * @module
 */
import { loadCore, type KnowledgeGraphCore } from '../src/index.js';
import { buildCorpusLookup } from '../src/lookup/corpus.js';
import type { Corpus } from '../src/model/corpus.js';

/** The views of the page, one per tab. */
export type View = 'ask' | 'browse' | 'see' | 'search';
export const VIEWS: readonly View[] = ['ask', 'browse', 'see', 'search'];

/** Where the page is: the view and its one parameter (a citation, a provision IRI or search text). */
export interface Route {
  readonly view: View;
  readonly value: string;
}

/** The parameter each view keeps in the query string: `?q=…` asks, `?p=…` browses, `?see=…`, `?search=…`. */
const PARAMS: Record<View, string> = { ask: 'q', browse: 'p', see: 'see', search: 'search' };

/** Reads the route from a query string. */
export function routeOf(search: string): Route {
  const params = new URLSearchParams(search);
  for (const view of VIEWS) {
    const value = params.get(PARAMS[view]);
    if (value !== null) return { view, value };
  }
  const view = params.get('view');
  return { view: VIEWS.find((v) => v === view) ?? 'ask', value: '' };
}

/** The query string of a route (`?q=art.%2027`). */
export function hrefOf(route: Route): string {
  if (route.value === '') return route.view === 'ask' ? '?' : `?view=${route.view}`;
  return `?${PARAMS[route.view]}=${encodeURIComponent(route.value)}`;
}

/** The graph core the page queries, with the corpora the server serves at `corpus.json` (none when it has none). */
export async function loadExplorerCore(): Promise<{ kg: KnowledgeGraphCore; corpora: readonly Corpus[] }> {
  const core = loadCore();
  let corpora: Corpus[] = [];
  try {
    const response = await fetch('corpus.json', { headers: { accept: 'application/json' } });
    if (response.ok) corpora = (await response.json()) as Corpus[];
  } catch {
    // Opened as plain files, or a static server without a corpus: the page works without one.
  }
  if (!Array.isArray(corpora) || corpora.length === 0) return { kg: core, corpora: [] };
  return { kg: { ...core, corpus: buildCorpusLookup(core.index, corpora) }, corpora };
}
