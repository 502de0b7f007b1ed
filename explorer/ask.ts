/**
 * Ask: the citation box, which says as you type which provision a citation names (or the typed error, with its
 * suggestions as buttons), and the answer of `toolsAddressing` grouped by tool and part, with match kinds, evidence
 * and discrepancies, and its export as JSON or CSV.
 *
 * @module
 */
import { provision, toolsAddressing, type Discrepancy, type Evidence, type KnowledgeGraphCore, type ToolMatch, type ToolsAddressingResult } from '../src/index.js';
import { isUntocKgError } from '../src/index.js';
import { download, fill, h } from './dom.js';
import { answerCsv } from './export.js';
import type { Navigate } from './links.js';
import { link } from './links.js';

/** What a citation names, or why it names nothing: the line under the citation box. */
export function preview(kg: KnowledgeGraphCore, text: string, navigate: Navigate): HTMLElement {
  if (text.trim() === '') return h('p', { class: 'hint' }, 'Type a citation: art. 27 para. 1(e), SOM Protocol art. 8(6), Model Law art. 5.');
  try {
    const p = provision(kg, text);
    return h('p', { class: 'names', 'data-state': 'ok' }, 'Names ', h('strong', {}, p.citation), p.heading ? ` — ${p.heading}` : '');
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    return h(
      'div',
      { class: 'problem', 'data-state': 'error', 'data-code': error.code },
      h('p', {}, h('span', { class: 'code' }, error.code), ' ', error.message.replace(/^[a-zA-Z]+: /, '')),
      error.suggestions.length > 0 &&
        h(
          'p',
          { class: 'suggestions' },
          'Did you mean: ',
          error.suggestions.slice(0, 5).map((s) => h('button', { type: 'button', class: 'suggestion', onclick: () => navigate({ view: 'ask', value: s }) }, s)),
        ),
    );
  }
}

function evidenceList(evidence: readonly Evidence[]): HTMLElement {
  return h(
    'ul',
    { class: 'evidence', 'aria-label': 'Evidence' },
    evidence.map((e) =>
      h(
        'li',
        {},
        h('span', { class: `basis basis-${e.basis}`, title: 'basis' }, e.basis),
        ' ',
        h('cite', {}, e.sourceTitle),
        e.locator && h('span', { class: 'locator' }, ` — ${e.locator}`),
        e.note && h('span', { class: 'note' }, ` (${e.note})`),
      ),
    ),
  );
}

function discrepancyBox(d: Discrepancy, navigate: Navigate): HTMLElement {
  return h(
    'div',
    { class: 'discrepancy', role: 'note', 'data-claimed': d.claimed.citation, 'data-accepted': d.accepted.citation },
    h('h3', {}, 'Discrepancy'),
    h('p', {}, `${d.subject.label}: claimed under `, link(navigate, { view: 'ask', value: d.claimed.citation }, d.claimed.citation), '; the graph asserts ', link(navigate, { view: 'ask', value: d.accepted.citation }, d.accepted.citation), '.'),
    h('p', {}, d.explanation),
    evidenceList([d.evidence]),
  );
}

function matchItem(m: ToolMatch, navigate: Navigate): HTMLElement {
  return h(
    'li',
    { class: 'match-item', 'data-part': m.part?.path ?? '', 'data-match': m.match },
    h('span', { class: `match match-${m.match}` }, m.match),
    ' ',
    h('strong', { class: 'part' }, m.part ? m.part.label : 'the tool as a whole'),
    m.part?.title && ` — ${m.part.title}`,
    h('span', { class: 'via' }, ' via ', link(navigate, { view: 'browse', value: m.via.iri }, m.via.citation)),
    m.authorities && m.authorities.length > 0 && h('p', { class: 'authorities' }, `${m.authorities.length} designated authorit${m.authorities.length === 1 ? 'y' : 'ies'} listed`),
    evidenceList(m.evidence),
  );
}

/** The answer, grouped by tool (in order of their best match) and part. */
export function answerView(result: ToolsAddressingResult, navigate: Navigate): HTMLElement {
  const groups = new Map<string, ToolMatch[]>();
  for (const m of result.results) groups.set(m.tool.id, [...(groups.get(m.tool.id) ?? []), m]);
  const p = result.provision;
  return h(
    'section',
    { class: 'answer', 'aria-labelledby': 'answer-title', 'data-provision': p.iri },
    h('h2', { id: 'answer-title' }, p.citation, p.heading && h('span', { class: 'heading' }, ` — ${p.heading}`)),
    p.summary && h('p', { class: 'summary' }, p.summary),
    h(
      'p',
      { class: 'actions' },
      link(navigate, { view: 'browse', value: p.iri }, 'Provision page'),
      ' · ',
      link(navigate, { view: 'see', value: p.iri }, 'See the graph'),
      ' · ',
      h('button', { type: 'button', class: 'export', 'data-format': 'json', onclick: () => download(`${p.citation}.json`, 'application/json', JSON.stringify(result, null, 2)) }, 'Export JSON'),
      ' ',
      h('button', { type: 'button', class: 'export', 'data-format': 'csv', onclick: () => download(`${p.citation}.csv`, 'text/csv', answerCsv(result)) }, 'Export CSV'),
    ),
    result.discrepancies.map((d) => discrepancyBox(d, navigate)),
    result.results.length === 0 && h('p', {}, 'No tool addresses this provision, an enclosing one or one inside it.'),
    [...groups].map(([id, matches]) =>
      h(
        'section',
        { class: 'tool', 'data-tool': id, 'aria-label': matches[0]!.tool.title },
        h('h3', {}, matches[0]!.tool.title, h('span', { class: 'kind' }, ` (${matches[0]!.tool.kind})`)),
        h('ul', { class: 'parts' }, matches.map((m) => matchItem(m, navigate))),
      ),
    ),
  );
}

/** Renders the Ask view into `main`: the box (with `value`) and, for a value that names a provision, its answer. */
export function renderAsk(main: HTMLElement, kg: KnowledgeGraphCore, value: string, navigate: Navigate): void {
  const input = h('input', { id: 'q', name: 'q', type: 'text', autocomplete: 'off', spellcheck: 'false', value, 'aria-describedby': 'q-status', placeholder: 'art. 27 para. 1(e)' });
  const status = h('div', { id: 'q-status', 'aria-live': 'polite' });
  const answer = h('div', { id: 'answer' });
  fill(status, preview(kg, value, navigate));
  input.addEventListener('input', () => fill(status, preview(kg, input.value, navigate)));
  const form = h(
    'form',
    { class: 'ask', role: 'search', 'aria-label': 'Ask which tools address a provision', onsubmit: (event) => (event.preventDefault(), navigate({ view: 'ask', value: input.value.trim() })) },
    h('label', { for: 'q' }, 'Citation'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Ask')),
    status,
  );
  fill(main, h('h1', {}, 'Which tools address this provision?'), form, answer);
  if (value.trim() === '') return;
  try {
    fill(answer, answerView(toolsAddressing(kg, value), navigate));
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
  }
}
