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
      return {
        kind: 'instrument',
        instrument: 'som-protocol',
        assumption: '"the Protocol" read as the Smuggling of Migrants Protocol (no Protocol named in the context)',
      };
    }
  }
}

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

const WORD = new RegExp(`[${WORD_CHAR}][${WORD_CHAR}'’-]*`, 'y');
const GAP = new RegExp(`[ \\t\\n\\r]*,?[ \\t\\n\\r]+|[ \\t\\n\\r]*,(?=[${WORD_CHAR}])`, 'y');
const STARTS_CAPITAL_OR_DIGIT = new RegExp(`^[${UPPER}0-9]`);

/**
 * Matches instrument names at a position; the longest name wins. Names are looked up by their lower-case words in a
 * map, which costs nothing to build and avoids compiling a large case-insensitive Unicode regex.
 */
export class NameMatcher {
  private readonly names = new Map<string, NameEntry>();
  private readonly maxWords: number;
  /** The first word of every name: most positions start none, and are rejected after reading one word. */
  private readonly firstWords: ReadonlySet<string>;

  constructor(extra: readonly { id: string; names: readonly string[] }[] = []) {
    for (const instrument of [...KNOWN_INSTRUMENTS, ...extra]) {
      const target: NameTarget = { kind: 'instrument', instrument: instrument.id };
      const entry: NameEntry = { generic: false, resolve: () => target };
      for (const name of instrument.names) {
        this.names.set(key(name), entry);
        this.names.set(`the ${key(name)}`, entry);
      }
    }
    const generic = (name: string, kind: Generic) => this.names.set(name, { generic: true, resolve: (c) => genericTarget(kind, c) });
    generic('this convention', 'this-convention');
    generic('the convention', 'convention');
    generic('this protocol', 'this-protocol');
    generic('the protocol', 'protocol');
    this.names.set('this article', { generic: false, resolve: () => ({ kind: 'this-article' }) });
    this.names.set('this paragraph', { generic: false, resolve: () => ({ kind: 'this-paragraph' }) });
    this.names.set('this subparagraph', { generic: false, resolve: () => ({ kind: 'this-subparagraph' }) });
    this.maxWords = Math.max(...[...this.names.keys()].map((k) => k.split(' ').length));
    this.firstWords = new Set([...this.names.keys()].map((k) => k.split(' ')[0]!));
  }

  /** Whether some name starts with `word` (lower case): a position whose first word is not one starts no name. */
  hasFirstWord(word: string): boolean {
    return this.firstWords.has(word);
  }

  /** The words starting exactly at `pos`: their lower-case forms and where each ends. */
  private words(text: string, pos: number, count: number): { word: string; end: number; raw: string }[] {
    const out: { word: string; end: number; raw: string }[] = [];
    let at = pos;
    while (out.length < count) {
      WORD.lastIndex = at;
      const m = WORD.exec(text);
      if (!m) break;
      out.push({ word: m[0].toLowerCase(), end: at + m[0].length, raw: m[0] });
      at += m[0].length;
      GAP.lastIndex = at;
      const gap = GAP.exec(text);
      if (!gap) break;
      at += gap[0].length;
    }
    return out;
  }

  /** The name starting exactly at `pos` in `text`, or `undefined`. */
  match(text: string, pos: number, context: CitationContext): NameMatch | undefined {
    const first = this.words(text, pos, 1);
    if (first.length === 0 || !this.firstWords.has(first[0]!.word)) return undefined;
    const words = this.words(text, pos, this.maxWords + 3);
    // The keys of the first k words, for k = 1 … maxWords.
    const keys: string[] = [];
    for (let k = 0; k < Math.min(words.length, this.maxWords); k++) keys.push(k === 0 ? words[0]!.word : `${keys[k - 1]} ${words[k]!.word}`);
    for (let k = keys.length; k >= 1; k--) {
      const entry = this.names.get(keys[k - 1]!);
      if (!entry) continue;
      if (entry.generic) {
        const next = words[k];
        const after = words[k + 1]?.word === 'the' ? words[k + 2] : words[k + 1];
        if (next && TITLE_CONTINUES.has(next.word) && after && STARTS_CAPITAL_OR_DIGIT.test(after.raw)) return undefined;
      }
      return { target: entry.resolve(context), end: words[k - 1]!.end };
    }
    return undefined;
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
