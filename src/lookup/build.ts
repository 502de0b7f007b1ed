/**
 * The lookup tables the typed queries read: records by id, structural parents and children, ancestry, and links by
 * either end. A projection of the dataset like the RDF store and the graphology graph, built without importing either
 * of them (so the CLI's fast path loads neither N3 nor graphology): the records by id in one linear pass, and what is
 * derived per provision (views, ancestry, the walk of each instrument, the addressing table) by builders that write
 * one provision's or one instrument's part and keep it. Eager (the default) runs them for everything before the index
 * is returned; on demand, a lookup runs them the first time it needs them, so that a question about one provision
 * builds little more than its own part (a CLI, a short script).
 *
 * @module
 */
import type { StructureLookup } from '../citation/resolve.js';
import { provisionWalk, type ProvisionWalk } from '../citation/walk.js';
import type {
  AuthorityRecord,
  CategoryRecord,
  Dataset,
  InstrumentRecord,
  LinkRecord,
  PartRecord,
  ProvisionRecord,
  SnapshotRecord,
  SourceRecord,
  StateRecord,
  ThemeRecord,
  ToolRecord,
} from '../model/dataset.js';
import type { ProvisionId } from '../model/ids.js';
import { CategoryNames } from '../model/categories.js';
import { KNOWN_INSTRUMENTS } from '../model/instruments.js';
import { compareStrings } from '../util/compare.js';
import { sortFold } from '../util/fold.js';
import { buildAddressing, type AddressingLookup, type Enclosing } from './addressing.js';
import { provisionViews, type ProvisionView } from './views.js';

export type { Enclosing } from './addressing.js';

/**
 * Read-only lookups over one dataset, each built with it or on its first use (in all, in time linear in the dataset):
 * what the typed queries read per call is looked up, not computed.
 */
export interface GraphIndex extends StructureLookup, AddressingLookup {
  readonly instruments: ReadonlyMap<string, InstrumentRecord>;
  readonly instrumentsByIri: ReadonlyMap<string, InstrumentRecord>;
  readonly provisions: ReadonlyMap<string, ProvisionRecord>;
  readonly tools: ReadonlyMap<string, ToolRecord>;
  readonly toolsByIri: ReadonlyMap<string, ToolRecord>;
  readonly parts: ReadonlyMap<string, PartRecord>;
  readonly themes: ReadonlyMap<string, ThemeRecord>;
  readonly themesByIri: ReadonlyMap<string, ThemeRecord>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
  /** The structural parents of a provision: its parent, and for an article its chapter too. */
  parentsOf(id: ProvisionId): readonly ProvisionId[];
  /**
   * Every provision above `id` (parents, their parents, … up to the instrument), nearest first (breadth-first over
   * the structural parents), each with the chain from `id` to it.
   */
  ancestorsOf(id: ProvisionId): readonly Enclosing[];
  /**
   * The same provisions in the order answers show `broader` matches: nearest first, a whole instrument after a
   * chapter at the same distance, then in document order.
   */
  broaderOf(id: ProvisionId): readonly Enclosing[];
  /** The short label of a provision (`UNTOC art. 27(1)(e)`) or an instrument (its abbreviation), written once. */
  labelOf(id: string): string | undefined;
  /** The view of a provision or an instrument that queries return (shared and frozen), written once. */
  viewOf(id: string): ProvisionView | undefined;
  /** Every provision below `id`: for an instrument its chapters first, then its articles and what they hold, in order. */
  descendantsOf(id: ProvisionId): readonly ProvisionId[];
  /** Asserted links whose subject is `node`, by property. */
  linksFrom(node: string): readonly LinkRecord[];
  /** Asserted links whose object is `node`. */
  linksTo(node: string): readonly LinkRecord[];
  /** Disputed claims whose object is `node` (e.g. the seed's SOM art. 8(5)). */
  disputedTo(node: string): readonly LinkRecord[];
  /** Disputed claims whose accepted correction is `node`. */
  correctionsTo(node: string): readonly LinkRecord[];
  /** A tool, a part of one, or the tool a Model Law IRI names. */
  toolOf(node: string): ToolRecord | undefined;
  /** A provision's position in document order across the dataset (instruments in order), for sorting results. */
  orderOf(id: string): number;
  /** The themes below a theme (narrower, transitively), nearest first. */
  narrowerThemes(theme: string): readonly ThemeRecord[];
  /** The themes above a theme (broader, transitively), nearest first. */
  broaderThemes(theme: string): readonly ThemeRecord[];
  /** The directory's categories by id. */
  readonly categories: ReadonlyMap<string, CategoryRecord>;
  /** The category a name stands for: its id, an alias, or its label (case and punctuation ignored). */
  categoryOf(name: string): CategoryRecord | undefined;
  /** The ids of the categories nearest an unknown name, best first. */
  categorySuggestions(name: string): readonly string[];
  /** Directory snapshots by id. */
  readonly snapshots: ReadonlyMap<string, SnapshotRecord>;
  /** The States the graph refers to, by ISO 3166-1 alpha-2 code. */
  readonly states: ReadonlyMap<string, StateRecord>;
  /** Authorities designated under exactly this provision (not its parts), every snapshot, by State name and name. */
  authoritiesUnder(provision: string): readonly AuthorityRecord[];
  /** Authorities in a category (by category id). */
  authoritiesIn(category: string): readonly AuthorityRecord[];
  /** Authorities of a State (by alpha-2 code). */
  authoritiesOf(state: string): readonly AuthorityRecord[];
}

