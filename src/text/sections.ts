/**
 * The section reader: goes through the cleaned lines of a treaty text once, and cuts them into language sections,
 * each with its title and preamble lines, chapters, articles (via {@link ArticleReader}) and closing formula.
 *
 * A file may hold the same treaty in several languages, one after the other: a new section starts where article or
 * chapter numbering starts again. The title and preamble that precede the restart (after a closing formula, a
 * Markdown title, or as trailing lines in another language) go to the new section. A text whose numbering starts
 * again more than {@link MAX_LANGUAGE_SECTIONS} times is not a treaty in several languages but a repeated structure
 * (or noise): it is refused with `text_unreadable`, so that hostile input cannot make thousands of "languages".
 *
 * @internal
 * @module
 */
import { articleOrdinal, hasLatinSuffix, romanToInt } from '../model/numbers.js';
import { ArticleReader, newProvision, type ChildLevel, type ReadProvision } from './article.js';
import { unreadable } from './decode.js';
import { detectLanguage, LanguageCounter } from './language.js';
import { isAnnexLine, isClosingLine, readArticleLine, readChapterLine, readMarker, splitRunOn, type MarkerForm } from './lines.js';
import type { TextNotice } from './types.js';

/**
 * The most language sections a text may have: the six UN languages several times over, and the 24 of the European
 * Union with room to spare. A text whose numbering starts again more often is refused (`text_unreadable`).
 *
 * @example
 * ```ts
 * parseTreatyText('Article 1\nWords.\n'.repeat(MAX_LANGUAGE_SECTIONS + 1)) // throws text_unreadable
 * ```
 */
export const MAX_LANGUAGE_SECTIONS = 32;

/** A cleaned line of the input. */
export interface TextLine {
  readonly text: string;
  readonly markdown: boolean;
  /** The 1-based line of the input. */
  readonly line: number;
  /** The cleaned line with its runs of spaces kept (they separate provisions that run on). */
  readonly spaced?: string;
}

/** The cleaned lines, the i-th (0-based, blank lines left out) or `undefined` past the last. */
export interface TextLines {
  at(index: number): TextLine | undefined;
}

/** A chapter as the section reader builds it. */
export interface ReadChapter {
  readonly number: string;
  heading: string;
  readonly articles: string[];
  readonly line: number;
}

/** One language section of the input. */
export interface Section {
  /** Lines before the first article or chapter: title and preamble. */
  readonly front: TextLine[];
  readonly chapters: ReadChapter[];
  readonly articles: ReadProvision[];
  readonly closing: string[];
  /** Lines after a closing formula or a Markdown title, waiting to see whether a new section starts. */
  pending: TextLine[];
  /** Continuation lines added to provisions since the last marker, newest last (may belong to the next section). */
  tail: { readonly node: ReadProvision | undefined; readonly line: TextLine }[];
  /** The function words of its lines, to tell its language. */
  readonly words: LanguageCounter;
  readonly firstLine: number;
  lastLine: number;
  readonly notices: TextNotice[];
}

function newSection(line: number, front: TextLine[] = []): Section {
  const words = new LanguageCounter();
  for (const l of front) words.add(l.text);
  return { front, chapters: [], articles: [], closing: [], pending: [], tail: [], words, firstLine: line, lastLine: line, notices: [] };
}

const ENDS_IN_FUNCTION_WORD = /\b(?:and|or|of|the|to|in|for|with|by|a|an|on|that|which|en|van|de|het|een|voor|met|door|et|le|la|les|des|du|y|el|los|und|der|die|das)$/i;

/**
 * Whether the line after an article or chapter number is its heading: a Markdown heading, or (plain text) a short
 * line without a marker that neither ends like a sentence nor runs on into the next line.
 */
