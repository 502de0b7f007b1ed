/**
 * The short label of a provision with its instrument (`UNTOC art. 27(1)(e)`, `SOM Protocol chapter II`), written
 * from the record's eId segments and the instrument's numbering, without reading the eId back as a citation. The
 * lookup index writes every provision's label once, when it is built; `provisionLabel` (citation/format.ts) gives the
 * same text through `formatCitation` (tests/query/labels.test.ts checks that they agree on every provision).
 *
 * @module
 */
import { parseEid, type EidSegment } from './ids.js';
import { knownInstrument } from './instruments.js';
import { chapterValue, intToRoman } from './numbers.js';

/** `art. 27(1)(e)` from eId segments; for a lettered Model Law article, its printed number (`5-a` → `5.A`). */
function shortPath(segments: readonly EidSegment[], lettered: boolean): string {
  let out = '';
  for (const [i, seg] of segments.entries()) {
    if (i === 0) out = `art. ${lettered ? seg.num.replace(/^(\d+)-([a-z])$/, (_, n: string, l: string) => `${n}.${l.toUpperCase()}`) : seg.num}`;
    else out += `(${seg.num})`;
  }
  return out;
}

/**
 * The label of a provision of an instrument with the abbreviation `abbreviation`: for a known instrument its short
 * citation (chapters in roman numerals), prefixed with the abbreviation where the citation does not start with it;
 * for another instrument, its abbreviation and the short form read off the eId (`chapter 2`, `art. 3(1)(b)`).
 *
 * @example
 * ```ts
 * labelOfProvision({ instrument: 'untoc', eid: 'art_27__para_1__point_e' }, 'UNTOC') // 'UNTOC art. 27(1)(e)'
 * labelOfProvision({ instrument: 'som-protocol', eid: 'chp_2' }, 'SOM Protocol') // 'SOM Protocol chapter II'
 * ```
 */
export function labelOfProvision(record: { readonly instrument: string; readonly eid: string }, abbreviation: string): string {
  const entry = knownInstrument(record.instrument);
  const segments = parseEid(entry ? record.eid.toLowerCase() : record.eid);
  if (!segments) return `${abbreviation} ${record.eid}`;
  const chapter = segments[0]!.element === 'chp';
  if (!entry) return `${abbreviation} ${chapter ? `chapter ${segments[0]!.num}` : shortPath(segments, false)}`;
  const n = chapter ? chapterValue(segments[0]!.num) : undefined;
  const body = chapter ? `chapter ${n === undefined ? segments[0]!.num : (intToRoman(n) ?? String(n))}` : shortPath(segments, entry.articleNumbers === 'lettered');
  const short = entry.id === 'untoc' ? body : `${entry.abbreviation} ${body}`;
  return short.startsWith(abbreviation) ? short : `${abbreviation} ${short}`;
}

/**
 * The label of a provision directly below another whose label is known: the parent's label and the provision's own
 * number, `UNTOC art. 27(1)` + `point_e` → `UNTOC art. 27(1)(e)` (what {@link labelOfProvision} gives, without
 * reading the eId again). `undefined` when `eid` is not `parentEid` and one more segment.
 *
 * @example
 * ```ts
 * labelBelow('UNTOC art. 27(1)', 'art_27__para_1', 'art_27__para_1__point_e') // 'UNTOC art. 27(1)(e)'
 * ```
 */
export function labelBelow(parentLabel: string, parentEid: string, eid: string): string | undefined {
  if (eid.length <= parentEid.length + 2 || !eid.startsWith(parentEid) || !eid.startsWith('__', parentEid.length)) return undefined;
  const last = eid.slice(parentEid.length + 2);
  const cut = last.indexOf('_');
  if (cut <= 0 || last.includes('__') || last.startsWith('list_') || parentLabel.endsWith(parentEid)) return undefined;
  return `${parentLabel}(${last.slice(cut + 1)})`;
}
