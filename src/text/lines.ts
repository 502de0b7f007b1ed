/**
 * What a line of a treaty text is: cleaning away Markdown and HTML that are not words, and recognizing article and
 * chapter headings, preambles, closing formulas, annexes and the markers that open numbered provisions. The reader's
 * own helpers, exported for it and its tests (not from the package entry).
 *
 * @example
 * ```ts
 * readArticleLine('Article 2 bis')          // { number: '2 bis' }
 * readMarker('(a)“Bird” means …')          // { token: 'a', form: 'paren', rest: '“Bird” means …' }
 * splitRunOn('… a nest; (iii)Publicly …')   // ['… a nest;', '(iii)Publicly …']
 * ```
 * @internal
 * @module
 */
import { chapterValue, intToRoman, isItemNumeral, LATIN_SUFFIX_PATTERN } from '../model/numbers.js';
import { LETTER, UPPER } from '../citation/chars.js';
import { decodeReferences, stripTags } from './html.js';

/**
 * Removes Markdown and HTML that is not part of the words: tags, footnotes in `<sup>`, links, emphasis, character
 * references. Every kind of space becomes a plain one, and runs of spaces become one, unless `keepSpacing` (the
 * reader splits provisions that run on in one line where two or more spaces separate them). Linear in the line.
 */
export function cleanInline(line: string, keepSpacing = false): string {
  let cleaned = line;
  // Each pass only where its mark is: most lines have none, and long lines are common.
  if (cleaned.includes('<')) cleaned = stripTags(cleaned.replace(/<sup>\s*(?:\d+\)|\*)[^<]*<\/sup>/gi, ''));
  // A link's words and target hold no brackets: `[[[[…](` cannot make each `[` scan to the end.
  if (cleaned.includes('](')) cleaned = cleaned.replace(/\[([^[\]]*)\]\([^)[\]]*\)/g, '$1');
  if (cleaned.includes('*') || cleaned.includes('_')) {
    cleaned = cleaned
      // `*mutatis mutandis.*In addition`: the emphasis hid the space after the sentence.
      .replace(/\*{1,2}([^*]+[.;:,])\*{1,2}(?=\p{L})/gu, '$1 ')
      // `*ordre public*or`, `*Papaver somniferum*L`: the closing mark hid the space before a word.
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=\p{L})/gu, '$1$2 ')
      .replace(/(^|[^*\w])[*_]{1,2}([^*_]+?)[*_]{1,2}(?=$|[^*\w])/g, '$1$2')
      .replace(/\*{1,2}([^*]+)\*{1,2}/g, '$1');
  }
  if (cleaned.includes('``')) cleaned = cleaned.replace(/``/g, '“');
  // Runs, each character a space: one replacement per run, not per character (a line of 100,000 odd spaces).
  cleaned = decodeReferences(cleaned).replace(/(?:[^\S ]|\u200b)+/g, (run) => ' '.repeat(run.length));
  return (keepSpacing ? cleaned : cleaned.replace(/ {2,}/g, ' ')).trim();
}

/** An article heading: `Article 27`, `ARTICLE 27`, `Artikel 27`, `Article 2 bis`, `Article 27. Heading`. */
const ARTICLE_LINE = new RegExp(
  `^(?:Article|ARTICLE|Artikel|ARTIKEL|Art\\.|Artículo|ARTÍCULO|Статья|СТАТЬЯ)\\s+(\\d{1,4}(?:\\s*(?:${LATIN_SUFFIX_PATTERN}))?|premier|PREMIER)\\s*(?:[.:]?\\s*$|[.:–—-]\\s+(\\p{Lu}.*)$)`,
  'u',
);

/** An article heading line: its number as printed (`27`, `2 bis`) and the heading when it is on the same line. */
export function readArticleLine(line: string): { number: string; heading?: string } | undefined {
  const m = ARTICLE_LINE.exec(line);
  if (!m) return undefined;
  const number = /^premier$/i.test(m[1]!) ? '1' : m[1]!.replace(/\s+/g, ' ').replace(/(\d)(?=[a-z])/, '$1 ');
  return { number, ...(m[2] && { heading: m[2].trim() }) };
}

