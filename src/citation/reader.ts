/**
 * The reader under `parseCitation`: the grammar's tokens, the running state over one input, and the pieces a citation
 * is read from (paths below an article, sequences with ranges and lists, trailing scopes such as "of this article").
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import { digitsValue, isItemNumeral, LATIN_SUFFIX_PATTERN, MAX_NUMBER } from '../model/numbers.js';
import { LETTER as LETTER_CLASS, WORD_END } from './chars.js';
import { matchForeignName, type NameMatcher, type NameTarget } from './names.js';
import { describe, expectedBelow, levelOf, replaceDeepest, segmentBelow } from './path.js';
import type { CitationContext, PathSegment } from './types.js';

const OP = 'parseCitation';
// ---------------------------------------------------------------------------------------------------------------
// The parser

export const KW_ARTICLE = new RegExp(`(?:articles|article|arts\\.?|art\\.?|artt\\.?)${WORD_END}`, 'iy');
export const KW_PARAGRAPH = new RegExp(`(?:paragraphs|paragraph|paras\\.?|para\\.?|§§|§)(?![${LETTER_CLASS}])`, 'iy');
export const KW_SUBPARAGRAPH = new RegExp(
  `(?:subparagraphs|subparagraph|sub-paragraphs|sub-paragraph|subparas\\.?|subpara\\.?|sub-para\\.?|points|point|lit\\.)${WORD_END}`,
  'iy',
);
const KW_ITEM = new RegExp(`(?:items|item)${WORD_END}`, 'iy');
export const KW_CHAPTER = new RegExp(`(?:chapters|chapter|chaps?\\.|chs?\\.)${WORD_END}`, 'iy');
const DIGIT_RUN = /\d+/y;
const NUMBER = new RegExp(`\\d+(?:\\s?(?:${LATIN_SUFFIX_PATTERN})(?![a-z]))?`, 'iy');
const LETTERED_ARTICLE = /\d+\.[A-Z](?![A-Za-z0-9])/y;
export const CHAPTER_NUMBER = new RegExp(`(?:[IVXLC]+|\\d+)${WORD_END}`, 'y');
const PAREN = /\(\s*([0-9]+|[a-zA-Z]{1,6})\s*\)/y;
const HALF_PAREN = /([a-z]{1,6})\)/y; // treaty style "a)", "b)"
const DOTTED = new RegExp(`\\.([0-9]+|[a-z]{1,6})${WORD_END}`, 'y');
const LETTER_TOKEN = new RegExp(`([a-z])${WORD_END}`, 'iy');
const LOWER_LETTER_TOKEN = new RegExp(`([a-z])${WORD_END}`, 'y');
const ROMAN_TOKEN = new RegExp(`([ivxlc]+)${WORD_END}`, 'iy');
const SUBITEM_DOT = /([a-z])\.(?=\s|$|[,;)])/y;
export const RANGE_SEP = /\s*(?:[-–—‐‑]|\s(?:to|through)\s)\s*/iy;
export const LIST_SEP = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or|and\/or)\s+|;\s*)/iy;

/** The longest number an eId component may carry: no printed number is longer than `9999quinquies`. */
export const MAX_NUM_LENGTH = 16;

/** The most citations one list may hold: treaties list a few dozen; the bound keeps hostile input from building millions. */
export const MAX_LIST_ITEMS = 1000;

/**
 * What {@link Parser.fail} throws in lenient mode: no message and no stack to build, as running text fails at many
 * places; `parseCitationAt` reads it as "no citation here". It never leaves the citation module.
 */
export const NOT_HERE: unique symbol = Symbol('no citation here');

/** True for what a failed read throws: a typed error, or {@link NOT_HERE} in lenient mode. */
export function isFailure(error: unknown): boolean {
  return error === NOT_HERE || error instanceof UntocKgError;
}

/** Space, tab, line ends and the no-break spaces (`normalizeCitationText` has already mapped the others). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** The parser's running state over one input. */
export class Parser {
  pos = 0;
  readonly assumptions: string[] = [];

