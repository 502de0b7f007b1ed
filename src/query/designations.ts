/**
 * The authorities designated under a provision, as plain typed objects: what `provision()` and `toolsAddressing()`
 * show for the directory, and what `authorities()` returns. Reads only the index; imports no State table, so the
 * CLI's other commands stay light.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { AuthorityRecord } from '../model/dataset.js';
import type { AuthorityId, CategoryId, PartId, ProvisionId, SourceId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { sortFold } from '../util/fold.js';
import { provisionInput } from './inputs.js';
import { nodeLabel } from './views.js';

/** A competent national authority as the queries return it: who, where, under what, and who says so. */
export interface AuthoritySummary {
  /** `cna/{alpha-3}/{slug}`. */
  readonly id: AuthorityId;
  readonly name: string;
  readonly state: { readonly alpha2: string; readonly alpha3: string; readonly name: string };
  /** Its directory categories; `inferred` when the entry named none and it was inferred from the provision. */
  readonly categories: readonly { readonly id: CategoryId; readonly label: string; readonly part: PartId; readonly inferred: boolean }[];
  /** The provisions it is designated under; `inferred` when the entry named none and it came from the category. */
  readonly provisions: readonly { readonly id: ProvisionId; readonly citation: string; readonly inferred: boolean }[];
  /** The channel details the entry gives (none is invented: a field the source does not give is absent). */
  readonly contact: Pick<AuthorityRecord, 'city' | 'address' | 'phone' | 'email' | 'website' | 'languages' | 'hours' | 'timeZone' | 'urgentViaInterpol'>;
  readonly notes?: string;
  /** When the entry was last updated. */
  readonly updated?: string;
  readonly source: { readonly id: SourceId; readonly title: string; readonly url?: string; readonly locator?: string };
  /** The snapshot that lists it: its id, date, named graph, and whether it is example data. */
  readonly snapshot: { readonly id: string; readonly asOf?: string; readonly graph: string; readonly example: boolean };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const CONTACT = ['city', 'address', 'phone', 'email', 'website', 'hours', 'timeZone', 'urgentViaInterpol'] as const;

/**
 * Turns an authority record into its summary.
 *
 * @example
 * ```ts
 * summarizeAuthority(kg, kg.dataset.authorities[0]).state.name // 'Germany'
 * ```
 */
export function summarizeAuthority(kg: KnowledgeGraphCore, record: AuthorityRecord): AuthoritySummary {
  const { index } = kg;
  const state = index.states.get(record.state)!;
  const source = index.sources.get(record.source)!;
  const snapshot = index.snapshots.get(record.snapshot)!;
  // Plain assignments rather than conditional spreads: this runs once per result, for tens of thousands of results.
  const contact: Mutable<AuthoritySummary['contact']> = { languages: record.languages };
  for (const key of CONTACT) if (record[key] !== undefined) (contact as Record<string, unknown>)[key] = record[key];
  const src: Mutable<AuthoritySummary['source']> = { id: source.id, title: source.title };
  if (source.url !== undefined) src.url = source.url;
  if (record.locator !== undefined) src.locator = record.locator;
  const snap: Mutable<AuthoritySummary['snapshot']> = { id: snapshot.id, graph: snapshot.iri, example: snapshot.example };
  if (snapshot.asOf !== undefined) snap.asOf = snapshot.asOf;
  const out: Mutable<AuthoritySummary> = {
    id: record.id,
    name: record.name,
    state: { alpha2: state.alpha2, alpha3: state.alpha3, name: state.name },
    categories: record.categories.map((c) => {
      const category = index.categories.get(c)!;
      return { id: c, label: category.label, part: category.part, inferred: record.categoriesInferred };
    }),
    provisions: record.designatedUnder.map((p) => ({ id: p, citation: nodeLabel(kg, p), inferred: record.designationInferred })),
    contact,
    source: src,
    snapshot: snap,
  };
  if (record.notes !== undefined) out.notes = record.notes;
  if (record.updated !== undefined) out.updated = record.updated;
  return out;
}

/**
 * Sorts summaries by State name, then name (accents and case ignored), then snapshot, in place; returns the array.
 *
 * @example
 * ```ts
 * sortByStateAndName(summaries)[0].state.name // 'Afghanistan'
 * ```
 */
export function sortByStateAndName<T extends AuthoritySummary>(summaries: T[]): T[] {
  // Decorate, sort, undecorate: each key is built once, and the comparator reads no map.
  const states = new Map<string, string>();
  const keyed = summaries.map((s) => {
    let state = states.get(s.state.alpha2);
    if (state === undefined) states.set(s.state.alpha2, (state = sortFold(s.state.name)));
    return { state, name: sortFold(s.name), snapshot: s.snapshot.id, s };
  });
  keyed.sort((a, b) => compareStrings(a.state, b.state) || compareStrings(a.name, b.name) || compareStrings(a.snapshot, b.snapshot));
  for (let i = 0; i < keyed.length; i++) summaries[i] = keyed[i]!.s;
  return summaries;
}

/** Options of {@link authoritiesFor}. */
export interface AuthoritiesForOptions {
  /** Also the authorities designated under provisions inside this one (art. 8 → those under art. 8(6)). Default false. */
  readonly narrower?: boolean;
  /** What a bare or relative citation means. */
  readonly context?: CitationContext;
}

/**
 * The authorities designated under a provision, from every snapshot, ordered by State and name: under exactly this
 * provision, or (with `narrower`) under it or a provision inside it. For `provision()` and `toolsAddressing()`;
 * `authorities()` also follows disputed citations (the seed's SOM art. 8(5)).
 *
 * @param provision - a citation (`SOM Protocol art. 8(6)`), a provision IRI, or an instrument id.
 * @throws {@link UntocKgError} for an unknown or malformed citation (`syntax`, `unknown_provision`, …).
 * @example
 * ```ts
 * authoritiesFor(kg, 'SOM Protocol art. 8(6)').map((a) => a.name) // ['Bundesamt für Seeschifffahrt und Hydrographie']
 * authoritiesFor(kg, 'SOM art. 8', { narrower: true }).length     // the same one, designated under a part of art. 8
 * ```
 */
export function authoritiesFor(kg: KnowledgeGraphCore, provision: string, options: AuthoritiesForOptions = {}): AuthoritySummary[] {
  const id = provisionInput(kg, 'authoritiesFor', provision, options.context);
  // Under one provision, the index holds them in this order already.
  if (!options.narrower) return kg.index.authoritiesUnder(id).map((r) => summarizeAuthority(kg, r));
  const ids: readonly ProvisionId[] = [id, ...kg.index.descendantsOf(id)];
  return sortByStateAndName([...new Set(ids.flatMap((id) => kg.index.authoritiesUnder(id)))].map((r) => summarizeAuthority(kg, r)));
}

const summaries = new WeakMap<object, Map<AuthorityRecord, AuthoritySummary>>();

/**
 * The authorities designated under exactly `id` (a provision of the graph), ordered by State and name, for the
 * directory's answers of `toolsAddressing`: a new list of shared summaries, each built the first time an answer shows
 * it and frozen (do not modify them; {@link authoritiesFor} gives summaries of one's own).
 *
 * @example
 * ```ts
 * designationsOf(kg, id).map((a) => a.state.alpha2) // ['DE', …]
 * ```
 */
export function designationsOf(kg: KnowledgeGraphCore, id: ProvisionId): AuthoritySummary[] {
  const records = kg.index.authoritiesUnder(id);
  if (records.length === 0) return [];
  let shown = summaries.get(kg.index);
  if (!shown) summaries.set(kg.index, (shown = new Map()));
  const out: AuthoritySummary[] = [];
  for (const record of records) {
    let summary = shown.get(record);
    if (!summary) shown.set(record, (summary = Object.freeze(summarizeAuthority(kg, record))));
    out.push(summary);
  }
  return out;
}