/** Capitalized or upper case, never lower case: "chapter II of the Convention" in running text is no heading. */
const CHAPTER_WORDS = ['chapter', 'hoofdstuk', 'chapitre', 'capítulo', 'kapitel', 'part', 'deel', 'partie', 'parte', 'teil', 'titre', 'titel']
  .map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}|${w.toUpperCase()}`)
  .join('|');
/** `Chapter II`, `CHAPTER II. Heading`, `Hoofdstuk 2 – Heading`. */
const CHAPTER_WORD_LINE = new RegExp(`^(?:${CHAPTER_WORDS})\\s+([IVXLC]{1,7}|\\d{1,2})(?![\\p{L}\\d])\\.?(?:\\s*[-–—.:]?\\s*(\\p{Lu}.*))?$`, 'u');
/** In a Markdown heading: a bare roman number (`###II`) or a number and heading (`### I  General provisions`). */
const CHAPTER_BARE = /^([IVXLC]{1,7})\.?(?:\s+(\p{Lu}.*))?$/u;
/** In plain text: a roman number and a heading in capitals (`II. SMUGGLING OF MIGRANTS BY SEA`). */
const CHAPTER_CAPS = /^([IVXLC]{1,7})\.\s+([^\p{Ll}]*\p{Lu}[^\p{Ll}]*)$/u;

/**
 * A chapter heading line: its number (as an upper-case roman numeral, whether printed in roman or arabic), its value,
 * and the heading when it is on the same line.
 */
export function readChapterLine(line: string, markdown: boolean): { number: string; value: number; heading?: string } | undefined {
  const m = CHAPTER_WORD_LINE.exec(line) ?? (markdown ? CHAPTER_BARE.exec(line) : CHAPTER_CAPS.exec(line));
  const value = m ? chapterValue(m[1]!) : undefined;
  if (value === undefined) return undefined;
  return { number: intToRoman(value)!, value, ...(m![2] && { heading: m![2].trim() }) };
}

const PREAMBLE_WORD = /^(?:preamble|preambule|préambule|preámbulo|präambel)\b\s*:?\s*|^(?:preamble|preambule|préambule|preámbulo|präambel)(?=\p{Lu})/iu;

/** Splits a leading "Preamble" word off a line (`PreambuleThe States Parties…` → `The States Parties…`). */
export function readPreambleWord(line: string): string | undefined {
  const m = PREAMBLE_WORD.exec(line);
  return m ? line.slice(m[0].length) : undefined;
}

/** How a preamble starts: `The States Parties to this Convention,`, `De Staten die partij zijn`, `Les États Parties`. */
export const PREAMBLE_OPENER =
  /^(?:The|These|De|Les|Los|Las|Die)\s+(?:States|Parties|High|Governments?|Contracting|Staten|Partijen|Hoge|Regeringen|États|Etats|Hautes|Estados|Altas|Partes|Vertragsstaaten|Regierungen|Hohen)\b/u;

/** The closing formula: `IN WITNESS WHEREOF`, `DONE at`, and their Dutch, French, Spanish and German forms. */
const CLOSING = /^(?:IN WITNESS WHEREOF|DONE (?:at|in|AT|IN)\s|TEN BLIJKE WAARVAN|GEDAAN (?:te|in|TE)\s|EN FOI DE QUOI|FAIT (?:à|a|À|A)\s|EN FE DE LO CUAL|HECHO (?:en|EN)\s|ZU URKUND DESSEN|GESCHEHEN (?:zu|ZU)\s)/u;

/** True when the line opens the closing formula that follows the last article. */
export function isClosingLine(line: string): boolean {
  return CLOSING.test(line);
}

/** `ANNEX`, `Annex I`, `BIJLAGE`, `Annexe`, `ANEXO`, `Anlage`: the start of an annex (a line of its own). */
const ANNEX = /^(?:ANNEX|Annex|ANNEXE|Annexe|BIJLAGE|Bijlage|ANEXO|Anexo|ANLAGE|Anlage)(?:\s+(?:[IVXLC]{1,5}|\d{1,2}|[A-Z]))?\.?(?:\s*[-–—:]\s*.*)?$/u;

