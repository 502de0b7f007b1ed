/**
 * Recognizing instrument names in citations: "UNTOC", "the Smuggling of Migrants Protocol", "this Convention",
 * "the Protocol". Pure: built from the instrument registry, no graph needed.
 *
 * @module
 */
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
import { LETTER, LOWER, UPPER, WORD_CHAR } from './chars.js';
import type { CitationContext } from './types.js';

/** What a matched name designates. */
export type NameTarget =
  | { readonly kind: 'instrument'; readonly instrument: string; readonly assumption?: string }
  | { readonly kind: 'this-article' }
  | { readonly kind: 'this-paragraph' }
  | { readonly kind: 'this-subparagraph' };

/** A name found at a position: what it designates and where it ends. */
export interface NameMatch {
  readonly target: NameTarget;
  readonly end: number;
}

type Generic = 'convention' | 'protocol' | 'this-convention' | 'this-protocol';

interface NameEntry {
  /** True for "the Convention", "the Protocol" and the like, which only count when another title does not follow. */
  readonly generic: boolean;
  readonly resolve: (context: CitationContext) => NameTarget;
}

function genericTarget(kind: Generic, context: CitationContext): NameTarget {
  const here = context.instrument ? knownInstrument(context.instrument) : undefined;
  switch (kind) {
    case 'convention':
      // "the Convention" in the Protocols and in UNODC guidance means the Organized Crime Convention.
      return { kind: 'instrument', instrument: here?.kind === 'convention' ? here.id : 'untoc' };
    case 'this-convention':
      return { kind: 'instrument', instrument: here?.kind === 'convention' ? here.id : context.instrument ?? 'untoc' };
    case 'protocol':
    case 'this-protocol': {
      if (here?.kind === 'protocol') return { kind: 'instrument', instrument: here.id };
      if (context.protocol) return { kind: 'instrument', instrument: context.protocol };
      return SOM_ASSUMED;
    }
  }
}

/** "the Protocol" without a Protocol in the context: one shared, frozen target. */
const SOM_ASSUMED: NameTarget = Object.freeze({
  kind: 'instrument',
  instrument: 'som-protocol',
  assumption: '"the Protocol" read as the Smuggling of Migrants Protocol (no Protocol named in the context)',
});

/** A name as its lower-case words: "Protocol against …, Sea and Air" → "protocol against … sea and air". */
function key(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/,$/, ''))
    .filter(Boolean)
    .join(' ');
}

/** Words that turn "the Convention" into the start of another instrument's title ("the Convention on the Rights …"). */
const TITLE_CONTINUES = new Set(['on', 'relating', 'for', 'concerning', 'against', 'of']);

/** One word of the names: the name that ends here, if any, and the words that go on. */
interface NameNode {
  entry: NameEntry | undefined;
  readonly next: Map<string, NameNode>;
  /** The words that go on, by their first character's code (lower case): read without slicing the text. */
  readonly byCode: Map<number, [word: string, node: NameNode][]>;
}

function nameNode(): NameNode {
  return { entry: undefined, next: new Map(), byCode: new Map() };
}

/**
 * The node `text.slice(start, end).toLowerCase()` leads to from `words`. An ASCII word is compared by its codes
 * with the few words of the same first letter (no string built); any other goes through the map.
 */
function step(words: NameNode, text: string, start: number, end: number): NameNode | undefined {
  const length = end - start;
  let first = text.charCodeAt(start);
  if (first >= 65 && first <= 90) first += 32;
  if (first >= 128 || !asciiOnly(text, start, end)) return words.next.get(text.slice(start, end).toLowerCase());
  const candidates = words.byCode.get(first);
  if (candidates === undefined) return undefined;
  for (let k = 0; k < candidates.length; k++) {
    const [word, node] = candidates[k]!;
    if (word.length !== length) continue;
    let i = 1;
    for (; i < length; i++) {
      const c = text.charCodeAt(start + i);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) break;
    }
    if (i === length) return node;
  }
  return undefined;
}

/** Whether `[start, end)` of `text` is ASCII: its lower case is then the codes' own. */
function asciiOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