const EMPTY: readonly never[] = Object.freeze([]);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Options of {@link buildIndex}. */
export interface IndexOptions {
  /**
   * `true` (the default): every table the lookups derive is built now, and the lookups read them directly; `false`:
   * each is built the first time a lookup asks for it (same answers; for a process that asks one question).
   */
  readonly eager?: boolean;
}

const EAGER: IndexOptions = Object.freeze({ eager: true });

/**
 * Builds the index of a dataset. `KnowledgeGraph` and `loadCore` call it; it is not part of the public surface.
 * Both modes build the derived tables with the same builders: eager runs each of them for every instrument and
 * provision before returning, on demand the first time a lookup needs it.
 *
 * @example
 * ```ts
 * const index = buildIndex(dataset)
 * index.ancestorsOf(id).map((a) => a.id) // [art_27/para_1, art_27, untoc]
 * buildIndex(dataset, { eager: false }).ancestorsOf(id) // the same, built on this first call
 * ```
 * @internal
 */
export function buildIndex(dataset: Dataset, options: IndexOptions = EAGER): GraphIndex {
  const eager = options.eager ?? true;
  const instruments = new Map<string, InstrumentRecord>();
  const instrumentsByIri = new Map<string, InstrumentRecord>();
  for (const r of dataset.instruments) {
    instruments.set(r.id, r);
    instrumentsByIri.set(r.iri, r);
  }
  const provisions = new Map<string, ProvisionRecord>();
  // Document order: the known instruments in their registry order (the Convention first), then users' instruments;
  // within an instrument, the order of its records.
  const order = new Map<string, number>();
  const rank = new Map<string, number>();
  dataset.instruments.forEach((r, i) => {
    const known = KNOWN_INSTRUMENTS.findIndex((k) => k.id === r.id);
    rank.set(r.id, known >= 0 ? known : 100 + i);
    order.set(r.iri, rank.get(r.id)! * 10_000_000);
  });
  for (const r of dataset.provisions) {
    provisions.set(r.id, r);
    order.set(r.id, (rank.get(r.instrument) ?? 999) * 10_000_000 + order.size);
  }

  const tools = new Map<string, ToolRecord>();
  const toolsByIri = new Map<string, ToolRecord>();
  for (const r of dataset.tools) {
    tools.set(r.id, r);
    toolsByIri.set(r.iri, r);
  }
  const parts = new Map<string, PartRecord>(dataset.parts.map((r) => [r.id, r]));
  const themes = new Map<string, ThemeRecord>();
  const themesByIri = new Map<string, ThemeRecord>();
  for (const r of dataset.themes) {
    themes.set(r.id, r);
    themesByIri.set(r.iri, r);
  }
  const sources = new Map<string, SourceRecord>(dataset.sources.map((r) => [r.id, r]));
  const narrower = new Map<string, ThemeRecord[]>();
  for (const t of dataset.themes) for (const b of t.broader) pushTo(narrower, b, t);
  const closure = (start: string, next: (id: string) => readonly string[]) => {
    const out: ThemeRecord[] = [];
    const seen = new Set<string>([start]);
    let frontier = [start];
    while (frontier.length) {
      const following: string[] = [];
      for (const id of frontier) {
        for (const n of next(id)) {
          if (seen.has(n)) continue;
          seen.add(n);
          out.push(themes.get(n)!);
          following.push(n);
        }
      }
      frontier = following;
    }
    return out;
  };

  // What is derived per provision (children, parents, ancestry, views and labels, the walk of each instrument) is
  // written the first time a lookup asks for it, then kept: a question about one provision builds its own part.
  let structure: ChildTables | undefined;
  const tables = () => (structure ??= childTables(dataset.provisions));
  let byInstrument: Map<string, ProvisionRecord[]> | undefined;
  const walks = new Map<string, ProvisionWalk>();
  const walkOf = (iri: string): ProvisionWalk => {
    let walk = walks.get(iri);
    if (!walk) {
      const instrument = instrumentsByIri.get(iri);
      if (instrument && !byInstrument) {
        byInstrument = new Map();
        for (const r of dataset.provisions) pushTo(byInstrument, r.instrument, r);
      }
      walk = instrument ? provisionWalk([instrument], byInstrument!.get(instrument.id) ?? EMPTY) : () => undefined;
      walks.set(iri, walk);
    }
    return walk;
  };
  const parents = new Map<string, readonly ProvisionId[]>();
  const parentsOf = (id: string): readonly ProvisionId[] => {
    let found = parents.get(id);
    if (!found) {
      const r = provisions.get(id);
      if (!r) return EMPTY;
      parents.set(id, (found = r.chapter ? [r.parent, r.chapter] : [r.parent]));
    }
    return found;
  };
  const views = provisionViews(dataset.instruments, instruments, provisions);
  const ancestry = new Map<string, Ancestry>();
  // A whole instrument is the least specific enclosing provision: after a chapter at the same distance.
  const distance = (a: Enclosing) => a.chain.length - 1 + (instrumentsByIri.has(a.id) ? 0.5 : 0);
  const position = (a: Enclosing) => order.get(a.id) ?? Number.MAX_SAFE_INTEGER;
  const nearestFirst = (a: Enclosing, b: Enclosing) => distance(a) - distance(b) || position(a) - position(b);
  const climb = (id: ProvisionId): Ancestry => {
    let known = ancestry.get(id);
    if (!known) ancestry.set(id, (known = ancestryOf(id, parentsOf, climb, nearestFirst)));
    return known;
  };

  // The directory (absent from datasets built before it existed).
  const categories = new Map<string, CategoryRecord>((dataset.categories ?? EMPTY).map((c) => [c.id, c]));
  let categoryNames: CategoryNames | undefined;
  const names = () => (categoryNames ??= new CategoryNames(categories.values()));
  const snapshots = new Map<string, SnapshotRecord>((dataset.snapshots ?? EMPTY).map((s) => [s.id, s]));
  const states = new Map<string, StateRecord>((dataset.states ?? EMPTY).map((s) => [s.alpha2, s]));
  const byProvision = new Map<string, AuthorityRecord[]>();
  const byCategory = new Map<string, AuthorityRecord[]>();
  const byState = new Map<string, AuthorityRecord[]>();
  for (const a of dataset.authorities ?? EMPTY) {
    for (const p of a.designatedUnder) pushTo(byProvision, p, a);
    for (const c of a.categories) pushTo(byCategory, c, a);
    pushTo(byState, a.state, a);
  }
  // Under each provision, in the order answers show them (State name, name, snapshot): sorted once, here.
  for (const list of byProvision.values()) if (list.length > 1) sortByStateAndName(list, states);

  // Eager: every derived table written now, through the builders above, and read below without their first-use checks.
  const built = eager ? warm() : undefined;
  function warm(): ChildTables {
    for (const r of dataset.instruments) walkOf(r.iri);
    for (const r of dataset.provisions) {
      climb(r.id);
      views.viewOf(r.id);
    }
    names();
    return tables();
  }
  const written = views.written;

  // Each lookup is assigned in the same order in both modes (one hidden class for every index).
  const index: Omit<GraphIndex, LinkLookupKey> = {
    instruments,
    instrumentsByIri,
    provisions,
    tools,
    toolsByIri,
    parts,
    themes,
    themesByIri,
    sources,
    instrumentRecord: (id) => instruments.get(id),
    instrumentIds: () => instruments.keys(),
    provisionRecord: (id) => provisions.get(id),
    childrenOf: built ? (id) => built.children.get(id) ?? EMPTY : (id) => tables().children.get(id) ?? EMPTY,
    chaptersOf: built ? (instrument) => built.chapters.get(instrument) ?? EMPTY : (instrument) => tables().chapters.get(instrument) ?? EMPTY,
    provisionAt: built ? (instrument, path) => walks.get(instrument)?.(instrument, path) : (instrument, path) => walkOf(instrument)(instrument, path),
    parentsOf: built ? (id) => parents.get(id) ?? EMPTY : parentsOf,
    ancestorsOf: built ? (id) => ancestry.get(id)?.up ?? EMPTY : (id) => (provisions.has(id) ? climb(id).up : EMPTY),
    broaderOf: built ? (id) => ancestry.get(id)?.broader ?? EMPTY : (id) => (provisions.has(id) ? climb(id).broader : EMPTY),
    labelOf: built ? (id) => written.get(id)?.citation : (id) => views.viewOf(id)?.citation,
    viewOf: built ? (id) => written.get(id) : views.viewOf,
    descendantsOf: (id) => {
      const { children, chapters } = built ?? tables();
      const out: ProvisionId[] = [];
      // An instrument's chapters are part of it too (its articles are reached through its children).
      const instrument = instrumentsByIri.get(id);
      if (instrument) out.push(...(chapters.get(instrument.id) ?? EMPTY));
      const visit = (node: ProvisionId) => {
        for (const child of children.get(node) ?? EMPTY) {
          out.push(child);
          visit(child);
        }
      };
      visit(id);
      return out;
    },
    orderOf: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    narrowerThemes: (theme) => closure(theme, (id) => (narrower.get(id) ?? EMPTY).map((t) => t.id)),
    broaderThemes: (theme) => closure(theme, (id) => themes.get(id)?.broader ?? EMPTY),
    toolOf: (node) => {
      const tool = toolsByIri.get(node);
      if (tool) return tool;
      const part = parts.get(node);
      return part ? tools.get(part.tool) : undefined;
    },
    categories,
    categoryOf: (name) => names().get(name),
    categorySuggestions: (name) => names().suggestions(name),
    snapshots,
    states,
    authoritiesUnder: (provision) => byProvision.get(provision) ?? EMPTY,
    authoritiesIn: (category) => byCategory.get(category) ?? EMPTY,
    authoritiesOf: (state) => byState.get(state) ?? EMPTY,
  };
  // The link lookups are added to the same object, not spread into a new one: an object built by spreading gets a map
  // of its own each time, so every query reading a second graph's index would deoptimize and turn megamorphic.
  return Object.assign(index, linkLookup(index, dataset.links, eager));
}

