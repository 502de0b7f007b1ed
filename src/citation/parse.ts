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
import { UntocKgError } from '../errors.js';
import { cleanNum, mintEid, parseEid, BASE_IRI, type Eid, type EidSegment, type InstrumentId } from '../model/ids.js';
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
import { LETTER as LETTER_CLASS, WORD_END } from './chars.js';
import { chapterValue, intToRoman, isItemNumeral, LATIN_SUFFIX_PATTERN, MAX_NUMBER } from '../model/numbers.js';
import { defaultNames, matchForeignName, type NameMatcher, type NameTarget } from './names.js';
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

/** Options of {@link parseCitation}. */
export interface ParseOptions {
  /** Extra instrument names (for users' own instruments): `{ id, names }`. */
  readonly names?: NameMatcher;
}

// ---------------------------------------------------------------------------------------------------------------
// Number shapes

const LETTER = /^[a-z]$/;
const DIGITS = /^\d+$/;

// ---------------------------------------------------------------------------------------------------------------
// Paths

type Level = 'article' | 'paragraph' | 'subparagraph' | 'item' | 'subitem';

/** The level of a path: article, paragraph, or the depth of its points below. */
function levelOf(path: readonly PathSegment[]): Level {
  const last = path[path.length - 1];
  if (!last || last.element === 'art') return 'article';
  if (last.element === 'para') return 'paragraph';
  const depth = path.filter((s) => s.element === 'point').length;
  return depth === 1 ? 'subparagraph' : depth === 2 ? 'item' : 'subitem';
}

/** The eId of a path (numbers cleaned the Akoma Ntoso way). */
export function pathToEid(path: readonly PathSegment[]): Eid {
  return mintEid(path.map((s): EidSegment => ({ element: s.element, num: cleanNum(s.num) })));
}

/** Which shapes a number may take at the level below `path`. */
function expectedBelow(path: readonly PathSegment[]): string {
  switch (levelOf(path)) {
    case 'article':
      return 'a paragraph number or a subparagraph letter';
    case 'paragraph':
      return 'a subparagraph letter such as (a)';
    case 'subparagraph':
      return 'an item numeral such as (i)';
    case 'item':
      return 'a subitem letter such as a.';
    case 'subitem':
      return 'nothing further (subitems are the lowest level)';
  }
}

/** The segment a token makes when it comes directly below `path`, or `undefined` if it cannot go there. */
function segmentBelow(path: readonly PathSegment[], token: string): PathSegment | undefined {
  const t = token.toLowerCase();
  switch (levelOf(path)) {
    case 'article':
      if (DIGITS.test(t)) return { element: 'para', num: String(Number(t)) };
      if (LETTER.test(t)) return { element: 'point', num: t };
      return undefined;
    case 'paragraph':
      return LETTER.test(t) ? { element: 'point', num: t } : undefined;
    case 'subparagraph':
      return isItemNumeral(t) ? { element: 'point', num: t } : undefined;
    case 'item':
      return LETTER.test(t) ? { element: 'point', num: t } : undefined;
    case 'subitem':
      return undefined;
  }
}

/** The shape class of a token, to decide which earlier segment a continuation ("and (b)") replaces. */
function fitsLevel(level: Level, token: string): boolean {
  const t = token.toLowerCase();
  switch (level) {
    case 'article':
    case 'paragraph':
      return DIGITS.test(t);
    case 'subparagraph':
    case 'subitem':
      return LETTER.test(t);
    case 'item':
      return isItemNumeral(t);
  }
}

/**
 * A continuation token ("(f)" in "1(a)–(f)", "(ii)" in "(i) and (ii)") replaces the deepest segment of the previous
 * path whose level it fits, dropping what was below it.
 */
