/**
 * `parseCitation`: reads the ways people write provisions ("art. 27 para. 1(e)", "Article 27(1)(e)", "Art. 27.1.e",
 * "SOM Protocol art. 8(6)", "arts. 7–9 of the Protocol", "paragraph 2 of this article", an eId or an IRI) into a
 * typed citation. Pure: no RDF or graph imports.
 *
 * Levels are positional, as a lawyer reads them: the first number after an article is a paragraph; a letter directly
 * after an article is a subparagraph (UNTOC art. 2 has no paragraphs, so "art. 2 (i)" is the letter i); a roman
 * numeral is an item only after a subparagraph; a letter after an item is a subitem.
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import { instrumentId, instrumentIri, isSlug, mintEid, parseEid, provisionTail, type InstrumentId } from '../model/ids.js';
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
import { chapterValue, digitsValue, intToRoman, MAX_NUMBER } from '../model/numbers.js';
import { normalizeCitationText } from './chars.js';
import { defaultNames, type NameMatcher } from './names.js';
import { scanCitation, type Scanned } from './scan.js';
import { levelOf, pathToEid } from './path.js';
import {
  collectList,
  isFailure,
  isRange,
  KW_ARTICLE,
  KW_CHAPTER,
  KW_PARAGRAPH,
  KW_SUBPARAGRAPH,
  MAX_NUM_LENGTH,
  CHAPTER_NUMBER,
  parseSequence,
  parseTails,
  Parser,
  type Parsed,
  type RawItem,
  type RawPath,
} from './reader.js';
import type {
  ChapterCitation,
  Citation,
  CitationContext,
  InstrumentCitation,
  ListCitation,
  PathSegment,
  ProvisionCitation,
  RangeCitation,
  Span,
} from './types.js';

const OP = 'parseCitation';

/** The `assumptions` of every citation read without one: shared, and frozen so that no caller can add to it. */
const NO_ASSUMPTIONS: readonly string[] = Object.freeze([]);

/** The default context and options: shared, frozen (a call only reads them). */
const NO_CONTEXT: CitationContext = Object.freeze({});
const NO_OPTIONS: ParseOptions = Object.freeze({});

/** Options of {@link parseCitation}. */
export interface ParseOptions {
  /** Extra instrument names (for users' own instruments): `{ id, names }`. */
  readonly names?: NameMatcher;
}

/** Reads one citation expression starting at the current position. Returns `undefined` if nothing citation-like starts here. */
function parseExpression(p: Parser): Parsed | undefined {
  p.ws();
  const start = p.pos;
  let instrument: string | undefined;
  let instrumentStart = -1;

  const prefix = p.name();
  const afterName = p.pos;
  if (prefix) {
    if (prefix.target.kind !== 'instrument') {
      p.pos = start;
      return undefined;
    }
    instrument = prefix.target.instrument;
    instrumentStart = prefix.start;
    if (prefix.target.assumption) p.assumptions.push(prefix.target.assumption);
    p.eat(/\s*[,:]?/y, false);
  }

  let items: RawItem[] | undefined;
  let chapter = false;
  let relative: Parsed['relative'] = 'none';
  p.ws();
  if (p.eat(KW_ARTICLE, false)) {
    items = parseSequence(p, 'article', []);
  } else if (p.eat(KW_CHAPTER, false)) {
    chapter = true;
    const readChapter = (): RawPath | undefined => {
      p.ws();
      const s = p.pos;
      const m = p.eat(CHAPTER_NUMBER, false);
      if (m && chapterValue(m[0]) === undefined) p.fail(`"${shorten(m[0], 12)}" is not a chapter number`, `a chapter number from I to ${MAX_NUMBER}`, s);
      return m ? { segments: [{ element: 'art', num: m[0] }], start: s, end: p.pos } : undefined;
    };
    const first = readChapter();
    if (!first) p.fail('a chapter number is missing', 'a chapter number such as II');
    items = collectList(p, first, readChapter);
  } else if (!prefix && p.eat(KW_PARAGRAPH, false)) {
    relative = 'article';
    items = parseSequence(p, 'paragraph', []);
  } else if (!prefix && p.eat(KW_SUBPARAGRAPH, false)) {
    relative = 'paragraph';
    items = parseSequence(p, 'subparagraph', []);
  } else if (prefix) {
    // An instrument alone: "the Convention", "SOM Protocol". The span ends with the name.
    p.pos = afterName;
    return { instrument, instrumentStart, foreign: undefined, items: [], chapter: false, relative: 'none', start };
  } else {
    p.pos = start;
    return undefined;
  }

  // Tails: "of this article", "of article 11", "of paragraph 1 of article 18", "of the Convention".
  const tails = parseTails(p, instrument);
  let foreign: string | undefined;
  let scopeArticle: string | undefined | null = null; // null: not given
  let scopeParagraph: string | undefined | null = null;
  for (const tail of tails) {
    switch (tail.kind) {
      case 'instrument':
        if (instrument && instrument !== tail.target.instrument) {
          p.fail(`the citation names two instruments (${instrument} and ${tail.target.instrument})`, 'one instrument', tail.start);
        }
        instrument = tail.target.instrument;
        instrumentStart = tail.start;
        if (tail.target.assumption) p.assumptions.push(tail.target.assumption);
        break;
      case 'article':
        scopeArticle = tail.num;
        break;
      case 'paragraph':
        scopeParagraph = tail.num;
        break;
      case 'subparagraph':
        break;
      case 'foreign':
        foreign = tail.name;
        break;
    }
  }

  if (relative !== 'none' && items) {
    // Place relative paths under their scope: explicit ("of article 11"), "this article", or the context.
    const article = scopeArticle === null ? p.context.article : scopeArticle ?? p.context.article;
    let paragraph: string | undefined;
    if (relative === 'paragraph') {
      paragraph = scopeParagraph === null ? p.context.paragraph : scopeParagraph ?? p.context.paragraph;
    }
    if (article === undefined || (relative === 'paragraph' && scopeParagraph !== null && paragraph === undefined)) {
      return { instrument, instrumentStart, foreign, items, chapter, relative, start };
    }
    const prefixSegments: PathSegment[] = [{ element: 'art', num: article }];
    if (relative === 'paragraph' && paragraph !== undefined) prefixSegments.push({ element: 'para', num: paragraph });
    items = items.map((item) => rebase(item, prefixSegments, relative === 'paragraph' && paragraph !== undefined));
    relative = 'none';
  }
  return { instrument, instrumentStart, foreign, items, chapter, relative, start };
}

