/**
 * Recognizing instrument names in citations: "UNTOC", "the Smuggling of Migrants Protocol", "this Convention",
 * "the Protocol". Pure: built from the instrument registry, no graph needed.
 *
 * @module
 */
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
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
  readonly pattern: string;
  /** The length of the name as written, so that longer names are tried first. */
  readonly weight: number;
  readonly resolve: (context: CitationContext) => NameTarget;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a regex source: words joined by any run of spaces, a comma allowed to float. */
function namePattern(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => escape(word).replace(/,$/, ',?'))
    .join('\\s+');
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

/**
 * "the Convention" followed by "on the Rights of …", "relating to the Status of …" names another instrument: a generic
 * name only counts when it stands alone.
 */
const NOT_ANOTHER = '(?!\\s+(?:on|relating|for|concerning|against|of)\\s+(?:the\\s+)?\\p{Lu})';

function buildEntries(extra: readonly { id: string; names: readonly string[] }[]): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const instrument of [...KNOWN_INSTRUMENTS, ...extra]) {
    for (const name of instrument.names) {
      const target: NameTarget = { kind: 'instrument', instrument: instrument.id };
      entries.push({ pattern: `(?:the\\s+)?${namePattern(name)}`, weight: name.length + 4, resolve: () => target });
    }
  }
  const generic = (pattern: string, kind: Generic): NameEntry => ({ pattern: `${pattern}${NOT_ANOTHER}`, weight: 14, resolve: (c) => genericTarget(kind, c) });
  entries.push(
    generic('this\\s+Convention', 'this-convention'),
    generic('the\\s+Convention', 'convention'),
    generic('this\\s+Protocol', 'this-protocol'),
    generic('the\\s+Protocol', 'protocol'),
    { pattern: 'this\\s+article', weight: 12, resolve: () => ({ kind: 'this-article' }) },
    { pattern: 'this\\s+paragraph', weight: 14, resolve: () => ({ kind: 'this-paragraph' }) },
    { pattern: 'this\\s+subparagraph', weight: 17, resolve: () => ({ kind: 'this-subparagraph' }) },
  );
  return entries;
}

/** Matches instrument names at a position; the longest name wins. */
export class NameMatcher {
  private readonly entries: readonly NameEntry[];
  private readonly regex: RegExp;
  private readonly order: readonly number[];

  constructor(extra: readonly { id: string; names: readonly string[] }[] = []) {
    this.entries = buildEntries(extra);
    // One alternation with a capture group per entry; longest names first so that the longest name wins.
    const order = this.entries.map((entry, i) => ({ entry, i })).sort((a, b) => b.entry.weight - a.entry.weight);
    this.order = order.map((o) => o.i);
    this.regex = new RegExp(order.map((o) => `(${o.entry.pattern})`).join('|') + '(?![\\p{L}\\p{N}])', 'iuy');
  }

  /** The name starting exactly at `pos` in `text`, or `undefined`. */
  match(text: string, pos: number, context: CitationContext): NameMatch | undefined {
    this.regex.lastIndex = pos;
    const m = this.regex.exec(text);
    if (!m) return undefined;
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        const entry = this.entries[this.order[g - 1]!]!;
        return { target: entry.resolve(context), end: pos + m[0].length };
      }
    }
    return undefined;
  }
}

/** The shared matcher for the known instruments. */
export const defaultNames = new NameMatcher();

/** Words that may join the capitalized words of another instrument's name ("Charter of the United Nations"). */
const NAME_JOINERS = new Set(['of', 'the', 'on', 'and', 'in', 'for', 'against', 'relating', 'to', 'concerning', 'with']);

/**
 * Reads the name of an instrument this graph does not hold, after "of": "the Charter", "the Vienna Convention on
 * Consular Relations", "the 1951 Convention relating to the Status of Refugees". Returns its end, or `undefined`
 * when what follows does not look like a name.
 */
export function matchForeignName(text: string, pos: number): { name: string; end: number } | undefined {
  const word = /(?:\p{Lu}[\p{L}\p{M}'’-]*|\d{4}|[\p{Ll}]+)/uy;
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
    const isCapital = /^\p{Lu}|^\d{4}$/u.test(w);
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