function replaceDeepest(path: readonly PathSegment[], token: string, fromLevel: number): PathSegment[] | undefined {
  for (let depth = path.length; depth > fromLevel; depth--) {
    const prefix = path.slice(0, depth - 1);
    const level = levelOf(path.slice(0, depth));
    if (level === 'article') continue; // bare numbers replace articles only through the keyword rule
    if (!fitsLevel(level, token)) continue;
    const segment = segmentBelow(prefix, token);
    if (segment) return [...prefix, segment];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The parser

const KW_ARTICLE = new RegExp(`(?:articles|article|arts\\.?|art\\.?|artt\\.?)${WORD_END}`, 'iy');
const KW_PARAGRAPH = new RegExp(`(?:paragraphs|paragraph|paras\\.?|para\\.?|§§|§)(?![${LETTER_CLASS}])`, 'iy');
const KW_SUBPARAGRAPH = new RegExp(
  `(?:subparagraphs|subparagraph|sub-paragraphs|sub-paragraph|subparas\\.?|subpara\\.?|sub-para\\.?|points|point|lit\\.)${WORD_END}`,
  'iy',
);
const KW_ITEM = new RegExp(`(?:items|item)${WORD_END}`, 'iy');
const KW_CHAPTER = new RegExp(`(?:chapters|chapter|chaps?\\.|chs?\\.)${WORD_END}`, 'iy');
const NUMBER = new RegExp(`\\d+(?:\\s?(?:${LATIN_SUFFIX_PATTERN})(?![a-z]))?`, 'iy');
const LETTERED_ARTICLE = /\d+\.[A-Z](?![A-Za-z0-9])/y;
const CHAPTER_NUMBER = new RegExp(`(?:[IVXLC]+|\\d+)${WORD_END}`, 'y');
const PAREN = /\(\s*([0-9]+|[a-zA-Z]{1,6})\s*\)/y;
const HALF_PAREN = /([a-z]{1,6})\)/y; // treaty style "a)", "b)"
const DOTTED = new RegExp(`\\.([0-9]+|[a-z]{1,6})${WORD_END}`, 'y');
const LETTER_TOKEN = new RegExp(`([a-z])${WORD_END}`, 'iy');
const LOWER_LETTER_TOKEN = new RegExp(`([a-z])${WORD_END}`, 'y');
const ROMAN_TOKEN = new RegExp(`([ivxlc]+)${WORD_END}`, 'iy');
const SUBITEM_DOT = /([a-z])\.(?=\s|$|[,;)])/y;
const RANGE_SEP = /\s*(?:[-–—‐‑]|\s(?:to|through)\s)\s*/iy;
const LIST_SEP = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or|and\/or)\s+|;\s*)/iy;

/** Space, tab, line ends and the no-break spaces (`normalizeCitationText` has already mapped the others). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** The parser's running state over one input. */
class Parser {
  pos = 0;
  readonly assumptions: string[] = [];

  constructor(
    readonly text: string,
    readonly context: CitationContext,
    readonly names: NameMatcher,
  ) {}

  fail(message: string, expected: string, at = this.pos): never {
    throw new UntocKgError('syntax', OP, `${message} at offset ${at} in "${this.text}"; expected ${expected}`, {
      value: this.text,
      offset: at,
      expected,
    });
  }

  ws(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** Tries a sticky regex at the current position (after optional spaces when `skipWs`); advances on success. */
  eat(re: RegExp, skipWs = true): RegExpExecArray | undefined {
    const start = this.pos;
    if (skipWs) this.ws();
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) {
      this.pos = start;
      return undefined;
    }
    this.pos += m[0].length;
    return m;
  }

  /** Peeks a sticky regex without moving. */
  sees(re: RegExp, skipWs = true): boolean {
    const start = this.pos;
    const m = this.eat(re, skipWs);
    this.pos = start;
    return m !== undefined;
  }

  name(): { target: NameTarget; start: number } | undefined {
    const start = this.pos;
    this.ws();
    const at = this.pos;
    const m = this.names.match(this.text, at, this.context);
    if (!m) {
      this.pos = start;
      return undefined;
    }
    this.pos = m.end;
    return { target: m.target, start: at };
  }
}

/** What a parsed unit refers to before the instrument is known. */
interface RawPath {
  readonly segments: PathSegment[];
  readonly start: number;
  end: number;
}
interface RawRange {
  readonly from: RawPath;
  readonly to: RawPath;
}
type RawItem = RawPath | RawRange;