  /**
   * @param lenient - reading running text (`findCitations`): an item of a list that fails ends the list before it, and
   * a scope naming a second instrument ends the citation before it, so that the good part is kept.
   */
  constructor(
    readonly text: string,
    readonly context: CitationContext,
    readonly names: NameMatcher,
    readonly lenient = false,
  ) {}

  fail(message: string, expected: string, at = this.pos): never {
    if (this.lenient) throw NOT_HERE;
    throw new UntocKgError('syntax', OP, `${message} at offset ${at} in "${shorten(this.text)}"; expected ${expected}`, {
      value: this.text,
      offset: at,
      expected,
    });
  }

  /** The first position at or after `at` that is not a space. */
  skipSpace(at: number): number {
    while (at < this.text.length && isSpace(this.text.charCodeAt(at))) at++;
    return at;
  }

  /**
   * A token that may be a number (`27`, `e`, `ii`), checked against the bound when it is digits: the number's value
   * as a string (`01` → `1`); other tokens come back as they are. `at` is where the token starts.
   */
  bounded(token: string, at: number): string {
    if (!/^\d/.test(token)) return token;
    const value = digitsValue(token);
    if (value === undefined) {
      this.fail(`the number ${shorten(token, 12)} is out of range`, `a number from 1 to ${MAX_NUMBER}`, at);
    }
    return String(value);
  }

