/**
 * `parseTreatyText`: reads a rendering of a treaty (Markdown as in the Dutch treaty database's mirror, the plain
 * text layout of the UN Treaty Series, or HTML) into its provision tree, with the wording of each provision per
 * language. Pure: a string or bytes in, plain objects out; no file system, no graph.
 *
 * How it reads, in four steps, each in its own module:
 * - `decode.ts` turns bytes into text, or says why it cannot (binary, not UTF-8, mojibake).
 * - `html.ts` and `lines.ts` clean each line of Markdown and HTML (comments and `script`, `style`, `template`,
 *   `noscript` contents are dropped; character references decoded) and tell what a line is: an article or chapter
 *   heading, a closing formula, an annex, a marker that opens a numbered provision.
 * - `sections.ts` (with `article.ts`) reads the lines once into language sections: a new section starts where
 *   article or chapter numbering starts again.
 * - `merge.ts` merges the sections into one tree with the words of each language, and `render.ts` prints it back.
 *
 * The wording of a provision is its own words: the whole text of a provision without subdivisions, or the words
 * before its first subdivision (its chapeau). An article whose words are all in its paragraphs has no own words;
 * {@link fullText} renders a provision with everything below it.
 *
 * @module
 */
import { decodeInput, unreadable } from './decode.js';
import { dropHiddenMarkup } from './html.js';
import { cleanInline } from './lines.js';
import { mergeSections } from './merge.js';
import { SectionReader, type TextLine, type TextLines } from './sections.js';
import type { TreatyText, TreatyTextOptions } from './types.js';

export { MAX_LANGUAGE_SECTIONS } from './sections.js';
export { fullText, printedMarker, textProvisions, type WordingTree } from './render.js';
export type { TextChapter, TextLevel, TextNotice, TextProvision, TreatyText, TreatyTextOptions, Wording } from './types.js';

const MARKDOWN_HEADING = /^\s*#{1,6}/;
const MARKDOWN_HEADING_MARK = /^\s*#{1,6}\s*/;

/**
 * The input's lines, cleaned as the reader asks for them (so that a text refused early is not cleaned to its end);
 * blank lines are left out, the others keep their 1-based line numbers.
 */
class CleanLines implements TextLines {
  readonly #raw: readonly string[];
  readonly #lines: TextLine[] = [];
  #next = 0;

  constructor(text: string) {
    this.#raw = dropHiddenMarkup(text).split(/\r\n?|\n/);
  }

  /** How many lines the input has, blank ones included. */
  get count(): number {
    return this.#raw.length;
  }

  at(index: number): TextLine | undefined {
    while (this.#lines.length <= index && this.#next < this.#raw.length) {
      const raw = this.#raw[this.#next++]!;
      const markdown = MARKDOWN_HEADING.test(raw);
      const spaced = cleanInline(markdown ? raw.replace(MARKDOWN_HEADING_MARK, '') : raw, true);
      if (spaced) this.#lines.push({ text: spaced.replace(/ {2,}/g, ' '), markdown, line: this.#next, spaced });
    }
    return this.#lines[index];
  }
}

/**
 * Reads a treaty text into its provision tree with the wording of each provision per language.
 *
 * @param input - the text, or its bytes (UTF-8, or UTF-16 with a byte-order mark).
 * @param options - `source` names the input in messages; `instrument` says which instrument it is; `languages`
 * overrides detection; `truncated: 'ignore'` reads a text that stops early.
 * @throws {@link TextReadError} (code `text_unreadable`) for empty, binary, wrongly encoded or truncated input, for
 * a text with no articles, and for one whose numbering starts again more than {@link MAX_LANGUAGE_SECTIONS} times
 * (a repeated structure, not a text in that many languages), with the line (and offset) where reading stopped and
 * the last provision read.
 *
 * @example
 * ```ts
 * const text = parseTreatyText(readFileSync('untoc.md'), { source: 'untoc.md', instrument: 'untoc' })
 * text.languages                         // ['en', 'nl']
 * text.articles[26].heading.nl           // 'Samenwerking op het gebied van rechtshandhaving'
 * text.articles[26].children[0].text.en  // the chapeau of art. 27(1)
 * ```
 */
export function parseTreatyText(input: string | Uint8Array, options: TreatyTextOptions = {}): TreatyText {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    unreadable(`expected a string or bytes, got ${input === null ? 'null' : typeof input}`, { ...(options.source && { source: options.source }) });
  }
  const source = options.source;
  const text = decodeInput(input, source);
  if (text.trim().length === 0) unreadable('the input is empty', { offset: 0, line: 1, ...(source && { source }) });
  const lines = new CleanLines(text);
  const sections = new SectionReader(lines, source).read();
  return mergeSections(sections, options, lines.count);
}