function isRange(item: RawItem): item is RawRange {
  return 'from' in item;
}

/** How the numbers of a sequence were introduced, to decide what a bare continuation number replaces. */
type BareLevel = 'article' | 'paragraph';

/** Reads the subdivisions after an article (or paragraph) number: "(1)(e)", ", paragraph 1 (e)", ".1.e", "para. 6". */
function parseSubpath(p: Parser, path: PathSegment[], allowDotted: boolean): void {
  let dotted = allowDotted;
  for (;;) {
    const before = p.pos;
    // dotted form directly after the number: 27.1.e
    if (dotted) {
      const m = p.eat(DOTTED, false);
      if (m) {
        const seg = segmentBelow(path, m[1]!);
        if (!seg) {
          p.pos = before;
          break;
        }
        path.push(seg);
        continue;
      }
      dotted = false;
    }
    const paren = p.eat(PAREN) ?? (levelOf(path) !== 'article' || path.length > 0 ? p.eat(HALF_PAREN) : undefined);
    if (paren) {
      const token = paren[1]!;
      const seg = segmentBelow(path, token);
      if (!seg) p.fail(`"(${token})" cannot follow ${describe(path)}`, expectedBelow(path), before + (p.text.slice(before).length - p.text.slice(before).trimStart().length));
      path.push(seg);
      continue;
    }
    // keyword forms, optionally after a comma: ", paragraph 1", " para. 6", ", subparagraph (e)"
    const save = p.pos;
    p.eat(/\s*,/y, false);
    if (levelOf(path) === 'article' && p.eat(KW_PARAGRAPH)) {
      const n = p.eat(/\d+/y);
      if (!n) p.fail('a paragraph number is missing', 'a paragraph number');
      path.push({ element: 'para', num: String(Number(n[0])) });
      continue;
    }
    if ((levelOf(path) === 'article' || levelOf(path) === 'paragraph') && p.eat(KW_SUBPARAGRAPH)) {
      const m = p.eat(PAREN) ?? p.eat(HALF_PAREN) ?? p.eat(LETTER_TOKEN);
      if (!m) p.fail('a subparagraph letter is missing', 'a subparagraph letter such as (e)');
      const seg = segmentBelow(path, m[1]!);
      if (!seg) p.fail(`"${m[1]}" is not a subparagraph letter`, 'a subparagraph letter such as (e)');
      path.push(seg);
      continue;
    }
    if (levelOf(path) === 'subparagraph' && p.eat(KW_ITEM)) {
      const m = p.eat(PAREN) ?? p.eat(ROMAN_TOKEN);
      if (!m || !isItemNumeral(m[1]!.toLowerCase())) p.fail('an item numeral is missing', 'an item numeral such as (ii)');
      path.push({ element: 'point', num: m[1]!.toLowerCase() });
      continue;
    }
    p.pos = save;
    if (levelOf(path) === 'item') {
      const m = p.eat(SUBITEM_DOT);
      if (m) {
        path.push({ element: 'point', num: m[1]! });
        continue;
      }
    }
    break;
  }
}

function describe(path: readonly PathSegment[]): string {
  const level = levelOf(path);
  return path.length === 0 ? 'the article number' : `a ${level}`;
}

/** Reads an article number: 27, 2 bis, or a Model Law number such as 5.A. */
function articleNumber(p: Parser): string | undefined {
  const lettered = p.eat(LETTERED_ARTICLE);
  if (lettered) return lettered[0];
  const m = p.eat(NUMBER);
  if (!m) return undefined;
  return m[0].replace(/\s+/g, ' ');
}

/**
 * Reads a sequence that starts at a level keyword: one path, then ranges and lists of continuations.
 * `base` is the path above the first number (empty for articles; the article for "paragraph 2 of this article").
 */