/** The structural children of every provision and instrument, and the chapters of every instrument. */
interface ChildTables {
  readonly children: ReadonlyMap<string, readonly ProvisionId[]>;
  readonly chapters: ReadonlyMap<string, readonly ProvisionId[]>;
}

/** A chapter's children are its articles; an instrument's children are its articles (not its chapters). */
function childTables(records: readonly ProvisionRecord[]): ChildTables {
  const children = new Map<string, ProvisionId[]>();
  const chapters = new Map<string, ProvisionId[]>();
  for (const r of records) {
    children.set(r.id, [...r.children]);
    if (r.level === 'chapter') pushTo(chapters, r.instrument, r.id);
    else if (r.level === 'article') pushTo(children, r.parent, r.id);
  }
  return { children, chapters };
}

/** Sorts authority records by State name, then name (accents and case ignored), then snapshot, in place. */
function sortByStateAndName(records: AuthorityRecord[], states: ReadonlyMap<string, StateRecord>): void {
  const keyed = records.map((r) => ({ state: sortFold(states.get(r.state)?.name ?? r.state), name: sortFold(r.name), snapshot: r.snapshot, r }));
  keyed.sort((a, b) => compareStrings(a.state, b.state) || compareStrings(a.name, b.name) || compareStrings(a.snapshot, b.snapshot));
  for (let i = 0; i < keyed.length; i++) records[i] = keyed[i]!.r;
}

