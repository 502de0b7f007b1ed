/**
 * `findCitations`: every citation in a running text, with its span, including the treaty idiom ("the offences
 * established in accordance with articles 5, 6, 8 and 23 of this Convention", "without prejudice to articles 27 and
 * 28 of the Convention", "paragraph 1 (a) (i) of this article"). Pure, like the parser it drives.
 *
 * @module
 */
import { UntocKgError } from '../errors.js';
import { KNOWN_INSTRUMENTS, knownInstrument } from '../model/instruments.js';
import { normalizeCitationText, UPPER, WORD_CHAR } from './chars.js';
import { checkContext, parseCitationAt, type ParseOptions } from './parse.js';
import type { Citation, CitationContext, Span } from './types.js';

/** A citation found in a text. */
export interface FoundCitation {
  /** What the citation says (relative references are placed with the context; see {@link findCitations}). */
  readonly citation: Citation;
  /** Where it is in the text, `[start, end)`. */
  readonly span: Span;
  /** The text it covers. */
  readonly text: string;
}

/** Options of {@link findCitations}. */
export interface FindOptions extends ParseOptions {
  /**
   * Report mentions of the instrument the context is in ("this Convention" in the Convention's own text). Default
   * `false`: a text naming itself is not a reference.
   */
  readonly selfMentions?: boolean;
}

/**
 * Where a citation may start: a level keyword (article, paragraph, subparagraph, chapter and their abbreviations), or
 * a word that starts an instrument's name ("the Convention", "UNTOC", "Smuggling of Migrants Protocol", …).
 */
function triggers(): RegExp {
  const first = new Set<string>(['this', 'the']);
  // The first word of every known name, so that prefixed citations ("SOM Protocol art. 8(6)") are tried.
  for (const instrument of KNOWN_INSTRUMENTS) for (const name of instrument.names) first.add(name.split(/\s+/)[0]!);
  const words = [...first].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(
    `(?<![${WORD_CHAR}_])(?:articles?|arts?\\.?|paragraphs?|paras?\\.|subparagraphs?|subparas?\\.|chapters?|${words})(?![${WORD_CHAR}_])`,
    'gi',
  );
}

const TRIGGERS = triggers();
const HAS_CAPITAL = new RegExp(`[${UPPER}]`);

/**
 * Finds every citation in a text.
 *
 * Relative references ("paragraph 1 of this article", "subparagraph (a)") are placed with the `context` (the
 * instrument, article and paragraph the text belongs to); without one they come back as `unresolved` with reason
 * `needs_context`. References to instruments this graph does not hold ("article 36 of the Vienna Convention on
 * Consular Relations") come back as `unresolved` with reason `other_instrument`. Mentions of another instrument as a
 * whole ("the provisions of the Convention shall apply") are `instrument` citations.
 *
 * @param text - any running text; offsets are those of `text` as given.
 * @param context - the instrument (and article, paragraph) the text is part of; a bare "article 6" means
 * `context.instrument` (default the Convention).
 * @returns the citations in order of appearance; they never overlap. A list that ends in an item that is not a
 * citation ("art. 5 and art. 27(1)(a)(1)") gives the good items before it; the time taken grows linearly with the text.
 *
 * @example
 * ```ts
 * findCitations('without prejudice to articles 27 and 28 of the Convention', { instrument: 'som-protocol' })
 * // [{ text: 'articles 27 and 28 of the Convention', citation: { kind: 'list', items: [UNTOC art. 27, art. 28] }, … }]
 * ```
 */
export function findCitations(text: string, context: CitationContext = {}, options: FindOptions = {}): FoundCitation[] {
  if (typeof text !== 'string') {
    throw new UntocKgError('invalid_input', 'findCitations', `expected a string, got ${text === null ? 'null' : typeof text}`, { value: text });
  }
  checkContext('findCitations', context);
  const normalized = normalizeCitationText(text);
  const found: FoundCitation[] = [];
  const self = context.instrument ?? 'untoc';
  let next = 0;
  TRIGGERS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGERS.exec(normalized)) !== null) {
    if (m.index < next) continue;
    const citation = parseCitationAt(normalized, m.index, context, options);
    if (!citation) continue;
    const span = citation.span;
    if (span.end <= span.start) continue;
    if (citation.kind === 'instrument') {
      const entry = knownInstrument(citation.instrument);
      const covered = normalized.slice(span.start, span.end);
      // "the Protocol" in a Protocol's own text, "this Convention" in the Convention's: the text naming itself.
      if (!options.selfMentions && citation.instrument === self) {
        next = span.end;
        TRIGGERS.lastIndex = span.end;
        continue;
      }
      // In running text an instrument is named with a capital ("the Protocol"); "a protocol … the protocol" is a noun.
      if (!entry || !HAS_CAPITAL.test(covered)) continue;
    }
    found.push({ citation, span, text: text.slice(span.start, span.end) });
    next = span.end;
    TRIGGERS.lastIndex = span.end;
  }
  return found;
}