function parseSequence(p: Parser, first: BareLevel | 'subparagraph', base: PathSegment[]): RawItem[] {
  const items: RawItem[] = [];
  let bare: BareLevel = first === 'subparagraph' ? 'paragraph' : first;
  const readHead = (keyword: BareLevel | 'subparagraph', prefix: PathSegment[]): RawPath | undefined => {
    p.ws();
    const start = p.pos;
    const path = [...prefix];
    if (keyword === 'article') {
      const n = articleNumber(p);
      if (n === undefined) return undefined;
      path.push({ element: 'art', num: n });
      parseSubpath(p, path, true);
    } else if (keyword === 'paragraph') {
      const n = p.eat(/\d+/y);
      if (!n) return undefined;
      path.push({ element: 'para', num: String(Number(n[0])) });
      parseSubpath(p, path, false);
    } else {
      const m = p.eat(PAREN) ?? p.eat(HALF_PAREN) ?? p.eat(LOWER_LETTER_TOKEN);
      if (!m) return undefined;
      const seg = segmentBelow(path, m[1]!);
      if (!seg) return undefined;
      path.push(seg);
      parseSubpath(p, path, false);
    }
    return { segments: path, start, end: p.pos };
  };

  const head = readHead(first, base);
  if (!head) {
    const expected = first === 'article' ? 'an article number' : first === 'paragraph' ? 'a paragraph number' : 'a subparagraph letter';
    p.fail(`${expected.replace(/^an? /, '')} is missing`, expected);
  }
  items.push(head);
  let previous = head;

  /** A continuation after a separator: a new number at the bare level, a keyword, or a parenthesized token. */
  const readContinuation = (): RawPath | undefined => {
    const save = p.pos;
    p.ws();
    const start = p.pos;
    if (p.eat(KW_ARTICLE, false)) {
      bare = 'article';
      return readHead('article', []);
    }
    if (p.eat(KW_PARAGRAPH, false)) {
      const article = previous.segments.filter((s) => s.element === 'art');
      bare = 'paragraph';
      return readHead('paragraph', article);
    }
    if (p.eat(KW_SUBPARAGRAPH, false)) {
      const upTo = previous.segments.findIndex((s) => s.element === 'point');
      const prefix = upTo < 0 ? [...previous.segments] : previous.segments.slice(0, upTo);
      return readHead('subparagraph', prefix);
    }
    if (p.sees(/\d/y, false)) {
      if (bare === 'article') {
        return readHead('article', []);
      }
      const article = previous.segments.filter((s) => s.element === 'art');
      const hasPara = previous.segments.some((s) => s.element === 'para');
      if (!hasPara && previous.segments.length > 0 && base.length === 0 && article.length === 0) return undefined;
      return readHead('paragraph', article);
    }
    const m = p.eat(PAREN, false) ?? p.eat(HALF_PAREN, false) ?? p.eat(SUBITEM_DOT, false);
    if (m) {
      const replaced = replaceDeepest(previous.segments, m[1]!, base.length);
      if (!replaced) {
        p.pos = save;
        return undefined;
      }
      parseSubpath(p, replaced, false);
      return { segments: replaced, start, end: p.pos };
    }
    p.pos = save;
    return undefined;
  };

  for (;;) {
    const save = p.pos;
    if (p.eat(RANGE_SEP, false)) {
      const to = readContinuation();
      if (!to) {
        p.pos = save;
        break;
      }
      const last = items.pop()!;
      const from = isRange(last) ? last.to : last;
      items.push({ from, to });
      previous = to;
      continue;
    }
    if (p.eat(LIST_SEP, false)) {
      const next = readContinuation();
      if (!next) {
        p.pos = save;
        break;
      }
      items.push(next);
      previous = next;
      continue;
    }
    break;
  }
  return items;
}

/** A trailing scope: "of this article", "of article 11", "of paragraph 1", "of the Convention", "of the Charter". */
type Tail =
  | { kind: 'instrument'; target: NameTarget & { kind: 'instrument' }; start: number }
  | { kind: 'article'; num: string | undefined }
  | { kind: 'paragraph'; num: string | undefined }
  | { kind: 'subparagraph' }
  | { kind: 'foreign'; name: string };

