/**
 * See: a provision's neighbourhood drawn with sigma.js and laid out with ForceAtlas2 (click a node to move there),
 * with a list of the same nodes for keyboards and screen readers; and, with a corpus loaded, the coverage of the
 * provision by each State's laws as a heat map (States × provisions) and the documents that implement or apply it.
 *
 * @module
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { buildGraph } from '../src/graph/build.js';
import { isUntocKgError, provision, type KnowledgeGraphCore, type NetworkGraph } from '../src/index.js';
import { coverage, documentsAddressing } from '../src/query/documents.js';
import { fill, h } from './dom.js';
import { link, type Navigate } from './links.js';
import { KIND_COLOURS, neighbourhood, type NeighbourAttributes, type NeighbourKind } from './neighbourhood.js';

let network: NetworkGraph | undefined;
let renderer: Sigma<NeighbourAttributes> | undefined;

/** The provision shown when See is opened without one. */
const DEFAULT_PROVISION = 'SOM Protocol art. 6';

function legend(): HTMLElement {
  return h('ul', { class: 'legend', 'aria-label': 'Colours by kind' }, (Object.keys(KIND_COLOURS) as NeighbourKind[]).map((k) => h('li', {}, h('span', { class: 'swatch', style: `background:${KIND_COLOURS[k]}`, 'aria-hidden': 'true' }), k)));
}

/** Draws the neighbourhood of `iri` into a new container; returns the container (the drawing starts once attached). */
function graphView(kg: KnowledgeGraphCore, iri: string, navigate: Navigate): HTMLElement {
  network ??= buildGraph(kg.dataset);
  const graph = neighbourhood(kg, network, iri);
  if (graph.order > 1) forceAtlas2.assign(graph, { iterations: 150, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: false } });
  const kinds = new Map<string, number>();
  graph.forEachNode((_node, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  const canvas = h('div', {
    id: 'graph',
    class: 'graph',
    role: 'img',
    'aria-label': `Graph of ${graph.order} nodes around the provision; the list below holds the same nodes`,
    'data-nodes': graph.order,
    'data-edges': graph.size,
    'data-tools': kinds.get('tool') ?? 0,
  });
  const nodes = h(
    'ul',
    { class: 'nodes', 'aria-label': 'Nodes of the graph' },
    graph.mapNodes((node, a) =>
      h('li', { 'data-kind': a.kind }, h('span', { class: 'swatch', style: `background:${a.color}`, 'aria-hidden': 'true' }), ' ', a.kind === 'provision' || a.kind === 'focus' ? link(navigate, { view: 'see', value: node }, a.label) : a.label, h('span', { class: 'kind' }, ` (${a.kind})`)),
    ),
  );
  queueMicrotask(() => {
    renderer?.kill();
    renderer = undefined;
    try {
      const sigma = new Sigma(graph, canvas, { renderEdgeLabels: false, labelRenderedSizeThreshold: 6 });
      renderer = sigma;
      sigma.on('clickNode', ({ node }) => {
        const kind = graph.getNodeAttribute(node, 'kind');
        if (kind === 'provision' || kind === 'instrument') navigate({ view: 'see', value: node });
      });
      canvas.dataset['renderer'] = 'sigma';
    } catch (error) {
      // No WebGL: the list below still shows every node.
      canvas.dataset['renderer'] = 'none';
      fill(canvas, h('p', { class: 'problem' }, `The graph cannot be drawn here (${error instanceof Error ? error.message : String(error)}); the list below holds its nodes.`));
    }
  });
  return h('section', { class: 'see-graph', 'aria-labelledby': 'graph-title' }, h('h2', { id: 'graph-title' }, 'Neighbourhood'), legend(), canvas, h('details', {}, h('summary', {}, `The ${graph.order} nodes as a list`), nodes));
}

const CELL_TEXT = { exact: 'exact', broader: 'broader' } as const;

/** The coverage heat map: a row per provision (the one shown and those inside it), a column per State. */
function coverageView(kg: KnowledgeGraphCore, iri: string, navigate: Navigate): HTMLElement {
  const result = coverage(kg, iri);
  return h(
    'section',
    { class: 'coverage', 'aria-labelledby': 'coverage-title' },
    h('h2', { id: 'coverage-title' }, 'Coverage by national law'),
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Coverage table' },
      h(
        'table',
        { class: 'heatmap', 'data-states': result.states.length, 'data-provisions': result.rows.length },
        h('caption', {}, `How each State's laws cover ${result.provision.citation} and what it holds; a number counts the cases applying it`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Provision'), result.states.map((s) => h('th', { scope: 'col' }, s)))),
        h(
          'tbody',
          {},
          result.rows.map((row) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, link(navigate, { view: 'see', value: row.provision.iri }, row.provision.citation)),
              result.states.map((s) => {
                const cell = row.states[s]!;
                const kind = cell.legislation ?? 'none';
                const title = `${s}, ${row.provision.citation}: ${cell.legislation ? `${CELL_TEXT[cell.legislation]} (${cell.sections.map((x) => x.label).join(', ')})` : 'no law'}; ${cell.cases} case${cell.cases === 1 ? '' : 's'}`;
                return h('td', { class: `cell cell-${kind}`, 'data-state': s, 'data-provision': row.provision.iri, title }, cell.legislation ? CELL_TEXT[cell.legislation] : '–', cell.cases > 0 ? ` · ${cell.cases}` : '');
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The documents that implement or apply the provision, then every document of the loaded corpora. */
function documentsView(kg: KnowledgeGraphCore, iri: string): HTMLElement {
  const answer = documentsAddressing(kg, iri);
  const all = [...(kg.corpus?.documents.values() ?? [])];
  return h(
    'section',
    { class: 'documents', 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, 'Documents'),
    h('h3', {}, `Implementing or applying ${answer.provision.citation}`),
    answer.results.length === 0
      ? h('p', {}, 'None in the loaded corpora.')
      : h('ul', {}, answer.results.map((d) => h('li', { 'data-document': d.document.id }, h('span', { class: `match match-${d.match}` }, d.match), ` ${d.document.state} · ${d.document.title}${d.section ? `, ${d.section.label}` : ''} (${d.document.kind}) via ${d.via.citation}`))),
    h('h3', {}, `All ${all.length} documents`),
    h('ul', { class: 'all-documents' }, all.map((d) => h('li', {}, `${d.state} · ${d.title} (${d.kind})`))),
  );
}

/** Renders the See view for a provision (a citation or IRI; the default one when empty). */
export function renderSee(main: HTMLElement, kg: KnowledgeGraphCore, value: string, navigate: Navigate): void {
  let iri: string;
  try {
    iri = provision(kg, value || DEFAULT_PROVISION).iri;
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    fill(main, h('h1', {}, 'See'), h('p', { class: 'problem', role: 'alert' }, error.message));
    return;
  }
  const p = provision(kg, iri);
  fill(
    main,
    h('h1', {}, 'See ', p.citation),
    h('p', { class: 'actions' }, link(navigate, { view: 'ask', value: p.citation }, 'Ask which tools address it'), ' · ', link(navigate, { view: 'browse', value: p.iri }, 'Provision page')),
    graphView(kg, iri, navigate),
    kg.corpus ? [coverageView(kg, iri, navigate), documentsView(kg, iri)] : h('p', { class: 'hint' }, 'Start the explorer with --data FILE to see the coverage of national laws and the documents list.'),
  );
}