  /** Reads a run of digits as a bounded number (see {@link Parser.bounded}). */
  digits(): string | undefined {
    const m = this.eat(DIGIT_RUN);
    return m ? this.bounded(m[0], this.pos - m[0].length) : undefined;
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
export interface RawPath {
  readonly segments: PathSegment[];
  readonly start: number;
  end: number;
}
export interface RawRange {
  readonly from: RawPath;
  readonly to: RawPath;
}
export type RawItem = RawPath | RawRange;

export function isRange(item: RawItem): item is RawRange {
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
        const seg = segmentBelow(path, p.bounded(m[1]!, before + 1));
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
      const at = p.skipSpace(before);
      const token = p.bounded(paren[1]!, at);
      const seg = segmentBelow(path, token);
      if (!seg) p.fail(`"(${shorten(token, 12)})" cannot follow ${describe(path)}`, expectedBelow(path), at);
      path.push(seg);
      continue;
    }
    // keyword forms, optionally after a comma: ", paragraph 1", " para. 6", ", subparagraph (e)"
    const save = p.pos;
    p.eat(/\s*,/y, false);
    if (levelOf(path) === 'article' && p.eat(KW_PARAGRAPH)) {
      const n = p.digits();
      if (n === undefined) p.fail('a paragraph number is missing', 'a paragraph number');
      path.push({ element: 'para', num: n });
      continue;
    }
    if ((levelOf(path) === 'article' || levelOf(path) === 'paragraph') && p.eat(KW_SUBPARAGRAPH)) {
      const m = p.eat(PAREN) ?? p.eat(HALF_PAREN) ?? p.eat(LETTER_TOKEN);
      if (!m) p.fail('a subparagraph letter is missing', 'a subparagraph letter such as (e)');
      const seg = segmentBelow(path, m[1]!);
      if (!seg) p.fail(`"${shorten(m[1]!, 12)}" is not a subparagraph letter`, 'a subparagraph letter such as (e)');
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

/** Reads an article number: 27, 2 bis, or a Model Law number such as 5.A. */
export function articleNumber(p: Parser): string | undefined {
  const m = p.eat(LETTERED_ARTICLE) ?? p.eat(NUMBER);
  if (!m) return undefined;
  // The digits are checked against the bound; the number keeps its printed form (`2 bis`, `5.A`).
  const digits = /^\d+/.exec(m[0])![0];
  p.bounded(digits, p.pos - m[0].length);
  return m[0].replace(/\s+/g, ' ');
}

/**
 * Reads a sequence that starts at a level keyword: one path, then ranges and lists of continuations.
 * `base` is the path above the first number (empty for articles; the article for "paragraph 2 of this article").
 */
export function parseSequence(p: Parser, first: BareLevel | 'subparagraph', base: PathSegment[]): RawItem[] {
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
      const n = p.digits();
      if (n === undefined) return undefined;
      path.push({ element: 'para', num: n });
      parseSubpath(p, path, false);
    } else {
      const m = p.eat(PAREN) ?? p.eat(HALF_PAREN) ?? p.eat(LOWER_LETTER_TOKEN);
      if (!m) return undefined;
      const seg = segmentBelow(path, p.bounded(m[1]!, start));
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
      const replaced = replaceDeepest(previous.segments, p.bounded(m[1]!, start), base.length);
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

  return collectList(p, head, () => {
    const next = readContinuation();
    if (next) previous = next;
    return next;
  });
}

/**
 * Reads what follows the first item of a sequence: ranges ("–9") and list items (", 8 and 23"), each further item read
 * by `next`. A range has two ends: a dash after a range ("5–7–9") is a syntax error; a list holds at most
 * {@link MAX_LIST_ITEMS}. In lenient mode an item that fails ends the list before it (a range with a third end is
 * dropped, a list ends at the bound), so the good items before it are kept.
 */
export function collectList(p: Parser, first: RawPath, next: () => RawPath | undefined): RawItem[] {
  const items: RawItem[] = [first];
  const ends: number[] = [p.pos]; // where each item ends, to go back to
  for (;;) {
    const save = p.pos;
    const range = p.eat(RANGE_SEP, false) !== undefined;
    if (!range && !p.eat(LIST_SEP, false)) break;
    let item: RawPath | undefined;
    try {
      item = next();
    } catch (error) {
      if (!p.lenient || !isFailure(error)) throw error;
    }
    if (!item) {
      p.pos = save;
      break;
    }
    const last = items[items.length - 1]!;
    if (!range && items.length >= MAX_LIST_ITEMS) {
      if (!p.lenient) p.fail(`a list may hold at most ${MAX_LIST_ITEMS} citations`, `at most ${MAX_LIST_ITEMS} citations`, p.skipSpace(save));
      p.pos = save;
      break;
    }
    if (!range) {
      items.push(item);
      ends.push(p.pos);
    } else if (!isRange(last)) {
      items[items.length - 1] = { from: last, to: item };
      ends[ends.length - 1] = p.pos;
    } else {
      if (!p.lenient || items.length === 1) p.fail('a range has two ends, this one has a third', 'a range such as "arts. 7–9"', p.skipSpace(save));
      items.pop();
      ends.pop();
      p.pos = ends[ends.length - 1]!;
      break;
    }
  }
  return items;
}

/** A trailing scope: "of this article", "of article 11", "of paragraph 1", "of the Convention", "of the Charter". */
export type Tail =
  | { kind: 'instrument'; target: NameTarget & { kind: 'instrument' }; start: number }
  | { kind: 'article'; num: string | undefined }
  | { kind: 'paragraph'; num: string | undefined }
  | { kind: 'subparagraph' }
  | { kind: 'foreign'; name: string };

export function parseTails(p: Parser, instrument: string | undefined): Tail[] {
  const tails: Tail[] = [];
  let named = instrument;
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
      const n = p.digits();
      if (n === undefined) {
        p.pos = save;
        break;
      }
      tails.push({ kind: 'paragraph', num: n });
      continue;
    }
    const start = p.pos;
    const name = p.name();
    if (name) {
      const t = name.target;
      if (t.kind === 'instrument') {
        // A second instrument ("… of the Convention of the Protocol") is an error; running text ends the citation here.
        if (p.lenient && named !== undefined && named !== t.instrument) {
          p.pos = save;
          break;
        }
        named = t.instrument;
        tails.push({ kind: 'instrument', target: t, start });
      }
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

/** What the reader (or the fast scanner, scan.ts) read of one citation expression, before it becomes a citation. */
export interface Parsed {
  instrument: string | undefined;
  instrumentStart: number;
  foreign: string | undefined;
  items: RawItem[];
  chapter: boolean;
  relative: 'none' | 'article' | 'paragraph' | 'subparagraph';
  start: number;
}
