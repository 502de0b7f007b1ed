/**
 * From read pieces to citations: the objects `parseCitation` returns, built the same way by the regex reader
 * (parse.ts, from its `Parsed` pieces) and by the fast scanner (scan.ts, from the paths it reads, whose numbers are
 * clean already).
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import { instrumentId, isSlug, mintEid, type InstrumentId } from '../model/ids.js';
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
import { chapterValue, intToRoman } from '../model/numbers.js';
import { levelOf, pathToEid } from './path.js';
import { isRange, type Parsed, type RawItem, type RawPath } from './reader.js';
import type { ChapterCitation, Citation, CitationContext, InstrumentCitation, ListCitation, PathSegment, ProvisionCitation, RangeCitation, Span } from './types.js';

const OP = 'parseCitation';

/** The `assumptions` of every citation read without one: shared, and frozen so that no caller can add to it. */
export const NO_ASSUMPTIONS: readonly string[] = Object.freeze([]);

function finalizePath(segments: PathSegment[], instrument: string): PathSegment[] {
  // Most paths hold no dotted article number: they are kept as they are.
  let dotted = false;
  for (let i = 0; i < segments.length && !dotted; i++) dotted = segments[i]!.element === 'art' && segments[i]!.num.includes('.');
  if (!dotted) return segments;
  const entry = knownInstrument(instrument);
  const out: PathSegment[] = [];
  for (const s of segments) {
    if (s.element === 'art' && /^\d+\.[A-Z]$/.test(s.num) && entry?.articleNumbers !== 'lettered') {
      // "5.A" in an instrument whose articles are not lettered: a dotted subparagraph.
      const [n, letter] = s.num.split('.');
      out.push({ element: 'art', num: n! }, { element: 'point', num: letter!.toLowerCase() });
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * A provision citation of a path as read. A `clean` path (the scanner's: clean numbers, no dotted article number)
 * is its own final path and mints its eId as it is.
 */
function provisionCitation(segments: PathSegment[], instrument: InstrumentId, span: Span, assumptions: readonly string[], clean: boolean): ProvisionCitation {
  const path = clean ? segments : finalizePath(segments, instrument);
  return {
    kind: levelOf(path),
    instrument,
    path,
    eid: clean ? mintEid(path) : pathToEid(path),
    span,
    assumptions,
  };
}

/** A chapter citation; its number printed in roman numerals, its eId by its value. */
export function chapterCitation(number: string, instrument: InstrumentId, span: Span, assumptions: readonly string[]): ChapterCitation {
  // The reader only lets numbers through that chapterValue accepts.
  const n = chapterValue(number)!;
  return {
    kind: 'chapter',
    instrument,
    number: intToRoman(n) ?? String(n),
    eid: mintEid([{ element: 'chp', num: String(n) }]),
    span,
    assumptions,
  };
}

/**
 * The citation of what was read, spanning `[parsed.start, end)`. `clean`: every path holds clean numbers and no dotted
 * article number (what the scanner reads), so that each is its own eId's path.
 */
export function build(parsed: Parsed, readAssumptions: readonly string[], context: CitationContext, end: number, clean = false): Citation {
  const span: Span = { start: parsed.start, end };
  const assumptions = readAssumptions.length === 0 ? NO_ASSUMPTIONS : [...readAssumptions];
  if (parsed.foreign !== undefined) {
    const first = parsed.items[0];
    const path = first ? (isRange(first) ? first.from.segments : first.segments) : [];
    return { kind: 'unresolved', reason: 'other_instrument', instrumentName: parsed.foreign, path, span, assumptions };
  }
  if (parsed.relative !== 'none') {
    const first = parsed.items[0];
    const path = first ? (isRange(first) ? first.from.segments : first.segments) : [];
    return { kind: 'unresolved', reason: 'needs_context', path, span, assumptions };
  }
  const instrument = instrumentOf(parsed.instrument ?? context.instrument ?? 'untoc');
  if (parsed.items.length === 0) {
    return { kind: 'instrument', instrument, span, assumptions } satisfies InstrumentCitation;
  }
  if (parsed.items.length === 1) return convert(parsed, parsed.items[0]!, instrument, span, assumptions, clean);
  const items: (ProvisionCitation | ChapterCitation | RangeCitation)[] = [];
  for (const item of parsed.items) items.push(convert(parsed, item, instrument, undefined, assumptions, clean));
  const list: ListCitation = { kind: 'list', items, span, assumptions };
  return list;
}

/** One path of `parsed` as a citation; its span is `whole` when it is the whole citation, else its own. */
function one(parsed: Parsed, raw: RawPath, instrument: InstrumentId, whole: Span | undefined, assumptions: readonly string[], clean: boolean): ProvisionCitation | ChapterCitation {
  const span: Span = whole ?? { start: raw.start, end: raw.end };
  return parsed.chapter
    ? chapterCitation(raw.segments[0]!.num, instrument, span, assumptions)
    : provisionCitation(raw.segments, instrument, span, assumptions, clean);
}

/** One item of `parsed` (a path or a range) as a citation; `whole` as for {@link one}. */
function convert(
  parsed: Parsed,
  item: RawItem,
  instrument: InstrumentId,
  whole: Span | undefined,
  assumptions: readonly string[],
  clean: boolean,
): ProvisionCitation | ChapterCitation | RangeCitation {
  if (!isRange(item)) return one(parsed, item, instrument, whole, assumptions, clean);
  const range: RangeCitation = {
    kind: 'range',
    from: one(parsed, item.from, instrument, undefined, assumptions, clean),
    to: one(parsed, item.to, instrument, undefined, assumptions, clean),
    span: whole ?? { start: item.from.start, end: item.to.end },
    assumptions,
  };
  return range;
}

/** The known instruments' ids, minted once. */
const KNOWN_IDS: ReadonlyMap<string, InstrumentId> = new Map(KNOWN_INSTRUMENTS.map((entry) => [entry.id, instrumentId(entry.id)]));

/** An instrument id from a name or the context; a value that cannot be one is the caller's error. */
export function instrumentOf(value: string): InstrumentId {
  const known = KNOWN_IDS.get(value);
  if (known) return known;
  if (typeof value !== 'string' || !isSlug(value)) {
    throw new UntocKgError('invalid_input', OP, `${shorten(String(value))} is not an instrument id (a lower-case slug such as som-protocol)`, { value });
  }
  return instrumentId(value);
}

/** The citation of a provision path read from an eId (`clean`: its numbers are clean, its eId minted as it is). */
export function eidCitation(path: PathSegment[], instrument: InstrumentId, span: Span, clean = false): ProvisionCitation {
  return { kind: levelOf(path), instrument, path, eid: clean ? mintEid(path) : pathToEid(path), span, assumptions: NO_ASSUMPTIONS };
}