/** The provisions above one: breadth-first (`ancestorsOf`) and in answer order (`broaderOf`). */
interface Ancestry {
  readonly up: readonly Enclosing[];
  readonly broader: readonly Enclosing[];
}

const NONE: Ancestry = { up: EMPTY, broader: EMPTY };

/** `[first, ...rest]`, copied in a loop (`concat` and spreading cost several times more on arrays this short). */
function prepend<T>(first: T, rest: readonly T[]): T[] {
  const out = new Array<T>(rest.length + 1);
  out[0] = first;
  for (let i = 0; i < rest.length; i++) out[i + 1] = rest[i]!;
  return out;
}

/** `[...list, last]`, copied in a loop (as {@link prepend}). */
function appended<T>(list: readonly T[], last: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  out[list.length] = last;
  return out;
}

/**
 * The ancestry of `id` from its parents' (`climb` gives theirs). With one parent, the parent and then the parent's
 * ancestry one step further (which is what a breadth-first walk from `id` finds, in the same order, and keeps the
 * answer order); with several (an article in a chapter), a breadth-first walk over the structural parents, nearest
 * first, each by its shortest chain, then sorted into answer order.
 */
function ancestryOf(
  id: ProvisionId,
  parentsOf: (id: string) => readonly ProvisionId[],
  climb: (id: ProvisionId) => Ancestry,
  nearestFirst: (a: Enclosing, b: Enclosing) => number,
): Ancestry {
  const direct = parentsOf(id);
  if (direct.length === 0) return NONE;
  if (direct.length === 1) {
    const parent = direct[0]!;
    const above = parentsOf(parent).length > 0 ? climb(parent) : NONE;
    const up: Enclosing[] = [{ id: parent, chain: [id, parent] }];
    for (const a of above.up) up.push({ id: a.id, chain: prepend(id, a.chain) });
    // Above a provision that has one parent, both orders agree unless they differ above the parent already.
    if (above.broader === above.up) return { up, broader: up };
    const broader = [up[0]!];
    for (const b of above.broader) broader.push(up[1 + above.up.indexOf(b)]!);
    return { up, broader };
  }
  const up: Enclosing[] = [];
  const seen = new Set<string>([id]);
  let frontier: readonly (readonly ProvisionId[])[] = [[id]];
  while (frontier.length) {
    const next: ProvisionId[][] = [];
    for (const chain of frontier) {
      for (const parent of parentsOf(chain[chain.length - 1]!)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        const longer = appended(chain, parent);
        up.push({ id: parent, chain: longer });
        next.push(longer);
      }
    }
    frontier = next;
  }
  return { up, broader: [...up].sort(nearestFirst) };
}

