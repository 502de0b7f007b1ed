/**
 * The fast path of `parseCitation`: a hand-written scanner over character codes for the forms people write most
 * ("art. 27 para. 1(e)", "Article 27(1)(e)", "Art. 27.1.e", "UNTOC art. 5(1)(a)(i)", "SOM Protocol art. 6",
 * "arts. 7–9 of the Protocol", "art. 27 para. 1(a)–(f)", an eId). It reads ASCII text (typographic dashes aside) and
 * gives up at anything else: a form it does not know, and any input the reader would reject, so that the regex reader
 * (reader.ts) reads it, or fails on it, exactly as before. Where it accepts, it yields the very pieces the reader
 * would, and `parse.ts` builds the citation from them with the same code (tests/fuzz/citation-fast.test.ts checks
 * this on generated inputs).
 *
 * Each step mirrors a step of the reader, in the reader's order; where the reader would go back and try something
 * else (a separator not followed by an item, a scope it does not know), the scanner gives up instead.
 *
 * @module
 */
import { digitsValue, LATIN_SUFFIXES } from '../model/numbers.js';
import { isAlnum, isDigit, isLetter, isLower, isSpace, isTrailing, isUpper, plainDashes } from './chars.js';
import type { NameMatcher } from './names.js';
import { levelOf, replaceDeepest, segmentBelow } from './path.js';
import { isRange, MAX_LIST_ITEMS, MAX_NUM_LENGTH, type Parsed, type RawItem, type RawPath } from './reader.js';
import type { CitationContext, PathSegment } from './types.js';

/** What the scanner read: pieces of a citation expression, or an eId for `fromEid`. */
export type Scanned =
  | { readonly kind: 'expression'; readonly parsed: Parsed; readonly assumptions: readonly string[]; readonly end: number }
  | { readonly kind: 'eid'; readonly path: PathSegment[]; readonly start: number; readonly end: number };

/** Thrown (never built: no message, no stack) when the scanner leaves the input to the reader. */
const GIVE_UP: unique symbol = Symbol('left to the reader');

function giveUp(): never {
  throw GIVE_UP;
}

// Character codes.
const DOT = 46;
const COMMA = 44;
const COLON = 58;
const SEMICOLON = 59;
const HYPHEN = 45;
const OPEN = 40;
const CLOSE = 41;

const RANGE = 1, LIST = 2; // what a separator starts
const NONE: readonly string[] = Object.freeze([]);

/** The first letters of the Latin suffixes (lower case): a word starting with another letter is none of them. */
const LATIN_FIRST: ReadonlySet<number> = new Set(LATIN_SUFFIXES.map((suffix) => suffix.charCodeAt(0)));

/** The scanner's state over one input (ASCII; the caller has checked). */
class Scan {
  pos = 0;
  /** What was assumed (most citations: nothing, the shared empty list). */
  assumptions: readonly string[] = NONE;
  /** What a bare number continues in a sequence: an article ("arts. 7–9") or, after "para.", a paragraph. */
  private bare: 'article' | 'paragraph' = 'article';
  /** The token the last {@link paren} read. */
  private tokenStart = 0;
  private tokenEnd = 0;
  private readonly length: number;

  constructor(
    private readonly text: string,
    private readonly context: CitationContext,
    private readonly names: NameMatcher,
  ) {
    this.length = text.length;
  }

  /** The code at `at`, or -1 past the end. */
  private code(at: number): number {
    return at < this.length ? this.text.charCodeAt(at) : -1;
  }

  private skipSpace(at: number): number {
    while (at < this.length && isSpace(this.text.charCodeAt(at))) at++;
    return at;
  }

  // Where a run from `at` ends: of digits, of letters, of lower-case letters, of lower-case letters and digits.
  private digitsEnd(at: number): number {
    while (at < this.length && isDigit(this.text.charCodeAt(at))) at++;
    return at;
  }
  private lettersEnd(at: number): number {
    while (at < this.length && isLetter(this.text.charCodeAt(at))) at++;
    return at;
  }
  private lowersEnd(at: number): number {
    while (at < this.length && isLower(this.text.charCodeAt(at))) at++;
    return at;
  }
  private lowerDigitsEnd(at: number): number {
    let c: number;
    while (at < this.length && (isLower((c = this.text.charCodeAt(at))) || isDigit(c))) at++;
    return at;
  }