/** Puts a relative path ("para 2", "(a)") under an article (and paragraph). Subparagraph letters move below the paragraph. */
function rebase(item: RawItem, prefix: PathSegment[], hasParagraph: boolean): RawItem {
  if (isRange(item)) return { from: rebase(item.from, prefix, hasParagraph) as RawPath, to: rebase(item.to, prefix, hasParagraph) as RawPath };
  const own = item.segments.filter((s) => s.element !== 'art');
  // A letter read "below an article" becomes a subparagraph of the scope paragraph when there is one.
  const segments = hasParagraph && own[0]?.element === 'point' ? [...prefix, ...own] : [prefix[0]!, ...own];
  return { segments, start: item.start, end: item.end };
}

// ---------------------------------------------------------------------------------------------------------------
// From parsed pieces to citations

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

function provisionCitation(segments: PathSegment[], instrument: InstrumentId, span: Span, assumptions: readonly string[]): ProvisionCitation {
  const path = finalizePath(segments, instrument);
  return {
    kind: levelOf(path),
    instrument,
    path,
    eid: pathToEid(path),
    span,
    assumptions,
  };
}

function chapterCitation(number: string, instrument: InstrumentId, span: Span, assumptions: readonly string[]): ChapterCitation {
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

function build(parsed: Parsed, readAssumptions: readonly string[], context: CitationContext, end: number): Citation {
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
  if (parsed.items.length === 1) return convert(parsed, parsed.items[0]!, instrument, span, assumptions);
  const items: (ProvisionCitation | ChapterCitation | RangeCitation)[] = [];
  for (const item of parsed.items) items.push(convert(parsed, item, instrument, undefined, assumptions));
  const list: ListCitation = { kind: 'list', items, span, assumptions };
  return list;
}

/** One path of `parsed` as a citation; its span is `whole` when it is the whole citation, else its own. */
function one(parsed: Parsed, raw: RawPath, instrument: InstrumentId, whole: Span | undefined, assumptions: readonly string[]): ProvisionCitation | ChapterCitation {
  const span: Span = whole ?? { start: raw.start, end: raw.end };
  return parsed.chapter
    ? chapterCitation(raw.segments[0]!.num, instrument, span, assumptions)
    : provisionCitation(raw.segments, instrument, span, assumptions);
}

/** One item of `parsed` (a path or a range) as a citation; `whole` as for {@link one}. */
function convert(
  parsed: Parsed,
  item: RawItem,
  instrument: InstrumentId,
  whole: Span | undefined,
  assumptions: readonly string[],
): ProvisionCitation | ChapterCitation | RangeCitation {
  if (!isRange(item)) return one(parsed, item, instrument, whole, assumptions);
  const range: RangeCitation = {
    kind: 'range',
    from: one(parsed, item.from, instrument, undefined, assumptions),
    to: one(parsed, item.to, instrument, undefined, assumptions),
    span: whole ?? { start: item.from.start, end: item.to.end },
    assumptions,
  };
  return range;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and IRIs as citations

/** Refuses a context that is not an object (`null`, a string): the caller's error, not a TypeError. */
export function checkContext(operation: string, context: unknown): void {
  if (context === null || typeof context !== 'object') {
    throw new UntocKgError('invalid_input', operation, `the context must be an object such as { instrument: 'som-protocol' }, got ${context === null ? 'null' : typeof context}`, {
      value: context,
    });
  }
}


/** The known instruments' ids, minted once. */
const KNOWN_IDS: ReadonlyMap<string, InstrumentId> = new Map(KNOWN_INSTRUMENTS.map((entry) => [entry.id, instrumentId(entry.id)]));

/** An instrument id from a name or the context; a value that cannot be one is the caller's error. */
function instrumentOf(value: string): InstrumentId {
  const known = KNOWN_IDS.get(value);
  if (known) return known;
  if (typeof value !== 'string' || !isSlug(value)) {
    throw new UntocKgError('invalid_input', OP, `${shorten(String(value))} is not an instrument id (a lower-case slug such as som-protocol)`, { value });
  }
  return instrumentId(value);
}

/** A provision or instrument IRI of a known instrument as a citation; `undefined` for any other text. */
function fromIri(text: string, span: Span): Citation | undefined {
  for (const entry of KNOWN_INSTRUMENTS) {
    const tail = provisionTail(text, instrumentIri(entry.eli));
    if (tail === '') return { kind: 'instrument', instrument: instrumentId(entry.id), span, assumptions: NO_ASSUMPTIONS };
    if (tail !== undefined) return fromEid(tail, instrumentId(entry.id), span);
  }
  return undefined;
}

/**
 * An eId as a citation; `undefined` when it is not one: a malformed component, levels out of order, or a number that
 * is zero or beyond the bound (`art_0`, `chp_a`, `para_100000000000`).
 */
function fromEid(value: string, instrument: InstrumentId, span: Span): Citation | undefined {
  const segments = parseEid(value.toLowerCase());
  if (!segments) return undefined;
  for (const s of segments) {
    // No printed number is longer than `9999quinquies`; the digits of one are bounded.
    const digits = /^\d+/.exec(s.num);
    if (s.num.length > MAX_NUM_LENGTH || (digits && digitsValue(digits[0]) === undefined)) return undefined;
  }
  if (segments[0]!.element === 'chp') {
    if (segments.length !== 1 || chapterValue(segments[0]!.num) === undefined) return undefined;
    return chapterCitation(segments[0]!.num, instrument, span, NO_ASSUMPTIONS);
  }
  if (segments.some((s) => s.element === 'chp')) return undefined;
  const entry = knownInstrument(instrument);
  const path: PathSegment[] = segments.map((s) => ({
    element: s.element as PathSegment['element'],
    // Lettered Model Law numbers come back to their printed form: 5-a → 5.A
    num: s.element === 'art' && entry?.articleNumbers === 'lettered' ? s.num.replace(/^(\d+)-([a-z])$/, (_, n: string, l: string) => `${n}.${l.toUpperCase()}`) : s.num,
  }));
  if (path[0]!.element !== 'art') return undefined;
  // Reject eIds whose levels do not follow the article → paragraph → point order.
  for (let i = 1; i < path.length; i++) {
    if (path[i]!.element === 'art' || (path[i]!.element === 'para' && path[i - 1]!.element !== 'art')) return undefined;
  }
  return eidCitation(path, instrument, span);
}

/** The citation of a provision path read from an eId. */
function eidCitation(path: PathSegment[], instrument: InstrumentId, span: Span): ProvisionCitation {
  return { kind: levelOf(path), instrument, path, eid: pathToEid(path), span, assumptions: NO_ASSUMPTIONS };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** The citation the fast scanner read. */
function fromScanned(scanned: Scanned, context: CitationContext): Citation {
  switch (scanned.kind) {
    case 'expression':
      return build(scanned.parsed, scanned.assumptions, context, scanned.end);
    case 'eid':
      return eidCitation(scanned.path, instrumentOf(context.instrument ?? 'untoc'), { start: scanned.start, end: scanned.end });
    default:
      return scanned satisfies never;
  }
}

/**
 * Parses one citation. The whole input must be a citation (trailing punctuation aside).
 *
 * @param text - e.g. `art. 27 para. 1(e)`, `SOM Protocol art. 8(6)`, `arts. 7–9 of the Protocol`, an eId or an IRI.
 * @param context - what bare and relative references mean (default: the Convention, no article).
 * @returns A typed {@link Citation} with the span it covers.
 * @throws {@link UntocKgError} with code `syntax` (with `offset` and `expected`) when the input is not a citation.
 *
 * @example
 * ```ts
 * parseCitation('art. 27 para. 1(e)')
 * // { kind: 'subparagraph', instrument: 'untoc', eid: 'art_27__para_1__point_e', path: [...], span: { start: 0, end: 18 }, … }
 * parseCitation('article 35 of the Charter').kind // 'unresolved'
 * ```
 */
export function parseCitation(text: string, context: CitationContext = NO_CONTEXT, options: ParseOptions = NO_OPTIONS): Citation {
  if (typeof text !== 'string') {
    throw new UntocKgError('invalid_input', OP, `expected a string, got ${text === null ? 'null' : typeof text}`, { value: text });
  }
  checkContext(OP, context);
  const names = options.names ?? defaultNames;
  return scanToCitation(text, context, names) ?? readCitation(text, context, names);
}

/**
 * The fast path alone: the citation the scanner reads, or `undefined` where it leaves the input to the reader.
 *
 * @internal
 */
export function scanToCitation(text: string, context: CitationContext, names: NameMatcher): Citation | undefined {
  const scanned = scanCitation(text, context, names);
  return scanned && fromScanned(scanned, context);
}

/**
 * The regex reader alone, which reads every form and reports every error: what {@link parseCitation} falls back to,
 * and what the fast path must agree with. `text` and `context` are checked already.
 *
 * @internal
 */
export function readCitation(text: string, context: CitationContext, names: NameMatcher): Citation {
  const normalized = normalizeCitationText(text);
  const trimmed = normalized.trim();
  if (trimmed.length === 0) {
    throw new UntocKgError('syntax', OP, 'the citation is empty; expected a citation such as "art. 27 para. 1(e)"', {
      value: text,
      offset: 0,
      expected: 'a citation such as "art. 27 para. 1(e)"',
    });
  }
  const lead = normalized.length - normalized.trimStart().length;
  const span: Span = { start: lead, end: lead + trimmed.length };
  const byIri = fromIri(trimmed, span);
  if (byIri) return byIri;
  if (/^(?:chp|art)_/i.test(trimmed)) {
    const byEid = fromEid(trimmed, instrumentOf(context.instrument ?? 'untoc'), span);
    if (byEid) return byEid;
    // Point at the first component that is not `element_number`.
    let at = 0;
    for (const component of trimmed.split('__')) {
      if (!/^(?:chp|art|para|point|list)_[0-9a-z-]+$/i.test(component)) break;
      at += component.length + 2;
    }
    throw new UntocKgError('syntax', OP, `"${shorten(trimmed)}" looks like an eId but is not a valid one at offset ${lead + at}; expected e.g. art_27__para_1__point_e`, {
      value: text,
      offset: lead + Math.min(at, trimmed.length),
      expected: 'an eId such as art_27__para_1__point_e',
    });
  }

  const p: Parser = new Parser(normalized, context, names);
  const parsed = parseExpression(p);
  if (!parsed) {
    p.ws();
    p.fail('no citation found', 'an article, paragraph, subparagraph or chapter reference such as "art. 27 para. 1(e)"');
  }
  const end = p.pos;
  p.eat(/[\s.;,:)]*/y, false);
  if (p.pos < normalized.length) {
    p.ws();
    p.fail(`unexpected "${shorten(normalized.slice(p.pos, p.pos + 12), 12)}"`, 'the end of the citation');
  }
  return build(parsed, p.assumptions, context, end);
}

/**
 * Parses the citation that starts at `pos` of a running text, as far as it goes. Returns `undefined` when nothing
 * citation-like starts there. Used by `findCitations`.
 *
 * @internal
 */
export function parseCitationAt(
  text: string,
  pos: number,
  context: CitationContext = {},
  options: ParseOptions = {},
): Citation | undefined {
  const p = new Parser(text, context, options.names ?? defaultNames, true);
  p.pos = pos;
  let parsed: Parsed | undefined;
  try {
    parsed = parseExpression(p);
  } catch (error) {
    if (isFailure(error)) return undefined;
    throw error;
  }
  if (!parsed) return undefined;
  return build(parsed, p.assumptions, context, p.pos);
}
