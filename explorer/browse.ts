/**
 * Browse: each instrument's tree (headings, expandable down to items, built as it is opened), and a provision's page
 * with its parents, children, references in and out, themes, tools, authorities and discrepancies.
 *
 * @module
 */
import { isUntocKgError, provision, type KnowledgeGraphCore, type ProvisionView } from '../src/index.js';
import { provisionView } from '../src/query/views.js';
import { instrumentAsProvision, type ProvisionId } from '../src/model/ids.js';
import { fill, h } from './dom.js';
import { link, type Navigate } from './links.js';

/** One node of a tree: a `<details>` whose children are built when it is first opened. */
function treeItem(kg: KnowledgeGraphCore, id: ProvisionId, navigate: Navigate, children = kg.index.childrenOf(id)): HTMLElement {
  const view = provisionView(kg, id);
  const heading = view.heading ? h('span', { class: 'heading' }, ` ${view.heading}`) : null;
  if (children.length === 0) return h('li', { class: 'leaf' }, link(navigate, { view: 'browse', value: view.iri }, view.citation), heading);
  // A summary holds no link (nested controls confuse screen readers): the page's link is the first line inside.
  const list = h('ul', { role: 'group' });
  const details = h('details', {}, h('summary', {}, view.citation, heading), h('p', { class: 'open-page' }, link(navigate, { view: 'browse', value: view.iri }, `${view.citation}: its page`)), list);
  details.addEventListener('toggle', () => {
    if (details.open && list.childElementCount === 0) fill(list, children.map((c) => treeItem(kg, c, navigate)));
  });
  return h('li', {}, details);
}

/** Every instrument's tree, closed. */
function trees(kg: KnowledgeGraphCore, navigate: Navigate): HTMLElement {
  return h(
    'ul',
    { class: 'tree', 'aria-label': 'Instruments' },
    kg.dataset.instruments.map((i) => {
      // An instrument opens on its chapters, with any article outside a chapter in its place among them.
      const id = instrumentAsProvision(i.iri);
      const chapters = kg.index.chaptersOf(i.id);
      const inChapters = new Set(chapters.flatMap((c) => kg.index.childrenOf(c)));
      const top = [...chapters, ...kg.index.childrenOf(id).filter((a) => !inChapters.has(a))].sort((a, b) => kg.index.orderOf(a) - kg.index.orderOf(b));
      return treeItem(kg, id, navigate, top);
    }),
  );
}

function list(title: string, items: (Node | string)[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('section', { class: 'facet' }, h('h3', {}, title), h('ul', {}, items.map((item) => h('li', {}, item))));
}

/** A provision's page. */
function provisionPage(kg: KnowledgeGraphCore, value: string, navigate: Navigate): HTMLElement {
  const p = provision(kg, value);
  const to = (v: ProvisionView) => link(navigate, { view: 'browse', value: v.iri }, v.citation);
  return h(
    'article',
    { class: 'provision', 'data-provision': p.iri },
    h('p', { class: 'crumbs' }, [...p.parents].reverse().flatMap((v) => [to(v), ' › '])),
    h('h2', {}, p.citation, p.heading && h('span', { class: 'heading' }, ` — ${p.heading}`)),
    h('p', { class: 'instrument' }, p.instrumentTitle, p.partial ? ' (the graph holds only some of its subdivisions)' : ''),
    p.summary && h('p', { class: 'summary' }, p.summary),
    h('p', { class: 'wording' }, 'Wording: no official text is attached in the browser (attach one with untoc-kg text).'),
    h('p', { class: 'actions' }, link(navigate, { view: 'ask', value: p.citation }, 'Ask which tools address it'), ' · ', link(navigate, { view: 'see', value: p.iri }, 'See its graph')),
    list('Children', p.children.map((c) => h('span', {}, to(c), c.heading ? ` ${c.heading}` : ''))),
    list('References out', p.references.out.map((r) => h('span', {}, to(r.provision), r.note ? ` (${r.note})` : ''))),
    list('References in', p.references.in.map((r) => h('span', {}, to(r.provision), r.note ? ` (${r.note})` : ''))),
    list('Themes', p.themes.map((t) => t.theme.label)),
    list('Tools', p.tools.map((m) => h('span', {}, h('span', { class: `match match-${m.match}` }, m.match), ` ${m.tool.title}${m.part ? `, ${m.part.label}` : ''}`))),
    list('Authorities', p.authorities.map((a) => `${a.name} (${a.state.name})`)),
    list('Discrepancies', p.discrepancies.map((d) => `${d.claimed.citation} → ${d.accepted.citation}: ${d.explanation}`)),
  );
}

/** Renders the Browse view: the provision page for `value`, or the trees when it is empty. */
export function renderBrowse(main: HTMLElement, kg: KnowledgeGraphCore, value: string, navigate: Navigate): void {
  if (value === '') {
    fill(main, h('h1', {}, 'Browse the instruments'), trees(kg, navigate));
    return;
  }
  try {
    fill(main, h('h1', {}, 'Provision'), provisionPage(kg, value, navigate), h('h2', {}, 'All instruments'), trees(kg, navigate));
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    fill(main, h('h1', {}, 'Provision'), h('p', { class: 'problem', role: 'alert' }, error.message), trees(kg, navigate));
  }
}
