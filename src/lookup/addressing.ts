/**
 * The addressing table `toolsAddressing` reads: the asserted `addresses` links by the node they address, and under
 * every provision the addressed provisions inside it, in document order, each with the chain of provisions down to
 * it. Part of the lookup projection (`buildIndex` builds it the first time it is read); queries only read it.
 *
 * @module
 */
import type { InstrumentRecord, LinkRecord, ProvisionRecord } from '../model/dataset.js';
import { instrumentAsProvision, type ProvisionId } from '../model/ids.js';

/** An addressed provision below another one, and the chain from the upper one down to it. */
export interface AddressedBelow {
  readonly via: ProvisionId;
  /** From the enclosing provision down to `via`, both included. */
  readonly chain: readonly ProvisionId[];
}

/** The addressing table. */
export interface AddressingLookup {
  /** The asserted `addresses` links whose object is `node`. */
  addressesTo(node: string): readonly LinkRecord[];
  /** The provisions inside `id` that something addresses, in document order. */
  addressedBelow(id: string): readonly AddressedBelow[];
}

/** What the table is built from: the dataset's links and the structural lookups of the index. */
export interface AddressingSource {
  readonly links: readonly LinkRecord[];
  provisionRecord(id: ProvisionId): ProvisionRecord | undefined;
  readonly instrumentsByIri: ReadonlyMap<string, InstrumentRecord>;
  orderOf(id: string): number;
  ancestorsOf(id: ProvisionId): readonly { readonly id: ProvisionId; readonly chain: readonly ProvisionId[] }[];
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Builds the addressing table in one pass over the links and the ancestry of each addressed provision.
 *
 * @example
 * ```ts
 * const table = buildAddressing({ links: dataset.links, ...index })
 * table.addressedBelow(article27).map((a) => a.via) // art. 27(1), art. 27(1)(a), …
 * ```
 */
export function buildAddressing(source: AddressingSource): AddressingLookup {
  const to = new Map<string, LinkRecord[]>();
  for (const link of source.links) {
    if (link.property !== 'addresses' || link.status !== 'asserted') continue;
    const list = to.get(link.to);
    if (list) list.push(link);
    else to.set(link.to, [link]);
  }
  // Every addressed provision (or instrument), under each provision that encloses it, in document order.
  const addressed: ProvisionId[] = [];
  for (const node of to.keys()) {
    const instrument = source.instrumentsByIri.get(node);
    const provision = instrument ? instrumentAsProvision(instrument.iri) : source.provisionRecord(node as ProvisionId)?.id;
    if (provision !== undefined) addressed.push(provision);
  }
  addressed.sort((a, b) => source.orderOf(a) - source.orderOf(b));
  const below = new Map<string, AddressedBelow[]>();
  for (const via of addressed) {
    for (const ancestor of source.ancestorsOf(via)) {
      const entry: AddressedBelow = { via, chain: Object.freeze([...ancestor.chain].reverse()) };
      const list = below.get(ancestor.id);
      if (list) list.push(entry);
      else below.set(ancestor.id, [entry]);
    }
  }
  return {
    addressesTo: (node) => to.get(node) ?? EMPTY,
    addressedBelow: (id) => below.get(id) ?? EMPTY,
  };
}