const APOSTROPHE = 39;
const HYPHEN = 45;
const COMMA = 44;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The spaces a gap between the words of a name may hold (GAP's `[ \t\n\r]`). */
function isGapSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const WORD = new RegExp(`[${WORD_CHAR}][${WORD_CHAR}'’-]*`, 'y');
const GAP = new RegExp(`[ \\t\\n\\r]*,?[ \\t\\n\\r]+|[ \\t\\n\\r]*,(?=[${WORD_CHAR}])`, 'y');
const STARTS_CAPITAL_OR_DIGIT = new RegExp(`^[${UPPER}0-9]`);

/**
 * Where the word after the one ending at `end` starts (past the gap GAP reads), or -1. Read by codes, GAP's regex only
 * for a comma directly before a character beyond ASCII.
 *
 * @internal
 */
export function nextWord(text: string, end: number): number {
  let at = end;
  while (at < text.length && isGapSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== COMMA) return at > end ? at : -1;
  // GAP's cases by codes: spaces after the comma; spaces before it alone (the gap ends at the comma); a comma
  // directly before an ASCII word character. Only a comma before a character beyond ASCII is left to GAP.
  let after = at + 1;
  while (after < text.length && isGapSpace(text.charCodeAt(after))) after++;
  if (after > at + 1) return after;
  if (at > end) return at;
  const c = text.charCodeAt(at + 1);
  if (!(c >= 128)) return isAsciiAlnum(c) ? at + 1 : -1;
  GAP.lastIndex = end;
  return GAP.exec(text) ? GAP.lastIndex : -1;
}

/**
 * Matches instrument names at a position; the longest name wins. Names are looked up by their lower-case words in a
 * map, which costs nothing to build and avoids compiling a large case-insensitive Unicode regex.
 */
export class NameMatcher {
  /** The names word by word: a position is read one word at a time, only as long as some name goes on. */
  private readonly words: NameNode = nameNode();
  /** The first character of every name's first word (lower case). */
  private readonly firstCodes: ReadonlySet<number>;

  constructor(extra: readonly { id: string; names: readonly string[] }[] = []) {
    // By their lower-case words; a later name replaces an earlier one of the same words.
    const names = new Map<string, NameEntry>();
    for (const instrument of [...KNOWN_INSTRUMENTS, ...extra]) {
      const target: NameTarget = { kind: 'instrument', instrument: instrument.id };
      const entry: NameEntry = { generic: false, resolve: () => target };
      for (const name of instrument.names) {
        names.set(key(name), entry);
        names.set(`the ${key(name)}`, entry);
      }
    }
    const generic = (name: string, kind: Generic) => names.set(name, { generic: true, resolve: (c) => genericTarget(kind, c) });
    generic('this convention', 'this-convention');
    generic('the convention', 'convention');
    generic('this protocol', 'this-protocol');
    generic('the protocol', 'protocol');
    names.set('this article', { generic: false, resolve: () => ({ kind: 'this-article' }) });
    names.set('this paragraph', { generic: false, resolve: () => ({ kind: 'this-paragraph' }) });
    names.set('this subparagraph', { generic: false, resolve: () => ({ kind: 'this-subparagraph' }) });
    for (const [name, entry] of names) {
      let at = this.words;
      for (const word of name.split(' ')) {
        let next = at.next.get(word);
        if (!next) {
          at.next.set(word, (next = nameNode()));
          const code = word.charCodeAt(0);
          const list = at.byCode.get(code);
          if (list) list.push([word, next]);
          else at.byCode.set(code, [[word, next]]);
        }
        at = next;
      }
      at.entry = entry;
    }
    this.firstCodes = new Set([...this.words.next.keys()].map((w) => w.charCodeAt(0)));
  }

  /** The word starting exactly at `at` (the raw text's end), or -1. ASCII words are read by their codes. */
  private static wordEnd(text: string, at: number): number {
    let c = at < text.length ? text.charCodeAt(at) : -1;
    if (isAsciiAlnum(c)) {
      let end = at + 1;
      while (end < text.length && (isAsciiAlnum((c = text.charCodeAt(end))) || c === APOSTROPHE || c === HYPHEN)) end++;
      if (end === text.length || c < 128) return end;
    } else if (c >= 0 && c < 128) return -1;
    WORD.lastIndex = at;
    return WORD.exec(text) ? WORD.lastIndex : -1;
  }

  /**
   * The name starting exactly at `pos` in `text`, or `undefined`. Words are read one at a time, and only as long as
   * some name starts with the words read so far; the longest name wins.
   */
  match(text: string, pos: number, context: CitationContext): NameMatch | undefined {
    // Most positions are rejected by their first character (an ASCII one, lower-cased, that starts no name).
    const c = text.charCodeAt(pos);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower < 128 && !this.firstCodes.has(lower)) return undefined;
    let end = NameMatcher.wordEnd(text, pos);
    if (end < 0) return undefined;
    let at = step(this.words, text, pos, end);
    let best: NameEntry | undefined;
    let bestEnd = -1;
    while (at) {
      if (at.entry) {
        best = at.entry;
        bestEnd = end;
      }
      if (at.next.size === 0) break;
      const next = nextWord(text, end);
      if (next < 0) break;
      const nextEnd = NameMatcher.wordEnd(text, next);
      if (nextEnd < 0) break;
      at = step(at, text, next, nextEnd);
      end = nextEnd;
    }
    if (!best) return undefined;
    if (best.generic && this.continuesTitle(text, bestEnd)) return undefined;
    return { target: best.resolve(context), end: bestEnd };
  }

  /** Whether another instrument's title goes on after a generic name: "the Convention on the Rights …", "the Protocol of 1967". */
  private continuesTitle(text: string, end: number): boolean {
    const word = (after: number): { start: number; end: number } | undefined => {
      const start = nextWord(text, after);
      const wordEnd = start < 0 ? -1 : NameMatcher.wordEnd(text, start);
      return wordEnd < 0 ? undefined : { start, end: wordEnd };
    };
    const next = word(end);
    if (!next || !TITLE_CONTINUES.has(text.slice(next.start, next.end).toLowerCase())) return false;
    let after = word(next.end);
    if (after && text.slice(after.start, after.end).toLowerCase() === 'the') after = word(after.end);
    return after !== undefined && STARTS_CAPITAL_OR_DIGIT.test(text.slice(after.start, after.end));
  }
}