function isHeading(line: TextLine, next: TextLine | undefined): boolean {
  if (line.markdown) return true;
  const text = line.text;
  if (text.length > 150 || readMarker(text) || /[.;:,]$/.test(text) || !/^[\p{Lu}\d"“„'‘(]/u.test(text)) return false;
  if (ENDS_IN_FUNCTION_WORD.test(text)) return false;
  return !(next && !next.markdown && /^\p{Ll}/u.test(next.text) && !readMarker(next.text));
}

function unplaced(section: Section, lines: readonly TextLine[]): void {
  for (const p of lines) section.notices.push({ code: 'unplaced_line', message: `line not read as part of any provision: "${p.text.slice(0, 60)}"`, line: p.line });
}

/** body: reading articles; after: past a closing formula or a title (lines wait in `pending`); annex: skipping. */
type Mode = 'body' | 'after' | 'annex';

type ExpectedHeading = { readonly kind: 'article'; readonly node: ReadProvision } | { readonly kind: 'chapter'; readonly chapter: ReadChapter };

/**
 * Reads cleaned lines into language sections, in one pass.
 *
 * @example
 * ```ts
 * const sections = new SectionReader({ at: (i) => lines[i] }, 'untoc.md').read()
 * sections.filter((s) => s.articles.length > 0).length // 2 for a file in English and Dutch
 * ```
 */
export class SectionReader {
  readonly #sections: Section[] = [];
  #section: Section = newSection(1);
  #reader: ArticleReader | undefined;
  #forms = new Map<ChildLevel, MarkerForm>();
  #expectHeading: ExpectedHeading | undefined;
  #chapter: ReadChapter | undefined;
  #mode: Mode = 'body';
  #i = 0;

  constructor(
    /** Read in order, each once, one line ahead: a source may clean them as they are asked for. */
    readonly lines: TextLines,
    readonly source: string | undefined,
  ) {
    this.#sections.push(this.#section);
  }

  /** Reads every line; returns the sections, in order (some may hold no articles). */
  read(): Section[] {
    for (let line = this.lines.at((this.#i = 0)); line; line = this.lines.at(++this.#i)) this.#line(line);
    // Lines still waiting at the end close the last section.
    const section = this.#section;
    if (this.#mode === 'after') for (const p of section.pending) section.closing.push(p.text);
    return this.#sections;
  }

  #line(current: TextLine): void {
    const section = this.#section;
    const line = current.text;
    section.lastLine = current.line;
    const article = readArticleLine(line);
    if (article) return this.#article(current, article);
    const chapter = readChapterLine(line, current.markdown);
    if (chapter) return this.#chapterLine(current, chapter);
    if (section.articles.length > 0 && isClosingLine(line)) return this.#closing(line);
    if (section.articles.length > 0 && isAnnexLine(line)) {
      section.notices.push({ code: 'annex_skipped', message: `the annex ("${line.slice(0, 40)}") is not read: it has no articles`, line: current.line });
      this.#stop('annex');
      return;
    }
    if (this.#expectHeading) {
      const heading = this.#expectHeading;
      this.#expectHeading = undefined;
      if (isHeading(current, this.lines.at(this.#i + 1))) {
        if (heading.kind === 'article') heading.node.heading = line;
        else heading.chapter.heading = line;
        return;
      }
    }
    switch (this.#mode) {
      case 'annex':
        // A Markdown title after an annex starts what follows it (a translation).
        if (current.markdown) {
          this.#mode = 'after';
          section.pending = [current];
        } else {
          section.pending.push(current);
        }
        return;
      case 'after':
        section.pending.push(current);
        return;
      case 'body':
        return this.#body(current);
      default: {
        const never: never = this.#mode;
        return never;
      }
    }
  }

  #article(current: TextLine, article: { number: string; heading?: string }): void {
    const previous = this.#section.articles[this.#section.articles.length - 1];
    const ordinal = articleOrdinal(article.number);
    if (previous && ordinal <= articleOrdinal(previous.number) && !(hasLatinSuffix(article.number) && ordinal === articleOrdinal(previous.number))) {
      this.#startSection(current.line);
    } else {
      this.#resumeBody();
      if (previous && ordinal !== articleOrdinal(previous.number) + 1 && !hasLatinSuffix(article.number)) {
        this.#section.notices.push({ code: 'numbering_irregular', message: `article ${article.number} follows article ${previous.number}`, line: current.line });
      }
    }
    const section = this.#section;
    const node = newProvision('article', article.number, current.line, article.heading ?? '');
    section.articles.push(node);
    section.tail = [];
    this.#reader = new ArticleReader(node, this.#forms, section.notices);
    this.#chapter?.articles.push(article.number);
    this.#expectHeading = article.heading ? undefined : { kind: 'article', node };
  }

  #chapterLine(current: TextLine, line: { number: string; value: number; heading?: string }): void {
    const previous = this.#section.chapters[this.#section.chapters.length - 1];
    const restarts = previous ? line.value <= (romanToInt(previous.number) ?? 0) : this.#section.articles.length > 0 && line.value === 1;
    if (restarts) this.#startSection(current.line);
    else this.#resumeBody();
    const chapter: ReadChapter = { number: line.number, heading: line.heading ?? '', articles: [], line: current.line };
    this.#chapter = chapter;
    this.#section.chapters.push(chapter);
    this.#reader = undefined;
    this.#expectHeading = chapter.heading ? undefined : { kind: 'chapter', chapter };
  }

  /** A closing formula, wrapped over several lines until its sentence ends. */
  #closing(line: string): void {
    const closing = this.#section.closing;
    closing.push(line);
    this.#stop('after');
    for (let next = this.lines.at(this.#i + 1); !/[.;:!]$/.test(line) && next && !next.markdown && !readArticleLine(next.text); next = this.lines.at(this.#i + 1)) {
      this.#i++;
      closing[closing.length - 1] += ` ${next.text}`;
      if (/[.;:!]$/.test(next.text)) break;
    }
  }

  #stop(mode: Mode): void {
    this.#mode = mode;
    this.#reader = undefined;
    this.#expectHeading = undefined;
  }

  #body(current: TextLine): void {
    const section = this.#section;
    const reader = this.#reader;
    if (!reader) {
      if (section.articles.length === 0 && section.chapters.length === 0) {
        section.front.push(current);
        section.words.add(current.text);
      } else if (current.markdown) {
        this.#mode = 'after';
        section.pending.push(current);
      } else {
        // Words between a chapter heading and its first article.
        unplaced(section, [current]);
      }
      return;
    }
    if (current.markdown) {
      // A Markdown title inside the articles: a translation may follow; wait and see.
      this.#mode = 'after';
      this.#reader = undefined;
      section.pending.push(current);
      return;
    }
    section.words.add(current.text);
    for (const piece of splitRunOn(current.spaced ?? current.text)) {
      const marker = readMarker(piece);
      if (marker && reader.place(marker, current.line)) {
        section.tail = [];
        continue;
      }
      const node = reader.addText(piece);
      section.tail.push({ node, line: { text: piece, markdown: false, line: current.line } });
    }
  }

  #startSection(line: number): void {
    if (this.#sections.length >= MAX_LANGUAGE_SECTIONS) {
      unreadable(
        `the numbering of articles or chapters starts again more than ${MAX_LANGUAGE_SECTIONS - 1} times: a text holds at most ${MAX_LANGUAGE_SECTIONS} language sections, so this is a repeated structure, not a treaty in several languages`,
        { line, ...(this.source && { source: this.source }) },
      );
    }
    const old = this.#section;
    const front = this.#carryOver(old);
    unplaced(old, old.pending);
    this.#section = newSection(line, front);
    this.#sections.push(this.#section);
    this.#forms = new Map();
    this.#chapter = undefined;
    this.#reader = undefined;
    this.#mode = 'body';
  }

  /** Lines that waited after a closing formula or title, when numbering goes on after all: they are not placed. */
  #resumeBody(): void {
    if (this.#mode === 'body') return;
    if (this.#mode === 'after') unplaced(this.#section, this.#section.pending.splice(0));
    this.#mode = 'body';
  }

  /** The lines of the old section that belong to the new one: its title and preamble. */
  #carryOver(old: Section): TextLine[] {
    if (this.#mode === 'after') return old.pending.splice(0);
    // Trailing lines in another language than the section's (a plain-text translation's title and preamble, or
    // after an annex) belong to the next section.
    const language = old.words.language();
    const candidates = this.#mode === 'annex' ? old.pending.map((line) => ({ node: undefined, line })) : old.tail;
    let start = candidates.length;
    let foreign = false;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const lang = detectLanguage(candidates[i]!.line.text, 1);
      if (lang === language) break;
      if (lang !== 'und') foreign = true;
      start = i;
    }
    if (!foreign) return [];
    // A line in no telling language that ends a sentence begun above ("…both texts being" / "equally authentic.")
    // stays where it is.
    const before = (k: number): string | undefined => {
      if (k > 0) return candidates[k - 1]!.line.text;
      const node = candidates[0]?.node;
      return node ? node.text[node.text.length - candidates.length - 1] : undefined;
    };
    while (start < candidates.length && detectLanguage(candidates[start]!.line.text, 1) === 'und' && !/[.;:!?]$/.test(before(start) ?? '.')) start++;
    const moved = candidates.slice(start);
    for (const { node } of moved) node?.text.pop();
    return moved.map((m) => m.line);
  }
}