/** True when the line starts an annex. */
export function isAnnexLine(line: string): boolean {
  return ANNEX.test(line);
}

/** The form of a marker: `(a)`, `a)`, or `a.`/`1.`. */
export type MarkerForm = 'paren' | 'half' | 'dot';

/** A marker that opens a numbered provision, and the words after it. */
export interface Marker {
  readonly token: string;
  readonly form: MarkerForm;
  readonly rest: string;
}

/** Words that show a "marker" is a reference in running text (`(a) of this paragraph`), not a new provision. */
const REFERENCE_AFTER = /^(?:of this|of the|of that|above|below|hereof|thereof|van dit|van het|van deze)\b|^[,;)]/;

/** Reads the marker a line starts with, if any: `1.`, `(1)`, `(a)`, `a)`, `a.`, `(i)`, `i.`, glued or not (`2.The`, `(a)“Term”`). */
export function readMarker(line: string): Marker | undefined {
  const marker = markerAt(line);
  if (!marker || REFERENCE_AFTER.test(marker.rest)) return undefined;
  if (marker.form !== 'dot' || /^\d/.test(marker.token)) return marker;
  // `e.g.`, `i.e.` open no provision.
  return /^[a-z]\./.test(marker.rest) ? undefined : marker;
}

/** The marker forms, without the words after them (each match is short: reading a marker does not scan the line). */
const PARAGRAPH_DOT = /^(\d{1,3})\.(?:\s+|$|(?=[A-Z\u00c0-\u00d6\u00d8-\u00de„“"'‘«]))/;
const PAREN = /^\(\s*([a-z]{1,6}|\d{1,3})\s*\)\s*/;
const HALF = /^([a-z]{1,6})\)\s*/;
const LETTER_DOT = /^([a-z]{1,6})\.(?:\s+|$|(?=[\p{L}„“"'‘«(]))/u;

function markerAt(line: string): Marker | undefined {
  const found = (m: RegExpExecArray, form: MarkerForm): Marker => ({ token: m[1]!, form, rest: line.slice(m[0].length) });
  let m = PARAGRAPH_DOT.exec(line);
  if (m) return found(m, 'dot');
  if ((m = PAREN.exec(line))) return found(m, 'paren');
  if ((m = HALF.exec(line))) return found(m, 'half');
  m = LETTER_DOT.exec(line);
  return m && (m[1]!.length === 1 || isItemNumeral(m[1]!)) ? found(m, 'dot') : undefined;
}

const RUN_ON = new RegExp(
  `([;:.]) +(?=(?:\\( *(?:[ivx]{1,5}|[a-z]) *\\)|[a-z]\\)|\\d{1,2}\\. {2,}) *(?:[${UPPER}]|$))|([;:]) +(?=(?:\\( *(?:[ivx]{1,5}|[a-z]) *\\)|[a-z]\\)|[ivx]{1,5}\\.(?=[${LETTER}])) *(?:[${LETTER}]|$))`,
  'g',
);

/**
 * Splits a line where a new provision runs on after the end of the previous one (`… ; (iv) Prevent …`,
 * `… group.     2.   For the purpose …`, `…; ii.de aankoop …`). A marker must follow `;`, `:` or `.` and open a
 * capitalized sentence (or, after `;` or `:`, any word) or end the line (its words wrapped to the next), and a paragraph number must stand between runs of two or more
 * spaces, so references such as "subparagraph (a) of this paragraph" stay whole. Give the line with its spacing kept
 * (`cleanInline(line, true)`); the pieces come back with runs of spaces made one.
 */
export function splitRunOn(line: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of line.matchAll(RUN_ON)) {
    const cut = m.index + 1;
    const next = line.slice(cut).trimStart();
    if (!readMarker(next)) continue;
    parts.push(line.slice(last, cut));
    last = cut;
  }
  parts.push(line.slice(last));
  return parts.map((p) => p.replace(/ {2,}/g, ' ').trim()).filter(Boolean);
}
