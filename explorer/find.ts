/**
 * Search: headings, titles, summaries, tools, parts and themes, ranked as `search` ranks them.
 *
 * @module
 */
import { search, type KnowledgeGraphCore } from '../src/index.js';
import { fill, h } from './dom.js';
import { link, type Navigate } from './links.js';

/** Renders the Search view: the box (with `value`) and its hits. */
export function renderSearch(main: HTMLElement, kg: KnowledgeGraphCore, value: string, navigate: Navigate): void {
  const input = h('input', { id: 's', name: 'search', type: 'search', autocomplete: 'off', value, placeholder: 'border control' });
  const form = h(
    'form',
    { role: 'search', 'aria-label': 'Search the graph', onsubmit: (event) => (event.preventDefault(), navigate({ view: 'search', value: input.value.trim() })) },
    h('label', { for: 's' }, 'Search headings, summaries, tools and parts'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Search')),
  );
  const hits = /[\p{L}\p{N}]/u.test(value) ? search(kg, value, { limit: 50 }) : [];
  fill(
    main,
    h('h1', {}, 'Search'),
    form,
    value !== '' && h('p', { role: 'status' }, `${hits.length} result${hits.length === 1 ? '' : 's'}`),
    h(
      'ol',
      { class: 'hits' },
      hits.map((hit) =>
        h(
          'li',
          { 'data-kind': hit.kind },
          h('span', { class: 'kind' }, hit.kind),
          ' ',
          hit.kind === 'provision' || hit.kind === 'instrument' ? link(navigate, { view: 'browse', value: hit.iri }, hit.label) : h('strong', {}, hit.label),
          hit.text && hit.text !== hit.label ? h('span', { class: 'text' }, ` — ${hit.text}`) : null,
        ),
      ),
    ),
  );
}
