/**
 * `search`: ranked matches over headings, titles, summaries, part labels and theme labels, case- and
 * accent-insensitive, with simple plural folding, so that "liaison officers" or "sea" finds what a person expects.
 * A query that reads as a citation also returns the provision it names, first.
 *
 * @module
 */
import { parseCitation } from '../citation/parse.js';
import { resolveParsed } from '../citation/resolve.js';
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import { headingOf, nodeLabel } from './views.js';

/** What a search result is. */
export type SearchKind = 'provision' | 'instrument' | 'tool' | 'part' | 'theme';

/** One search result. */
export interface SearchHit {
  readonly kind: SearchKind;
  readonly iri: string;
  /** A citation for provisions, a title or label otherwise. */
  readonly label: string;
  /** The field that matched best: `citation`, `heading`, `title`, `label`, `summary`, `definition`. */
  readonly field: string;
  /** The text of that field. */
  readonly text: string;
  /** Higher is better. */
  readonly score: number;
}

/** Options of {@link search}. */
export interface SearchOptions {
  /** Only these kinds of results. */
  readonly kinds?: readonly SearchKind[];
  /** At most this many results (default 20). */
  readonly limit?: number;
}

interface Field {
  readonly name: string;
  readonly weight: number;
  readonly text: string;
  readonly normalized: string;
  readonly tokens: readonly string[];
}

interface Doc {
  readonly kind: SearchKind;
  readonly iri: string;
  readonly label: string;
  readonly order: number;
  readonly fields: readonly Field[];
}

/** Lower case, no accents, no punctuation, plural `s` folded: "Coöperation, Officers" → ["cooperation", "officer"]. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function fold(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

function field(name: string, weight: number, text: string | undefined | null): Field[] {
  if (!text) return [];
  const normalized = normalizeForSearch(text);
  return [{ name, weight, text, normalized, tokens: normalized.split(' ').filter(Boolean).map(fold) }];
}

const cache = new WeakMap<object, Doc[]>();

function documents(kg: KnowledgeGraphCore): Doc[] {
  const cached = cache.get(kg.dataset);
  if (cached) return cached;
  const index = kg.index;
  const docs: Doc[] = [];
  for (const i of kg.dataset.instruments) {
    docs.push({ kind: 'instrument', iri: i.iri, label: i.abbreviation, order: index.orderOf(i.iri), fields: [...field('title', 3, i.title), ...field('label', 3, i.abbreviation)] });
  }
  for (const p of kg.dataset.provisions) {
    const own = p.heading ? field('heading', 4, p.heading) : [];
    // A paragraph without a heading is found by its summary, and weakly by its article's heading.
    const inherited = p.heading ? [] : field('article heading', 0.5, headingOf(kg, p));
    docs.push({ kind: 'provision', iri: p.id, label: nodeLabel(kg, p.id), order: index.orderOf(p.id), fields: [...own, ...field('summary', 2, p.summary), ...inherited] });
  }
  let order = 1e9;
  for (const t of kg.dataset.tools) {
    docs.push({ kind: 'tool', iri: t.iri, label: t.title, order: order++, fields: [...field('title', 3, t.title), ...field('summary', 1.5, t.summary)] });
  }
  for (const p of kg.dataset.parts) {
    docs.push({
      kind: 'part',
      iri: p.id,
      label: nodeLabel(kg, p.id),
      order: order++,
      fields: [...field('title', 3, p.title), ...field('label', 2, p.label), ...field('summary', 1.5, p.summary)],
    });
  }
  for (const t of kg.dataset.themes) {
    docs.push({ kind: 'theme', iri: t.iri, label: t.label, order: order++, fields: [...field('label', 4, t.label), ...field('definition', 1.5, t.definition)] });
  }
  cache.set(kg.dataset, docs);
  return docs;
}

/** How well one field matches the query tokens: every token must match (exactly, or as a prefix of 3+ letters). */
function scoreField(f: Field, tokens: readonly string[], phrase: string): number {
  let total = 0;
  for (const t of tokens) {
    let best = 0;
    for (const w of f.tokens) {
      if (w === t) {
        best = 1;
        break;
      }
      if (t.length >= 3 && w.startsWith(t)) best = Math.max(best, 0.7);
    }
    if (best === 0) return 0;
    total += best;
  }
  let score = (total / tokens.length) * f.weight;
  if (tokens.length > 1 && f.normalized.includes(phrase)) score *= 1.5;
  if (f.normalized === phrase) score *= 1.5;
  // Shorter fields where the query is a larger share rank higher.
  score *= 1 + tokens.length / (f.tokens.length + 4);
  return score;
}

/**
 * Searches the graph's headings, titles, summaries, part labels and theme labels.
 *
 * @param text - words to look for; case, accents, punctuation and plural `s` do not matter. A citation works too.
 * @param options - `kinds` restricts the result kinds; `limit` (default 20).
 * @throws {@link UntocKgError} `empty_query` for an empty or punctuation-only query.
 *
 * @example
 * ```ts
 * search(kg, 'liaison officers')[0].label // 'UNTOC art. 27(1)(d)'
 * search(kg, 'sea').map((h) => h.label)    // chapter II of the SOM Protocol, art. 8, the theme, the directory category, …
 * ```
 */
export function search(kg: KnowledgeGraphCore, text: string, options: SearchOptions = {}): SearchHit[] {
  const operation = 'search';
  if (typeof text !== 'string') throw new UntocKgError('invalid_input', operation, `expected text, got ${typeof text}`, { value: text });
  const phrase = normalizeForSearch(text);
  if (phrase.length === 0) {
    throw new UntocKgError('empty_query', operation, 'the query is empty; give words to look for, e.g. "liaison officers" or "sea"', {
      value: text,
      suggestions: ['liaison officers', 'sea', 'mutual legal assistance'],
    });
  }
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1) throw new UntocKgError('invalid_input', operation, `limit must be a positive integer, got ${String(limit)}`, { value: limit });
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const tokens = phrase.split(' ').map(fold);
  const hits: (SearchHit & { order: number })[] = [];

  // A query that is a citation names its provisions first.
  const cited = new Set<string>();
  try {
    const resolution = resolveParsed(operation, kg.index, parseCitation(text), text);
    for (const t of resolution.targets) {
      if (kinds && !kinds.has(t.level === 'instrument' ? 'instrument' : 'provision')) continue;
      cited.add(t.id);
      const record = kg.index.provisionRecord(t.id);
      hits.push({
        kind: t.level === 'instrument' ? 'instrument' : 'provision',
        iri: t.id,
        label: nodeLabel(kg, t.id),
        field: 'citation',
        text: record?.heading ?? (record ? headingOf(kg, record) ?? '' : kg.index.instrumentsByIri.get(t.id)?.title ?? ''),
        score: 100,
        order: kg.index.orderOf(t.id),
      });
    }
  } catch {
    // Not a citation: a plain search.
  }

  for (const doc of documents(kg)) {
    if ((kinds && !kinds.has(doc.kind)) || cited.has(doc.iri)) continue;
    let best: { field: Field; score: number } | undefined;
    for (const f of doc.fields) {
      const score = scoreField(f, tokens, phrase);
      if (score > 0 && (!best || score > best.score)) best = { field: f, score };
    }
    if (best) {
      hits.push({ kind: doc.kind, iri: doc.iri, label: doc.label, field: best.field.name, text: best.field.text, score: Math.round(best.score * 1000) / 1000, order: doc.order });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, limit).map(({ order: _o, ...hit }) => hit);
}