  /** Whether `word` (lower case) is written at `at`, in any case. */
  private startsWith(at: number, word: string): boolean {
    if (at + word.length > this.length) return false;
    for (let i = 0; i < word.length; i++) {
      const c = this.text.charCodeAt(at + i);
      if ((isUpper(c) ? c + 32 : c) !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Whether the letters `[at, end)` are `word` (lower case), in any case. */
  private isWord(at: number, end: number, word: string): boolean {
    return end - at === word.length && this.startsWith(at, word);
  }

  /** `word` (lower case) at `at` followed by a space: where it ends, or -1. */
  private spacedWord(at: number, word: string): number {
    return this.startsWith(at, word) && isSpace(this.code(at + word.length)) ? at + word.length : -1;
  }

  /** The reader's KW_ARTICLE at `at`: where the keyword ends, or -1. */
  private articleKeyword(at: number): number {
    const end = this.lettersEnd(at);
    if (isDigit(this.code(end))) return -1;
    // Every form starts with "art" and is told apart by its length.
    const length = end - at;
    if (length < 3 || length > 8 || !this.startsWith(at, 'art')) return -1;
    if (length === 8 ? this.startsWith(at + 3, 'icles') : length === 7 && this.startsWith(at + 3, 'icle')) return end;
    if (length === 3 || (length === 4 && ((this.code(at + 3) | 32) === 115 || (this.code(at + 3) | 32) === 116))) {
      return this.code(end) === DOT && !isAlnum(this.code(end + 1)) ? end + 1 : end;
    }
    return -1;
  }

  /** The reader's KW_PARAGRAPH at `at`: where the keyword ends, or -1. */
  private paragraphKeyword(at: number): number {
    const end = this.lettersEnd(at);
    if (this.isWord(at, end, 'paragraphs') || this.isWord(at, end, 'paragraph')) return end;
    if (this.isWord(at, end, 'para') || this.isWord(at, end, 'paras')) {
      return this.code(end) === DOT && !isLetter(this.code(end + 1)) ? end + 1 : end;
    }
    return -1;
  }

  /** A keyword the scanner leaves to the reader: subparagraph and item keywords, or what might be one. */
  private otherKeyword(at: number): boolean {
    const c = this.code(at) | 32; // its first letter, in lower case, says which word it can be
    const word = c === 115 ? 'sub' : c === 112 ? 'point' : c === 108 ? 'lit' : c === 105 ? 'item' : undefined;
    return word !== undefined && this.startsWith(at, word);
  }

  /** A bounded number (digits) or a letter token, as the reader's `bounded` gives it; gives up when out of range. */
  private token(at: number, end: number): string {
    const raw = this.text.slice(at, end);
    const c = this.text.charCodeAt(at);
    if (!isDigit(c)) return raw;
    // Up to four digits without a leading zero are their own value, as printed (what `String(value)` gives back).
    if (c !== 48 && end - at <= 4) return raw;
    const value = digitsValue(raw);
    if (value === undefined) giveUp();
    return String(value);
  }

  /**
   * The reader's PAREN at `at` (`(1)`, `( e )`): where the `)` is, or -1. The token inside is left in
   * {@link tokenStart} and {@link tokenEnd}.
   */
  private paren(at: number): number {
    if (this.code(at) !== OPEN) return -1;
    const start = this.skipSpace(at + 1);
    const c = this.code(start);
    let end: number;
    if (isDigit(c)) end = this.digitsEnd(start);
    else if (isLetter(c)) {
      end = this.lettersEnd(start);
      if (end - start > 6) return -1;
    } else return -1;
    const close = this.skipSpace(end);
    if (this.code(close) !== CLOSE) return -1;
    this.tokenStart = start;
    this.tokenEnd = end;
    return close;
  }

  /** The instrument name at `at` (the same matcher the reader asks), or undefined. */
  private name(at: number): ReturnType<NameMatcher['match']> {
    return this.names.match(this.text, at, this.context);
  }

  /** Reads the whole input. */
  read(): Scanned {
    let pos = this.skipSpace(0);
    const first = this.code(pos) | 32;
    if (pos === this.length || (first === 104 && this.startsWith(pos, 'https://'))) giveUp();
    const start = pos;
    if ((first === 97 && this.startsWith(pos, 'art_')) || (first === 99 && this.startsWith(pos, 'chp_'))) {
      let end = this.length;
      while (isSpace(this.text.charCodeAt(end - 1))) end--;
      return { kind: 'eid', path: this.eid(start, end), start, end };
    }

    let instrument: string | undefined;
    let instrumentStart = -1;
    const prefix = this.name(pos);
    let afterName = pos;
    if (prefix) {
      if (prefix.target.kind !== 'instrument') giveUp();
      instrument = prefix.target.instrument;
      instrumentStart = pos;
      if (prefix.target.assumption) this.assumptions = [...this.assumptions, prefix.target.assumption];
      afterName = prefix.end;
      pos = this.skipSpace(afterName);
      if (this.code(pos) === COMMA || this.code(pos) === COLON) pos++;
      pos = this.skipSpace(pos);
    }
    const keyword = this.articleKeyword(pos);
    if (keyword < 0) {
      // An instrument alone ("SOM Protocol"); anything else is the reader's.
      if (!prefix) giveUp();
      this.end(afterName);
      return { kind: 'expression', parsed: { instrument, instrumentStart, foreign: undefined, items: [], chapter: false, relative: 'none', start }, assumptions: this.assumptions, end: afterName };
    }
    this.pos = keyword;
    const items = this.sequence();

    // One scope naming the instrument ("of the Protocol").
    const scope = this.scopeStart(this.pos);
    if (scope >= 0) {
      if (this.articleKeyword(scope) >= 0 || this.paragraphKeyword(scope) >= 0) giveUp();
      const named = this.name(scope);
      if (!named || named.target.kind !== 'instrument') giveUp();
      // A scope naming another instrument than the prefix is the reader's error.
      if (instrument !== undefined && named.target.instrument !== instrument) giveUp();
      instrument = named.target.instrument;
      instrumentStart = scope;
      if (named.target.assumption) this.assumptions = [...this.assumptions, named.target.assumption];
      this.pos = named.end;
      if (this.scopeStart(this.pos) >= 0) giveUp();
    }
    const end = this.pos;
    this.end(end);
    return { kind: 'expression', parsed: { instrument, instrumentStart, foreign: undefined, items, chapter: false, relative: 'none', start }, assumptions: this.assumptions, end };
  }

  /**
   * An eId of an article or below, written as `fromEid` reads it (`art_27__para_1__point_e`): lower case, `para`
   * only below the article, numbers of letters and digits within the bounds. Other eIds (chapters, `list`
   * components, hyphenated numbers) are the reader's.
   */
  private eid(start: number, end: number): PathSegment[] {
    const path: PathSegment[] = [];
    let at = start;
    for (;;) {
      const element: PathSegment['element'] | undefined =
        path.length === 0
          ? this.text.startsWith('art_', at) ? 'art' : undefined
          : this.text.startsWith('point_', at) ? 'point' : path.length === 1 && this.text.startsWith('para_', at) ? 'para' : undefined;
      if (!element) giveUp();
      const numStart = at + element.length + 1;
      const numEnd = this.lowerDigitsEnd(numStart);
      const digitsEnd = this.digitsEnd(numStart);
      if (numEnd === numStart || numEnd - numStart > MAX_NUM_LENGTH) giveUp();
      if (digitsEnd > numStart && digitsValue(this.text.slice(numStart, digitsEnd)) === undefined) giveUp();
      path.push({ element, num: this.text.slice(numStart, numEnd) });
      if (numEnd === end) return path;
      if (!this.text.startsWith('__', numEnd)) giveUp();
      at = numEnd + 2;
    }
  }

  /** Gives up unless only trailing punctuation follows `at`. */
  private end(at: number): void {
    while (at < this.length && isTrailing(this.text.charCodeAt(at))) at++;
    if (at < this.length) giveUp();
  }

  /** The reader's scope opener `\s*,?\s*(of|under|in)\s+` at `at`: where what follows starts, or -1. */
  private scopeStart(at: number): number {
    let q = this.skipSpace(at);
    if (this.code(q) === COMMA) q = this.skipSpace(q + 1);
    const c = this.code(q) | 32;
    const end = c === 111 ? this.spacedWord(q, 'of') : c === 117 ? this.spacedWord(q, 'under') : c === 105 ? this.spacedWord(q, 'in') : -1;
    return end < 0 ? -1 : this.skipSpace(end);
  }

  /** An article number and what follows it (the reader's `readHead('article')`); `undefined` without a number. */
  private article(): RawPath | undefined {
    const start = this.skipSpace(this.pos);
    const end = this.digitsEnd(start);
    if (end === start) return undefined;
    const next = this.code(end);
    // Lettered Model Law articles ("5.A") and Latin suffixes ("2 bis") are the reader's.
    if ((next === DOT && isUpper(this.code(end + 1))) || isLetter(next)) giveUp();
    if (isSpace(next) && LATIN_FIRST.has(this.code(end + 1) | 32)) for (const suffix of LATIN_SUFFIXES) if (this.startsWith(end + 1, suffix)) giveUp();
    const num = this.text.slice(start, end);
    if ((this.text.charCodeAt(start) === 48 || end - start > 4) && digitsValue(num) === undefined) giveUp();
    const path: PathSegment[] = [{ element: 'art', num }];
    this.pos = end;
    this.subpath(path, true);
    return { segments: path, start, end: this.pos };
  }

  /** The subdivisions after a number (the reader's `parseSubpath`): ".1.e", "(1)(e)", ", paragraph 1", " para. 6". */
  private subpath(path: PathSegment[], allowDotted: boolean): void {
    let dotted = allowDotted;
    for (;;) {
      const before = this.pos;
      if (dotted) {
        const end = this.code(before) === DOT ? this.dottedToken(before + 1) : -1;
        if (end >= 0) {
          const segment = segmentBelow(path, this.token(before + 1, end));
          if (!segment) break;
          path.push(segment);
          this.pos = end;
          continue;
        }
        dotted = false;
      }
      const at = this.skipSpace(before);
      const close = this.paren(at);
      if (close >= 0) {
        const segment = segmentBelow(path, this.token(this.tokenStart, this.tokenEnd));
        if (!segment) giveUp();
        path.push(segment);
        this.pos = close + 1;
        continue;
      }
      // "(1a)" and the treaty style "a)" are the reader's.
      if (this.code(at) === OPEN || this.code(this.lowersEnd(at)) === CLOSE) giveUp();
      let k = at;
      if (this.code(k) === COMMA) k = this.skipSpace(k + 1);
      const level = levelOf(path);
      if (level === 'article') {
        const keyword = this.paragraphKeyword(k);
        if (keyword >= 0) {
          const start = this.skipSpace(keyword);
          const end = this.digitsEnd(start);
          if (end === start) giveUp();
          path.push({ element: 'para', num: this.token(start, end) });
          this.pos = end;
          continue;
        }
      }
      if (this.otherKeyword(k)) giveUp();
      if (level === 'item' && isLower(this.code(at)) && this.code(at + 1) === DOT) giveUp();
      break;
    }
  }

  /** The reader's DOTTED token after a dot (`1`, `e`, `ii`, followed by no letter or digit): its end, or -1. */
  private dottedToken(at: number): number {
    const c = this.code(at);
    let end: number;
    if (isDigit(c)) end = this.digitsEnd(at);
    else if (isLower(c)) {
      end = this.lowersEnd(at);
      if (end - at > 6) return -1;
    } else return -1;
    return isAlnum(this.code(end)) ? -1 : end;
  }

  /** A separator (the reader's RANGE_SEP, then LIST_SEP): RANGE or LIST, having moved past it; 0 for none. */
  private separator(): number {
    const q = this.skipSpace(this.pos);
    const c = this.code(q);
    if (c === HYPHEN) {
      this.pos = this.skipSpace(q + 1);
      return RANGE;
    }
    if (q > this.pos) {
      const to = Math.max(this.spacedWord(q, 'to'), this.spacedWord(q, 'through'));
      if (to >= 0) {
        this.pos = this.skipSpace(to);
        return RANGE;
      }
    }
    if (c === COMMA) {
      const after = this.skipSpace(q + 1);
      const word = Math.max(this.spacedWord(after, 'and'), this.spacedWord(after, 'or'));
      this.pos = word >= 0 ? this.skipSpace(word) : after;
      return LIST;
    }
    if (c === SEMICOLON) {
      this.pos = this.skipSpace(q + 1);
      return LIST;
    }
    if (q > this.pos) {
      if (this.startsWith(q, 'and/or')) giveUp();
      const word = Math.max(this.spacedWord(q, 'and'), this.spacedWord(q, 'or'));
      if (word >= 0) {
        this.pos = this.skipSpace(word);
        return LIST;
      }
    }
    return 0;
  }

  /**
   * An item after a separator (the reader's `readContinuation`, for article sequences), or `undefined` where the
   * reader finds none and goes back before the separator (";" at the end, "and (z)").
   */
  private continuation(previous: RawPath): RawPath | undefined {
    const start = this.skipSpace(this.pos);
    const keyword = this.articleKeyword(start);
    if (keyword >= 0) {
      this.bare = 'article';
      this.pos = keyword;
      return this.article();
    }
    const paragraph = this.paragraphKeyword(start);
    if (paragraph >= 0) {
      this.bare = 'paragraph';
      this.pos = paragraph;
      return this.paragraph(previous);
    }
    const c = this.code(start);
    if (isLetter(c)) giveUp();
    if (isDigit(c)) {
      this.pos = start;
      return this.bare === 'article' ? this.article() : this.paragraph(previous);
    }
    const close = this.paren(start);
    if (close < 0) return undefined;
    const replaced = replaceDeepest(previous.segments, this.token(this.tokenStart, this.tokenEnd), 0);
    if (!replaced) return undefined;
    this.pos = close + 1;
    this.subpath(replaced, false);
    return { segments: replaced, start, end: this.pos };
  }

  /** A paragraph of the previous item's article ("…, para. 2", "paras. 1 and 2"): the reader's `readHead('paragraph')`. */
  private paragraph(previous: RawPath): RawPath | undefined {
    const start = this.skipSpace(this.pos);
    const end = this.digitsEnd(start);
    if (end === start) return undefined;
    // Every path the scanner reads starts at its article.
    const path: PathSegment[] = [previous.segments[0]!, { element: 'para', num: this.token(start, end) }];
    this.pos = end;
    this.subpath(path, false);
    return { segments: path, start, end: this.pos };
  }

  /** An article sequence: one path, then ranges and lists (the reader's `parseSequence` and `collectList`). */
  private sequence(): RawItem[] {
    let previous = this.article() ?? giveUp();
    const items: RawItem[] = [previous];
    for (;;) {
      const save = this.pos;
      const separator = this.separator();
      if (separator === 0) break;
      const item = this.continuation(previous);
      if (!item) {
        this.pos = save;
        break;
      }
      previous = item;
      const last = items[items.length - 1]!;
      if (separator === LIST) {
        if (items.length >= MAX_LIST_ITEMS) giveUp();
        items.push(item);
      } else if (isRange(last)) {
        giveUp();
      } else {
        items[items.length - 1] = { from: last, to: item };
      }
    }
    return items;
  }
}

/**
 * Reads a citation by the fast path, or returns `undefined` to leave it to the reader (which then gives the same
 * answer or the error). `names` is the matcher the reader would use.
 */
export function scanCitation(text: string, context: CitationContext, names: NameMatcher): Scanned | undefined {
  let dashes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126) {
      if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) dashes = true;
      else return undefined;
    } else if (c < 32 && !isSpace(c)) return undefined;
  }
  // The only characters beyond ASCII left are dashes: normalizing them is normalizeCitationText's whole work here.
  const scan = new Scan(dashes ? plainDashes(text) : text, context, names);
  try {
    return scan.read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