/** The shared matcher for the known instruments. */
export const defaultNames = new NameMatcher();

const FOREIGN_WORD = new RegExp(`(?:[${UPPER}][${LETTER}'’-]*|\\d{4}|[${LOWER}]+)`, 'y');
const CAPITAL_OR_YEAR = new RegExp(`^[${UPPER}]|^\\d{4}$`);

/** Words that may join the capitalized words of another instrument's name ("Charter of the United Nations"). */
const NAME_JOINERS = new Set(['of', 'the', 'on', 'and', 'in', 'for', 'against', 'relating', 'to', 'concerning', 'with']);

/**
 * Reads the name of an instrument this graph does not hold, after "of": "the Charter", "the Vienna Convention on
 * Consular Relations", "the 1951 Convention relating to the Status of Refugees". Returns its end, or `undefined`
 * when what follows does not look like a name.
 */
export function matchForeignName(text: string, pos: number): { name: string; end: number } | undefined {
  const word = FOREIGN_WORD;
  let i = pos;
  let end = -1;
  let capitals = 0;
  let first = true;
  for (;;) {
    word.lastIndex = i;
    const m = word.exec(text);
    if (!m) break;
    const w = m[0];
    const lower = w.toLowerCase();
    const isCapital = CAPITAL_OR_YEAR.test(w);
    if (first && lower !== 'the' && !isCapital) return undefined;
    if (!isCapital && !NAME_JOINERS.has(lower)) break;
    if (isCapital) {
      capitals++;
      end = i + w.length;
    }
    first = false;
    i += w.length;
    const gap = /[ \t]+/y;
    gap.lastIndex = i;
    const g = gap.exec(text);
    if (!g) break;
    i += g[0].length;
  }
  if (capitals === 0 || end < 0) return undefined;
  return { name: text.slice(pos, end), end };
}
