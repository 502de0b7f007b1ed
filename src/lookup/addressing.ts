/**
 * The addressing table `toolsAddressing` reads, built with the index: the asserted `addresses` links by the node they
 * address, grouped by the tool or part that states them and ordered as answers show them; and under every provision
 * the addressed provisions inside it, each with the chain of provisions down to it, in document order and in the
 * order answers show them. Part of the lookup projection; queries only read it.
 *
 * @module
 */
import type { InstrumentRecord, LinkRecord, PartRecord, ProvisionRecord, ToolRecord } from '../model/dataset.js';
import { instrumentAsProvision, type ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';

/** An addressed provision below another one, and the chain from the upper one down to it. */
export interface AddressedBelow {
  readonly via: ProvisionId;
  /** From the enclosing provision down to `via`, both included. */
  readonly chain: readonly ProvisionId[];
}

/** One tool, or one part of a tool, that addresses a node, with its links to it. */
export interface Addressing {
  /** The tool's or part's IRI: the links' subject. */
  readonly subject: string;
  readonly tool: ToolRecord;
  readonly part: PartRecord | undefined;
  readonly links: readonly LinkRecord[];
}

/** The addressing table. */
export interface AddressingLookup {
  /** The asserted `addresses` links whose object is `node`. */
  addressesTo(node: string): readonly LinkRecord[];
  /** The tools and parts that address `node`, tools by id, then parts by path (subjects that are neither left out). */
  addressersOf(node: string): readonly Addressing[];
  /** The provisions inside `id` that something addresses, in document order. */
  addressedBelow(id: string): readonly AddressedBelow[];
  /** The same, in the order answers show `narrower` matches: by depth below `id`, each depth in document order. */
  narrowerOf(id: string): readonly AddressedBelow[];
  /**
   * The provisions enclosing `id` that something addresses, each with the chain up to it, in the order answers show
   * `broader` matches (the index's `broaderOf` without the provisions no tool or part addresses).
   */
  broaderAddressedOf(id: string): readonly Enclosing[];
}

/** A provision enclosing another (its parent, the parent's parent, …, its chapter, the instrument). */
export interface Enclosing {
  readonly id: ProvisionId;
  /** From the inner provision up to `id`, both included (shared: do not modify it). */
  readonly chain: readonly ProvisionId[];
}

/** The structural lookups of the index the table is built with. */
export interface AddressingSource {
  provisionRecord(id: ProvisionId): ProvisionRecord | undefined;
  readonly instrumentsByIri: ReadonlyMap<string, InstrumentRecord>;
  readonly tools: ReadonlyMap<string, ToolRecord>;
  readonly toolsByIri: ReadonlyMap<string, ToolRecord>;
  readonly parts: ReadonlyMap<string, PartRecord>;
  readonly provisions: ReadonlyMap<string, ProvisionRecord>;
  orderOf(id: string): number;
  ancestorsOf(id: ProvisionId): readonly Enclosing[];
  broaderOf(id: ProvisionId): readonly Enclosing[];
}

const EMPTY: readonly never[] = Object.freeze([]);

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Under each enclosing provision, the provisions of `linked` inside it (with the chain down to each): in document
 * order, and in answer order (by depth, each depth in document order). Linear in `linked` times the depth.
 *
 * @example
 * ```ts
 * const { below, byDepth } = belowEach(addressed, index)
 * below.get(article27) // art. 27(1), art. 27(1)(a), …
 * ```
 */
export function belowEach(
  linked: readonly ProvisionId[],
  source: Pick<AddressingSource, 'orderOf' | 'ancestorsOf'>,
): { readonly below: ReadonlyMap<string, readonly AddressedBelow[]>; readonly byDepth: ReadonlyMap<string, readonly AddressedBelow[]> } {
  const sorted = [...linked].sort((a, b) => source.orderOf(a) - source.orderOf(b));
  const below = new Map<string, AddressedBelow[]>();
  for (const via of sorted) for (const ancestor of source.ancestorsOf(via)) push(below, ancestor.id, { via, chain: ancestor.chain.slice().reverse() });
  const byDepth = new Map<string, readonly AddressedBelow[]>();
  for (const [id, list] of below) {
    const buckets: AddressedBelow[][] = [];
    for (const entry of list) (buckets[entry.chain.length - 1] ??= []).push(entry);
    byDepth.set(id, buckets.flat());
  }
  return { below, byDepth };
}

/**
 * Builds the addressing table: the links by the node they address now, in one pass; the rest (a node's addressers,
 * grouped and ordered; above a provision, the enclosing provisions something addresses; below, the addressed
 * provisions inside it, for the whole instrument it belongs to at once) now for every node when `eager` (the
 * default), else the first time a lookup asks for it, then kept. Both modes write the same tables with the same
 * builders.
 *
 * @example
 * ```ts
 * const table = buildAddressing(dataset.links, index)
 * table.addressedBelow(article27).map((a) => a.via) // art. 27(1), art. 27(1)(a), …
 * ```
 */
export function buildAddressing(links: readonly LinkRecord[], source: AddressingSource, eager = true): AddressingLookup {
  const to = new Map<string, LinkRecord[]>();
  for (const link of links) if (link.property === 'addresses' && link.status === 'asserted') push(to, link.to, link);
  // The addressed provisions (and whole instruments) of each instrument, in the order of the links.
  const addressed = new Map<string, ProvisionId[]>();
  for (const node of to.keys()) {
    const instrument = source.instrumentsByIri.get(node);
    const record = instrument ? undefined : source.provisions.get(node);
    if (instrument) push(addressed, instrument.id, instrumentAsProvision(instrument.iri));
    else if (record) push(addressed, record.instrument, record.id);
  }
  const addressers = new Map<string, readonly Addressing[]>();
  // Only nodes that a tool or part addresses (a link whose subject is neither is left out).
  const addressersOf = (node: string): readonly Addressing[] => {
    let found = addressers.get(node);
    if (found === undefined) {
      const own = to.get(node);
      if (!own) return EMPTY;
      const grouped = groupBySubject(own, source);
      addressers.set(node, (found = grouped.length > 0 ? grouped : EMPTY));
    }
    return found;
  };
  // Below each provision, by the instrument it belongs to (its ancestors are that instrument's provisions).
  const below = new Map<string, readonly AddressedBelow[]>();
  const byDepth = new Map<string, readonly AddressedBelow[]>();
  const done = new Set<string>();
  const belowIn = (instrument: string | undefined): void => {
    if (instrument === undefined || done.has(instrument)) return;
    done.add(instrument);
    const found = belowEach(addressed.get(instrument) ?? EMPTY, source);
    for (const [key, list] of found.below) below.set(key, list);
    for (const [key, list] of found.byDepth) byDepth.set(key, list);
  };
  const instrumentOf = (id: string) => source.instrumentsByIri.get(id)?.id ?? source.provisions.get(id)?.instrument;
  // Above each provision, only what is addressed: a call then looks up no enclosing provision that nothing addresses.
  const above = new Map<string, readonly Enclosing[]>();
  const shown = (b: Enclosing) => addressersOf(b.id).length > 0;
  const aboveOf = (id: string): readonly Enclosing[] => {
    let found = above.get(id);
    if (found === undefined) {
      const record = source.provisions.get(id);
      if (!record) return EMPTY;
      const broader = source.broaderOf(record.id);
      let kept = 0;
      for (const b of broader) if (shown(b)) kept++;
      above.set(id, (found = kept === 0 ? EMPTY : kept === broader.length ? broader : broader.filter(shown)));
    }
    return found;
  };
  if (eager) {
    for (const node of to.keys()) addressersOf(node);
    for (const instrument of addressed.keys()) belowIn(instrument);
    for (const id of source.provisions.keys()) aboveOf(id);
  }
  // Each lookup is assigned in the same order in both modes; eager ones read the tables without a first-use check.
  return {
    addressesTo: (node) => to.get(node) ?? EMPTY,
    addressersOf: eager ? (node) => addressers.get(node) ?? EMPTY : addressersOf,
    addressedBelow: eager
      ? (id) => below.get(id) ?? EMPTY
      : (id) => {
          belowIn(instrumentOf(id));
          return below.get(id) ?? EMPTY;
        },
    narrowerOf: eager
      ? (id) => byDepth.get(id) ?? EMPTY
      : (id) => {
          belowIn(instrumentOf(id));
          return byDepth.get(id) ?? EMPTY;
        },
    broaderAddressedOf: eager ? (id) => above.get(id) ?? EMPTY : aboveOf,
  };
}

/** The links to one node grouped by subject (tool or part), tools by id, then parts by path. */
function groupBySubject(links: readonly LinkRecord[], source: AddressingSource): readonly Addressing[] {
  const bySubject = new Map<string, LinkRecord[]>();
  for (const link of links) push(bySubject, link.from, link);
  const out: Addressing[] = [];
  for (const [subject, own] of bySubject) {
    const part = source.parts.get(subject);
    const tool = part ? source.tools.get(part.tool) : source.toolsByIri.get(subject);
    if (tool) out.push(Object.freeze({ subject, tool, part, links: Object.freeze(own) }));
  }
  out.sort((a, b) => compareStrings(a.tool.id, b.tool.id) || compareStrings(a.part?.path ?? '', b.part?.path ?? ''));
  return Object.freeze(out);
}