/** The lookups of {@link GraphIndex} that read the links. */
type LinkLookupKey = 'linksFrom' | 'linksTo' | 'disputedTo' | 'correctionsTo' | keyof AddressingLookup;

/**
 * The link lookups of an index over `links`, for the structure `structure` indexes: what {@link buildIndex} builds
 * from the dataset's links, and what a remote graph builds from the links a store returns. `eager` (the default)
 * builds the addressing table now, else on first use ({@link IndexOptions}).
 *
 * @example
 * ```ts
 * const index = { ...base, ...linkLookup(base, linksFromTheStore) }
 * ```
 * @internal
 */
export function linkLookup(structure: Omit<GraphIndex, LinkLookupKey>, links: readonly LinkRecord[], eager = true): Pick<GraphIndex, LinkLookupKey> {
  const from = new Map<string, LinkRecord[]>();
  const to = new Map<string, LinkRecord[]>();
  const disputed = new Map<string, LinkRecord[]>();
  const corrections = new Map<string, LinkRecord[]>();
  for (const link of links) {
    if (link.status === 'disputed') {
      pushTo(disputed, link.to, link);
      if (link.correction) pushTo(corrections, link.correction, link);
      continue;
    }
    pushTo(from, link.from, link);
    pushTo(to, link.to, link);
  }
  const addressing = buildAddressing(links, structure, eager);
  return {
    linksFrom: (node) => from.get(node) ?? EMPTY,
    linksTo: (node) => to.get(node) ?? EMPTY,
    disputedTo: (node) => disputed.get(node) ?? EMPTY,
    correctionsTo: (node) => corrections.get(node) ?? EMPTY,
    ...addressing,
  };
}

