/**
 * `authorities(kg, { state, category, provision })`: the competent national authorities that match, each with its
 * categories, provisions, contact details, source and snapshot; the discrepancies met on the way (the seed's SOM
 * art. 8(5), which the text puts in art. 8(6)); and notes on categories whose basis is not a designation clause.
 *
 * @module
 */
import { resolveCitation } from '../citation/resolve.js';
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import type { AuthorityRecord, CategoryRecord } from '../model/dataset.js';
import type { CategoryId, ProvisionId } from '../model/ids.js';
import { findState, stateProblem, type StateCodes } from '../model/states.js';
import { defined } from '../util/defined.js';
import { sortByStateAndName, summarizeAuthority, type AuthoritySummary } from './designations.js';
import { discrepanciesAbout, type Discrepancy } from './discrepancies.js';
import { nodeLabel } from './views.js';

/** What to look for; every field is optional and they combine with "and". */
export interface AuthoritiesFilter {
  /** A State: ISO 3166-1 alpha-2 (`DE`), alpha-3 (`DEU`) or English short name (`Germany`). */
  readonly state?: string;
  /** A directory category: its id (`smuggling-of-migrants-by-sea`), an alias (`smuggling-by-sea`) or its label. */
  readonly category?: string;
  /** A provision: a citation (`SOM art. 8(6)`), an eId or a provision IRI. Provisions inside it match too. */
  readonly provision?: string;
}

/** How an authority matched the provision asked for. */
export type ProvisionMatch =
  /** Designated under the provision asked for. */
  | 'exact'
  /** Designated under a provision inside it (asked for art. 8, designated under art. 8(6)). */
  | 'narrower'
  /** Asked for a provision a source cites by mistake (the seed's art. 8(5)); designated under its correction. */
  | 'corrected';

/** An authority in the result, with how it matched the provision asked for (absent without a provision). */
export interface AuthorityMatch extends AuthoritySummary {
  readonly match?: ProvisionMatch;
}

/** The answer of {@link authorities}. */
export interface AuthoritiesResult {
  /** The filter as understood. */
  readonly filter: {
    readonly state?: { readonly alpha2: string; readonly alpha3: string; readonly name: string };
    readonly category?: { readonly id: CategoryId; readonly label: string };
    readonly provisions?: readonly { readonly id: ProvisionId; readonly citation: string }[];
  };
  readonly authorities: readonly AuthorityMatch[];
  /** Disputed citations of the provision asked for, with the correction that was followed (as `toolsAddressing` reports them). */
  readonly discrepancies: readonly Discrepancy[];
  /** What the user should know about the categories involved: a basis that is not a designation clause. */
  readonly notes: readonly string[];
}

function resolveState(input: string): StateCodes {
  const found = findState(input);
  if (found) return found;
  const { message, suggestions } = stateProblem(input, 'an ISO 3166-1 code or name');
  throw new UntocKgError('unknown_state', 'authorities', message, { value: input, suggestions });
}

function resolveCategory(kg: KnowledgeGraphCore, input: string): CategoryRecord {
  const found = kg.index.categoryOf(input);
  if (found) return found;
  const suggestions = kg.index.categorySuggestions(input);
  throw new UntocKgError(
    'unknown_category',
    'authorities',
    `"${input}" is not a directory category${suggestions.length ? `; did you mean ${suggestions[0]}?` : ''} (the categories are ${[...kg.index.categories.keys()].join(', ')})`,
    { value: input, suggestions },
  );
}

