/**
 * The explorer page's entry: loads the graph core (and the server's corpora, if any), then renders the view the
 * address bar names, again on every move and on the browser's back and forward.
 *
 * @module
 */
import { hrefOf, loadExplorerCore, routeOf, VIEWS, type Route, type View } from './app.js';
import { renderAsk } from './ask.js';
import { renderBrowse } from './browse.js';
import { fill, h } from './dom.js';
import { renderSearch } from './find.js';
import { link, type Navigate } from './links.js';
import { renderSee } from './see.js';

const TITLES: Record<View, string> = { ask: 'Ask', browse: 'Browse', see: 'See', search: 'Search' };

async function start(): Promise<void> {
  const { kg, corpora } = await loadExplorerCore();
  const main = document.getElementById('main')!;
  const nav = document.getElementById('views')!;
  const corpus = document.getElementById('corpus')!;
  if (corpora.length > 0) fill(corpus, `Corpus: ${corpora.map((c) => `${c.title}${c.synthetic ? ' (synthetic)' : ''}`).join('; ')}`);

  const render = (route: Route, focus: boolean) => {
    fill(nav, VIEWS.map((v) => link(navigate, { view: v, value: v === route.view ? route.value : '' }, TITLES[v], v === route.view ? { 'aria-current': 'page' } : {})));
    const renderers = { ask: renderAsk, browse: renderBrowse, see: renderSee, search: renderSearch } as const;
    renderers[route.view](main, kg, route.value, navigate);
    document.title = `${TITLES[route.view]}${route.value ? `: ${route.value}` : ''} · untoc-kg explorer`;
    document.body.dataset['view'] = route.view;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) heading.tabIndex = -1;
    if (focus) heading?.focus();
  };
  const navigate: Navigate = (route) => {
    const href = hrefOf(route);
    if (href !== location.search || route.value !== routeOf(location.search).value) history.pushState(null, '', href === '?' ? location.pathname : href);
    render(route, true);
  };
  window.addEventListener('popstate', () => render(routeOf(location.search), true));
  render(routeOf(location.search), false);
  document.body.dataset['ready'] = 'true';
}

void start().catch((error: unknown) => {
  const main = document.getElementById('main');
  if (main) fill(main, h('p', { class: 'problem', role: 'alert' }, `The explorer could not start: ${error instanceof Error ? error.message : String(error)}`));
});