function parseTails(p: Parser): Tail[] {
  const tails: Tail[] = [];
  for (;;) {
    const save = p.pos;
    if (!p.eat(/\s*,?\s*(?:of|under|in)\s+/iy, false)) break;
    if (p.eat(KW_ARTICLE, false)) {
      const n = articleNumber(p);
      if (n === undefined) {
        p.pos = save;
        break;
      }
      tails.push({ kind: 'article', num: n });
      continue;
    }
    if (p.eat(KW_PARAGRAPH, false)) {
      const n = p.eat(/\d+/y);
      if (!n) {
        p.pos = save;
        break;
      }
      tails.push({ kind: 'paragraph', num: String(Number(n[0])) });
      continue;
    }
    const start = p.pos;
    const name = p.name();
    if (name) {
      const t = name.target;
      if (t.kind === 'instrument') tails.push({ kind: 'instrument', target: t, start });
      else if (t.kind === 'this-article') tails.push({ kind: 'article', num: undefined });
      else if (t.kind === 'this-paragraph') tails.push({ kind: 'paragraph', num: undefined });
      else tails.push({ kind: 'subparagraph' });
      continue;
    }
    const foreign = matchForeignName(p.text, p.pos);
    if (foreign) {
      p.pos = foreign.end;
      tails.push({ kind: 'foreign', name: foreign.name });
      break;
    }
    p.pos = save;
    break;
  }
  return tails;
}

