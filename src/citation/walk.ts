/**
 * Finding a provision by its path without building its IRI: a tree of number-keyed child tables, built once from
 * the provisions' IRIs, that resolution walks (instrument → article → paragraph → point …), one short-key lookup a
 * level, instead of writing the provision IRI and hashing it. The tree is keyed by the segments of each provision's
 * IRI below its instrument's, so a walk finds exactly the record a lookup of `provisionId(instrument, eid)` finds.
 *
 * @module
 */
import type { InstrumentRecord, ProvisionRecord } from '../model/dataset.js';
import { cleanNum, provisionTail, type EidElement, type EidSegment, type InstrumentIri } from '../model/ids.js';

/**
 * One node of the tree: the provision there, if any, and its children by eId element (one field each, so that a
 * walk reads a named field, not a property by a computed key), then by number.
 */
interface Node {
  record: ProvisionRecord | undefined;
  chp: Map<string, Node> | undefined;
  art: Map<string, Node> | undefined;
  para: Map<string, Node> | undefined;
  point: Map<string, Node> | undefined;
}

function node(): Node {
  return { record: undefined, chp: undefined, art: undefined, para: undefined, point: undefined };
}

/** The children of `at` under `element`. */
function childrenOf(at: Node, element: EidElement): Map<string, Node> | undefined {
  switch (element) {
    case 'art':
      return at.art;
    case 'para':
      return at.para;
    case 'point':
      return at.point;
    case 'chp':
      return at.chp;
    default:
      return element satisfies never;
  }
}

function isElement(value: string): value is EidElement {
  return value === 'art' || value === 'para' || value === 'point' || value === 'chp';
}

/** Finds the provision at a path below an instrument IRI (numbers as printed or clean); `undefined` where none is. */
export type ProvisionWalk = (instrument: string, path: readonly EidSegment[]) => ProvisionRecord | undefined;

/**
 * Builds the tree over `provisions` (in time linear in them) and returns the walk over it. A provision whose IRI is
 * not its instrument's IRI and clean eId segments is left out: the walk misses it, and callers that miss fall back to
 * a lookup by IRI.
 *
 * @example
 * ```ts
 * const walk = provisionWalk(dataset.instruments, dataset.provisions)
 * walk(untoc.iri, [{ element: 'art', num: '27' }, { element: 'para', num: '1' }])?.eid // 'art_27__para_1'
 * ```
 */
export function provisionWalk(instruments: Iterable<InstrumentRecord>, provisions: Iterable<ProvisionRecord>): ProvisionWalk {
  const iris = new Map<string, InstrumentIri>();
  for (const instrument of instruments) iris.set(instrument.id, instrument.iri);
  const roots = new Map<string, Node>();
  records: for (const record of provisions) {
    const iri = iris.get(record.instrument);
    const tail = iri === undefined ? undefined : provisionTail(record.id, iri);
    if (iri === undefined || !tail) continue;
    let at: Node | undefined = roots.get(iri);
    if (!at) roots.set(iri, (at = node()));
    for (const piece of tail.split('__')) {
      const cut = piece.indexOf('_');
      const element = piece.slice(0, cut);
      if (cut <= 0 || !isElement(element)) continue records;
      const num = piece.slice(cut + 1);
      const table: Map<string, Node> = (at[element] ??= new Map());
      let next: Node | undefined = table.get(num);
      if (!next) table.set(num, (next = node()));
      at = next;
    }
    at.record = record;
  }
  return (instrument, path) => {
    let at = roots.get(instrument);
    for (let i = 0; at !== undefined && i < path.length; i++) {
      const segment = path[i]!;
      at = childrenOf(at, segment.element)?.get(cleanNum(segment.num));
    }
    return at?.record;
  };
}