/**
 * The competent national authorities that match a State, a category and a provision (any of them), from every
 * snapshot the graph holds, ordered by State and name.
 *
 * A provision matches the authorities designated under it or under a provision inside it. A provision that a source
 * cites by mistake (the seed's "article 8, paragraph 5" of the Smuggling of Migrants Protocol) leads to the
 * authorities designated under its correction (art. 8(6)), with the discrepancy explained in `discrepancies`.
 *
 * @throws {@link UntocKgError} `unknown_state` or `unknown_category` (with the nearest valid values in
 * `suggestions`), or the citation errors of {@link resolveCitation} (`unknown_provision`, `syntax`, …).
 * @example
 * ```ts
 * const kg = loadGraph()
 * authorities(kg, { provision: 'SOM art. 8(6)' }).authorities.map((a) => a.name)
 * // ['Bundesamt für Seeschifffahrt und Hydrographie']
 * const r = authorities(kg, { provision: 'SOM art. 8(5)' })
 * r.authorities[0].match        // 'corrected'
 * r.discrepancies[0].accepted.citation // 'SOM Protocol art. 8(6)'
 * ```
 */
export function authorities(kg: KnowledgeGraphCore, filter: AuthoritiesFilter = {}): AuthoritiesResult {
  const { index } = kg;
  if (filter === null || typeof filter !== 'object') {
    throw new UntocKgError('invalid_input', 'authorities', 'give a filter object such as { state: "DE" }', { value: filter });
  }
  const state = filter.state !== undefined ? resolveState(filter.state) : undefined;
  const category = filter.category !== undefined ? resolveCategory(kg, filter.category) : undefined;
  const notes: string[] = [];
  const discrepancies: Discrepancy[] = [];
  const cite = (id: ProvisionId) => ({ id, citation: nodeLabel(kg, id) });

  // The candidates, from the most selective filter: a provision, else a category, else a State, else all.
  let candidates: Map<AuthorityRecord, ProvisionMatch | undefined>;
  let provisions: { id: ProvisionId; citation: string }[] | undefined;
  if (filter.provision !== undefined) {
    const targets = resolveCitation(kg, filter.provision).targets.map((t) => t.id);
    provisions = targets.map(cite);
    candidates = new Map();
    const add = (records: readonly AuthorityRecord[], match: ProvisionMatch) => {
      for (const r of records) if (!candidates.has(r)) candidates.set(r, match);
    };
    for (const t of targets) add(index.authoritiesUnder(t), 'exact');
    for (const t of targets) for (const d of index.descendantsOf(t)) add(index.authoritiesUnder(d), 'narrower');
    for (const t of targets) {
      discrepancies.push(...discrepanciesAbout(kg, t).filter((d) => d.role === 'claimed'));
      for (const link of index.disputedTo(t)) {
        if (!link.correction) continue;
        const correction = link.correction as ProvisionId;
        add(index.authoritiesUnder(correction), 'corrected');
        for (const d of index.descendantsOf(correction)) add(index.authoritiesUnder(d), 'corrected');
      }
      for (const c of index.categories.values()) {
        if (c.related.includes(t)) {
          notes.push(`${nodeLabel(kg, t)} has no designation clause; the directory lists such authorities in the category ${c.id}: ${c.note}`);
        }
      }
    }
  } else {
    const records = category ? index.authoritiesIn(category.id) : state ? index.authoritiesOf(state.alpha2) : kg.dataset.authorities;
    candidates = new Map(records.map((r) => [r, undefined]));
  }
  if (category?.basis === 'unconfirmed') notes.push(`What the category ${category.id} rests on is not confirmed: ${category.note}`);
  else if (category && category.basis !== 'designation-clause') notes.push(`The category ${category.id} rests on no designation clause: ${category.note}`);

  const out: AuthorityMatch[] = [];
  for (const [record, match] of candidates) {
    if (state && record.state !== state.alpha2) continue;
    if (category && !record.categories.includes(category.id)) continue;
    const summary: AuthorityMatch = summarizeAuthority(kg, record);
    // The summary is new: give it its match in place rather than copying it.
    if (match) (summary as { match?: ProvisionMatch }).match = match;
    out.push(summary);
  }
  sortByStateAndName(out);
  return {
    filter: defined({
      state: state && { alpha2: state.alpha2, alpha3: state.alpha3, name: state.name },
      category: category && { id: category.id, label: category.label },
      provisions,
    }),
    authorities: out,
    discrepancies,
    notes: [...new Set(notes)],
  };
}