/** The finished pieces, before they become citations. */
interface Parsed {
  instrument: string | undefined;
  instrumentStart: number;
  foreign: string | undefined;
  items: RawItem[];
  chapter: boolean;
  relative: 'none' | 'article' | 'paragraph' | 'subparagraph';
  start: number;
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
    items = [];
    const readChapter = (): RawPath | undefined => {
      p.ws();
      const s = p.pos;
      const m = p.eat(CHAPTER_NUMBER, false);
      if (m && chapterValue(m[0]) === undefined) p.fail(`"${m[0]}" is not a chapter number`, `a chapter number from I to ${MAX_NUMBER}`, s);
      return m ? { segments: [{ element: 'art', num: m[0] }], start: s, end: p.pos } : undefined;
    };
    const first = readChapter();
    if (!first) p.fail('a chapter number is missing', 'a chapter number such as II');
    items.push(first);
    for (;;) {
      const save = p.pos;
      if (p.eat(RANGE_SEP, false)) {
        const to = readChapter();
        if (!to) {
          p.pos = save;
          break;
        }
        items.push({ from: items.pop() as RawPath, to });
        continue;
      }
      if (p.eat(LIST_SEP, false)) {
        const next = readChapter();
        if (!next) {
          p.pos = save;
          break;
        }
        items.push(next);
        continue;
      }
      break;
    }
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
  const tails = parseTails(p);
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

function finalizePath(segments: readonly PathSegment[], instrument: string): PathSegment[] {
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

function provisionCitation(segments: readonly PathSegment[], instrument: string, span: Span, assumptions: readonly string[]): ProvisionCitation {
  const path = finalizePath(segments, instrument);
  return {
    kind: levelOf(path),
    instrument: instrument as InstrumentId,
    path,
    eid: pathToEid(path),
    span,
    assumptions,
  };
}

function chapterCitation(number: string, instrument: string, span: Span, assumptions: readonly string[]): ChapterCitation {
  // The reader only lets numbers through that chapterValue accepts.
  const n = chapterValue(number)!;
  return {
    kind: 'chapter',
    instrument: instrument as InstrumentId,
    number: intToRoman(n) ?? String(n),
    eid: mintEid([{ element: 'chp', num: String(n) }]),
    span,
    assumptions,
  };
}

function build(parsed: Parsed, p: Parser, end: number): Citation {
  const span: Span = { start: parsed.start, end };
  const assumptions = [...p.assumptions];
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
  let instrument = parsed.instrument;
  if (instrument === undefined) instrument = p.context.instrument ?? 'untoc';
  if (parsed.items.length === 0) {
    return { kind: 'instrument', instrument: instrument as InstrumentId, span, assumptions } satisfies InstrumentCitation;
  }
  const one = (raw: RawPath, whole: boolean): ProvisionCitation | ChapterCitation => {
    const s: Span = whole ? span : { start: raw.start, end: raw.end };
    return parsed.chapter
      ? chapterCitation(raw.segments[0]!.num, instrument, s, assumptions)
      : provisionCitation(raw.segments, instrument, s, assumptions);
  };
  const convert = (item: RawItem, whole: boolean): ProvisionCitation | ChapterCitation | RangeCitation => {
    if (!isRange(item)) return one(item, whole);
    const range: RangeCitation = {
      kind: 'range',
      from: one(item.from, false),
      to: one(item.to, false),
      span: whole ? span : { start: item.from.start, end: item.to.end },
      assumptions,
    };
    return range;
  };
  if (parsed.items.length === 1) return convert(parsed.items[0]!, true);
  const list: ListCitation = { kind: 'list', items: parsed.items.map((i) => convert(i, false)), span, assumptions };
  return list;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids and IRIs as citations

function fromIri(text: string, context: CitationContext, span: Span): Citation | undefined {
  if (!text.startsWith(BASE_IRI)) return undefined;
  for (const entry of KNOWN_INSTRUMENTS) {
    const root = `${BASE_IRI}${entry.eli}`;
    if (text === root) return { kind: 'instrument', instrument: entry.id as InstrumentId, span, assumptions: [] };
    if (text.startsWith(`${root}/`)) return fromEid(text.slice(root.length + 1).replaceAll('/', '__'), entry.id, span);
  }
  void context;
  return undefined;
}

function fromEid(value: string, instrument: string, span: Span): Citation | undefined {
  const segments = parseEid(value.toLowerCase());
  if (!segments) return undefined;
  if (segments[0]!.element === 'chp') {
    if (segments.length !== 1 || chapterValue(segments[0]!.num) === undefined) return undefined;
    return chapterCitation(segments[0]!.num, instrument, span, []);
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
  return { kind: levelOf(path), instrument: instrument as InstrumentId, path, eid: pathToEid(path), span, assumptions: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Replaces typographic dashes and spaces with plain ones, keeping every offset. */
export function normalizeCitationText(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
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
export function parseCitation(text: string, context: CitationContext = {}, options: ParseOptions = {}): Citation {
  if (typeof text !== 'string') {
    throw new UntocKgError('invalid_input', OP, `expected a string, got ${text === null ? 'null' : typeof text}`, { value: text });
  }
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
  const byIri = fromIri(trimmed, context, span);
  if (byIri) return byIri;
  if (/^(?:chp|art)_/i.test(trimmed)) {
    const byEid = fromEid(trimmed, context.instrument ?? 'untoc', span);
    if (byEid) return byEid;
    // Point at the first component that is not `element_number`.
    let at = 0;
    for (const component of trimmed.split('__')) {
      if (!/^(?:chp|art|para|point|list)_[0-9a-z-]+$/i.test(component)) break;
      at += component.length + 2;
    }
    throw new UntocKgError('syntax', OP, `"${trimmed}" looks like an eId but is not a valid one at offset ${lead + at}; expected e.g. art_27__para_1__point_e`, {
      value: text,
      offset: lead + Math.min(at, trimmed.length),
      expected: 'an eId such as art_27__para_1__point_e',
    });
  }

  const p: Parser = new Parser(normalized, context, options.names ?? defaultNames);
  const parsed = parseExpression(p);
  if (!parsed) {
    p.ws();
    p.fail('no citation found', 'an article, paragraph, subparagraph or chapter reference such as "art. 27 para. 1(e)"');
  }
  const end = p.pos;
  p.eat(/[\s.;,:)]*/y, false);
  if (p.pos < normalized.length) {
    p.ws();
    p.fail(`unexpected "${normalized.slice(p.pos, p.pos + 12)}"`, 'the end of the citation');
  }
  return build(parsed, p, end);
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
  const p = new Parser(text, context, options.names ?? defaultNames);
  p.pos = pos;
  let parsed: Parsed | undefined;
  try {
    parsed = parseExpression(p);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  return build(parsed, p, p.pos);
}
