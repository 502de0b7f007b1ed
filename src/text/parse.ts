/**
 * `parseTreatyText`: reads a rendering of a treaty (Markdown as in the Dutch treaty database's mirror, or the plain
 * text layout of the UN Treaty Series) into its provision tree, with the wording of each provision per language.
 * Pure: a string or bytes in, plain objects out; no file system, no graph.
 *
 * How it reads:
 * - Lines are cleaned of Markdown and HTML (`lines.ts`) and classified: article headings (`### Article 27`,
 *   `Article 27`, `Artikel 27`, `Article 2 bis`), chapter headings (`###II`, `### I  General provisions`,
 *   `CHAPTER II`, `II. GENERAL PROVISIONS`), the heading line below them, a title and preamble before the first
 *   article, the closing formula (`IN WITNESS WHEREOF`, `DONE at`), annexes, and provision lines that start with a
 *   marker (`1.`, `a)`, `(a)`, `(i)`, `a.`). Provisions that run on in one line are split first.
 * - A marker is placed where its number is the next one expected, deepest level first; when two levels expect it
 *   (the letter (i) after (h), or the first item (i)), the form each level has used so far decides (`(a)` vs `a)` vs
 *   `a.`), then whether the words above end with a colon (which introduces a list).
 * - A file may hold the same treaty in several languages, one after the other: a new section starts where article
 *   or chapter numbering starts again. Each section's language is detected from its words, not assumed from its
 *   position; the title and preamble that precede the restart (after a closing formula, a Markdown title, or as
 *   trailing lines in another language) go to the new section.
 *
 * The wording of a provision is its own words: the whole text of a provision without subdivisions, or the words
 * before its first subdivision (its chapeau). An article whose words are all in its paragraphs has no own words;
 * {@link fullText} renders a provision with everything below it.
 *
 * @module
 */
import { articleOrdinal, hasLatinSuffix, isItemNumeral, nextItemNumeral, romanToInt } from '../model/numbers.js';
import { cleanNum, mintEid, type EidSegment, type ProvisionLevel } from '../model/ids.js';
import { decodeInput, unreadable } from './decode.js';
import { detectLanguage, LanguageCounter } from './language.js';
import {
  cleanInline,
  isAnnexLine,
  isClosingLine,
  PREAMBLE_OPENER,
  readArticleLine,
  readChapterLine,
  readMarker,
  readPreambleWord,
  splitRunOn,
  type Marker,
  type MarkerForm,
} from './lines.js';

/** Text per language (BCP 47 tag → words). */
export type Wording = Readonly<Record<string, string>>;

/** The levels of a provision read from a text (chapters are listed apart). */
export type TextLevel = Exclude<ProvisionLevel, 'chapter'>;

/** A provision read from a text: its number, its own wording per language, and what it holds. */
export interface TextProvision {
  /** The Akoma Ntoso eId, as in the graph: `art_27__para_1__point_e`. */
  readonly eid: string;
  readonly level: TextLevel;
  /** As printed: `27`, `1`, `e`, `ii`, `2 bis`. */
  readonly number: string;
  /** The heading of an article, per language. */
  readonly heading: Wording;
  /** The provision's own words (its chapeau, or the whole text of a provision without subdivisions), per language. */
  readonly text: Wording;
  readonly children: readonly TextProvision[];
  /** The languages whose section holds this provision. */
  readonly languages: readonly string[];
  /** The 1-based line of the input where it starts (in the first section that has it). */
  readonly line: number;
}

/** A chapter read from a text. */
export interface TextChapter {
  readonly eid: string;
  /** As printed, normalized to upper-case roman: `II`. */
  readonly number: string;
  readonly heading: Wording;
  /** The article numbers it holds, in order. */
  readonly articles: readonly string[];
  readonly line: number;
}

/** Something the reader noticed but could read past. */
export interface TextNotice {
  readonly code: 'numbering_irregular' | 'language_mismatch' | 'language_undetected' | 'unplaced_line' | 'annex_skipped';
  readonly message: string;
  /** 1-based line of the input. */
  readonly line: number;
  readonly language?: string;
}

/** A treaty as read from a text. */
export interface TreatyText {
  /** The name of the input, as given in the options. */
  readonly source?: string;
  /** The instrument the text is said to be (as given in the options). */
  readonly instrument?: string;
  /** The languages found, in the order their sections appear (e.g. `['en', 'nl']`). */
  readonly languages: readonly string[];
  readonly title: Wording;
  readonly preamble: Wording;
  readonly chapters: readonly TextChapter[];
  readonly articles: readonly TextProvision[];
  /** The closing formula after the last article (`IN WITNESS WHEREOF …`), per language. */
  readonly closing: Wording;
  readonly notices: readonly TextNotice[];
}

/** Options of {@link parseTreatyText}. */
export interface TreatyTextOptions {
  /** A name for messages and provenance (e.g. the file name). */
  readonly source?: string;
  /** The instrument the text is (e.g. `untoc`); recorded on the result for `checkText` and `attachText`. */
  readonly instrument?: string;
  /**
   * The language of each section in order, where detection should not decide (e.g. `['en', 'ru']` for a language
   * the detector does not know). Sections beyond the list are detected.
   */
  readonly languages?: readonly string[];
  /**
   * What to do when the text seems to stop before its end (the last provision has no closing punctuation, or a
   * translation stops before the original does): `error` (default) or `ignore`.
   */
  readonly truncated?: 'error' | 'ignore';
}

// ---------------------------------------------------------------------------------------------------------------
// Numbering

type ChildLevel = Exclude<TextLevel, 'article'>;
type Style = 'arabic' | 'letter' | 'roman';

function styleOf(level: ChildLevel): Style {
  return level === 'paragraph' ? 'arabic' : level === 'item' ? 'roman' : 'letter';
}

function successor(style: Style, value: string | undefined): string {
  switch (style) {
    case 'arabic':
      return value === undefined ? '1' : String(Number(value) + 1);
    case 'letter':
      return value === undefined ? 'a' : String.fromCharCode(value.charCodeAt(0) + 1);
    case 'roman':
      return nextItemNumeral(value) ?? '';
  }
}

function fits(style: Style, token: string): boolean {
  return style === 'arabic' ? /^\d+$/.test(token) : style === 'letter' ? /^[a-z]$/.test(token) : isItemNumeral(token);
}

// ---------------------------------------------------------------------------------------------------------------
// One language section

interface Node {
  level: TextLevel;
  number: string;
  heading: string;
  text: string[];
  children: Node[];
  line: number;
}

interface FrontLine {
  readonly text: string;
  readonly markdown: boolean;
  readonly line: number;
  /** The cleaned line with its runs of spaces kept (they separate provisions that run on). */
  readonly spaced?: string;
}

interface Chapter {
  number: string;
  heading: string;
  articles: string[];
  line: number;
}

interface Section {
  /** Lines before the first article or chapter: title and preamble. */
  front: FrontLine[];
  chapters: Chapter[];
  articles: Node[];
  closing: string[];
  /** Lines after a closing formula or a Markdown title, waiting to see whether a new section starts. */
  pending: FrontLine[];
  /** Continuation lines added to provisions since the last marker, newest last (may belong to the next section). */
  tail: { node: Node; line: FrontLine }[];
  /** The function words of its lines, to tell its language. */
  words: LanguageCounter;
  firstLine: number;
  lastLine: number;
  notices: TextNotice[];
}

function newSection(line: number, front: FrontLine[] = []): Section {
  const words = new LanguageCounter();
  for (const l of front) words.add(l.text);
  return { front, chapters: [], articles: [], closing: [], pending: [], tail: [], words, firstLine: line, lastLine: line, notices: [] };
}

function childLevel(node: Node, token: string): ChildLevel | undefined {
  switch (node.level) {
    case 'article':
      if (node.children[0]) return node.children[0].level as ChildLevel;
      return /^\d+$/.test(token) ? 'paragraph' : 'subparagraph';
    case 'paragraph':
      return 'subparagraph';
    case 'subparagraph':
      return 'item';
    case 'item':
      return 'subitem';
    default:
      return undefined;
  }
}

/** The reader's state within one article. */
class ArticleReader {
  readonly path: Node[];

  constructor(
    readonly article: Node,
    /** The form each level has used in this section (`a)` vs `(a)` vs `a.`), to tell a letter (i) from an item (i). */
    readonly forms: Map<ChildLevel, MarkerForm>,
    readonly notices: TextNotice[],
  ) {
    this.path = [article];
  }

  /** Places a marker; returns false when no level can take it (the line is then read as words). */
  place(marker: Marker, line: number): boolean {
    const token = marker.token;
    const options: { depth: number; level: ChildLevel; expected: boolean }[] = [];
    for (let depth = this.path.length; depth >= 1; depth--) {
      const parent = this.path[depth - 1]!;
      const level = childLevel(parent, token);
      if (!level) continue;
      const style = styleOf(level);
      if (!fits(style, token)) continue;
      const last = parent.children[parent.children.length - 1];
      if (token === successor(style, last?.number)) options.push({ depth, level, expected: true });
      else if (level === 'paragraph' && marker.form === 'dot' && (!last || Number(token) > Number(last.number))) options.push({ depth, level, expected: false });
    }
    // Where two levels expect this number: a level whose form matches wins over one whose form differs; then
    // continuing an open list beats opening a new one, unless the words above end with a colon (which introduces a
    // list).
    const expected = options.filter((o) => o.expected);
    let choice = expected[0];
    if (expected.length > 1) {
      const byForm = expected.filter((o) => this.forms.get(o.level) === marker.form);
      const otherForm = expected.filter((o) => this.forms.has(o.level) && this.forms.get(o.level) !== marker.form);
      if (byForm.length === 1 && otherForm.length > 0) {
        choice = byForm[0];
      } else {
        const deepest = this.path[this.path.length - 1]!;
        const opening = expected.find((o) => o.depth === this.path.length && deepest.children.length === 0);
        const continuing = expected.filter((o) => o !== opening);
        const introducesList = /:\s*$/.test(deepest.text.join(' '));
        choice = opening && (introducesList || continuing.length === 0) ? opening : continuing[0];
      }
    }
    choice ??= options[0];
    if (!choice) return false;
    const parent = this.path[choice.depth - 1]!;
    if (choice.level === 'paragraph' && parent === this.article && parent.children.length === 0 && token === '2' && parent.text.length > 0) {
      // The words before paragraph 2 are paragraph 1, printed without its number.
      parent.children.push({ level: 'paragraph', number: '1', heading: '', text: parent.text.splice(0), children: [], line: parent.line });
      this.notices.push({ code: 'numbering_irregular', message: `the words before paragraph 2 of article ${this.article.number} are read as its paragraph 1, which has no number`, line });
      choice = { ...choice, expected: true };
    }
    if (!choice.expected) {
      this.notices.push({ code: 'numbering_irregular', message: `paragraph ${token} of article ${this.article.number} does not follow its predecessor`, line });
    }
    const node: Node = { level: choice.level, number: token, heading: '', text: [], children: [], line };
    parent.children.push(node);
    if (!this.forms.has(choice.level) && choice.level !== 'paragraph') this.forms.set(choice.level, marker.form);
    this.path.length = choice.depth;
    this.path.push(node);
    if (marker.rest.trim()) node.text.push(marker.rest.trim());
    return true;
  }

  /** Adds words to the provision read last; returns it. */
  addText(text: string): Node {
    const node = this.path[this.path.length - 1]!;
    node.text.push(text);
    return node;
  }

  deepest(): Node {
    return this.path[this.path.length - 1]!;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Headings

const ENDS_IN_FUNCTION_WORD = /\b(?:and|or|of|the|to|in|for|with|by|a|an|on|that|which|en|van|de|het|een|voor|met|door|et|le|la|les|des|du|y|el|los|und|der|die|das)$/i;

/**
 * Whether the line after an article or chapter number is its heading: a Markdown heading, or (plain text) a short
 * line without a marker that neither ends like a sentence nor runs on into the next line.
 */
function isHeading(line: FrontLine, next: FrontLine | undefined): boolean {
  if (line.markdown) return true;
  const text = line.text;
  if (readMarker(text) || text.length > 150 || /[.;:,]$/.test(text) || !/^[\p{Lu}\d"“„'‘(]/u.test(text)) return false;
  if (ENDS_IN_FUNCTION_WORD.test(text)) return false;
  return !(next && !next.markdown && /^\p{Ll}/u.test(next.text) && !readMarker(next.text));
}

// ---------------------------------------------------------------------------------------------------------------
// Title and preamble

/** Splits the lines before the first article into title lines and preamble lines. */
function splitFront(front: readonly FrontLine[]): { titles: string[]; preamble: string[] } {
  const titles = front.filter((l) => l.markdown).map((l) => l.text);
  const plain = front.filter((l) => !l.markdown).map((l) => l.text);
  const marked = plain.findIndex((l) => readPreambleWord(l) !== undefined);
  let cut: number;
  if (marked >= 0) {
    plain[marked] = readPreambleWord(plain[marked]!)!;
    cut = marked;
  } else if (titles.length > 0) {
    cut = 0;
  } else {
    const opener = plain.findIndex((l) => PREAMBLE_OPENER.test(l));
    if (opener >= 0) cut = opener;
    else {
      cut = 0;
      while (cut < plain.length && !/[.,;:]$/.test(plain[cut]!)) cut++;
    }
  }
  const title = plain.slice(0, cut).join(' ').trim();
  if (title) titles.push(title);
  return { titles, preamble: plain.slice(cut).filter(Boolean) };
}

// ---------------------------------------------------------------------------------------------------------------
// Merging the sections into one tree

interface MergedNode {
  eid: string;
  level: TextLevel;
  number: string;
  heading: Record<string, string>;
  text: Record<string, string>;
  children: MergedNode[];
  languages: string[];
  line: number;
}

const ELEMENT: Record<TextLevel, EidSegment['element']> = { article: 'art', paragraph: 'para', subparagraph: 'point', item: 'point', subitem: 'point' };

function merge(node: Node, parentSegments: readonly EidSegment[], language: string, into: Map<string, MergedNode>, order: MergedNode[]): void {
  const segments = [...parentSegments, { element: ELEMENT[node.level], num: cleanNum(node.number) }];
  const eid = mintEid(segments);
  let merged = into.get(eid);
  if (!merged) {
    merged = { eid, level: node.level, number: node.number, heading: {}, text: {}, children: [], languages: [], line: node.line };
    into.set(eid, merged);
    order.push(merged);
  }
  merged.languages.push(language);
  if (node.heading) merged.heading[language] = node.heading;
  const own = node.text.join(' ').replace(/\s+/g, ' ').trim();
  if (own) merged.text[language] = own;
  for (const child of node.children) merge(child, segments, language, into, merged.children);
}

/** Every provision of a section as a short citation (`art. 2(1)(b)(iii)`), in document order. */
function structureOf(nodes: readonly Node[], prefix = ''): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const key = n.level === 'article' ? `art. ${n.number}` : `${prefix}(${n.number})`;
    out.push(key, ...structureOf(n.children, key));
  }
  return out;
}

function freeze(n: MergedNode): TextProvision {
  return { eid: n.eid, level: n.level, number: n.number, heading: n.heading, text: n.text, children: n.children.map(freeze), languages: n.languages, line: n.line };
}

/** "article 41, paragraph 2": where a node is, for messages. */
function describe(article: Node, node: Node): string {
  const path: Node[] = [];
  const find = (n: Node): boolean => {
    path.push(n);
    if (n === node) return true;
    for (const c of n.children) if (find(c)) return true;
    path.pop();
    return false;
  };
  find(article);
  return path.map((n) => `${n.level} ${n.number}`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

/**
 * Reads a treaty text into its provision tree with the wording of each provision per language.
 *
 * @param input - the text, or its bytes (UTF-8, or UTF-16 with a byte-order mark).
 * @param options - `source` names the input in messages; `instrument` says which instrument it is; `languages`
 * overrides detection; `truncated: 'ignore'` reads a text that stops early.
 * @throws {@link TextReadError} (code `text_unreadable`) for empty, binary, wrongly encoded or truncated input,
 * with the line (and offset) where reading stopped and the last provision read.
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

  const lines: FrontLine[] = [];
  const rawLines = text.split(/\r\n?|\n/);
  rawLines.forEach((raw, i) => {
    const markdown = /^\s*#{1,6}/.test(raw);
    const spaced = cleanInline(raw.replace(/^\s*#{1,6}\s*/, ''), true);
    if (spaced) lines.push({ text: spaced.replace(/ {2,}/g, ' '), markdown, line: i + 1, spaced });
  });
  const lastLine = rawLines.length;

  const sections: Section[] = [];
  let section = newSection(1);
  sections.push(section);
  let reader: ArticleReader | undefined;
  let forms = new Map<ChildLevel, MarkerForm>();
  let expectHeading: { kind: 'article'; node: Node } | { kind: 'chapter'; chapter: Chapter } | undefined;
  let chapter: Chapter | undefined;
  /** body: reading articles; after: past a closing formula or a title (lines wait in `pending`); annex: skipping. */
  let mode: 'body' | 'after' | 'annex' = 'body';

  /** The lines of the old section that belong to the new one: its title and preamble. */
  const carryOver = (old: Section): FrontLine[] => {
    if (mode === 'after') return old.pending.splice(0);
    // Trailing lines in another language than the section's (a plain-text translation's title and preamble, or
    // after an annex) belong to the next section.
    const language = old.words.language();
    const candidates = mode === 'annex' ? old.pending.map((line) => ({ node: undefined as Node | undefined, line })) : old.tail;
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
  };

  const startSection = (line: number) => {
    const front = carryOver(section);
    for (const p of section.pending) section.notices.push({ code: 'unplaced_line', message: `line not read as part of any provision: "${p.text.slice(0, 60)}"`, line: p.line });
    section = newSection(line, front);
    sections.push(section);
    forms = new Map();
    chapter = undefined;
    reader = undefined;
    mode = 'body';
  };

  /** Lines that waited after a closing formula or title, when numbering goes on after all: they are not placed. */
  const resumeBody = () => {
    if (mode === 'body') return;
    if (mode === 'after') for (const p of section.pending.splice(0)) section.notices.push({ code: 'unplaced_line', message: `line not read as part of any provision: "${p.text.slice(0, 60)}"`, line: p.line });
    mode = 'body';
  };

  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    const { text: line, markdown, line: lineNo } = current;
    section.lastLine = lineNo;

    const article = readArticleLine(line);
    if (article) {
      const previous = section.articles[section.articles.length - 1];
      const ordinal = articleOrdinal(article.number);
      if (previous && ordinal <= articleOrdinal(previous.number) && !(hasLatinSuffix(article.number) && ordinal === articleOrdinal(previous.number))) {
        startSection(lineNo);
      } else {
        resumeBody();
        if (previous && ordinal !== articleOrdinal(previous.number) + 1 && !hasLatinSuffix(article.number)) {
          section.notices.push({ code: 'numbering_irregular', message: `article ${article.number} follows article ${previous.number}`, line: lineNo });
        }
      }
      const node: Node = { level: 'article', number: article.number, heading: article.heading ?? '', text: [], children: [], line: lineNo };
      section.articles.push(node);
      section.tail = [];
      reader = new ArticleReader(node, forms, section.notices);
      chapter?.articles.push(article.number);
      expectHeading = article.heading ? undefined : { kind: 'article', node };
      continue;
    }
    const chapterLine = readChapterLine(line, markdown);
    if (chapterLine) {
      const { number, value } = chapterLine;
      const previous = section.chapters[section.chapters.length - 1];
      const restarts = previous ? value <= romanToInt(previous.number)! : section.articles.length > 0 && value === 1;
      if (restarts) startSection(lineNo);
      else resumeBody();
      chapter = { number, heading: chapterLine.heading ?? '', articles: [], line: lineNo };
      section.chapters.push(chapter);
      reader = undefined;
      expectHeading = chapter.heading ? undefined : { kind: 'chapter', chapter };
      continue;
    }
    if (section.articles.length > 0 && isClosingLine(line)) {
      section.closing.push(line);
      mode = 'after';
      reader = undefined;
      expectHeading = undefined;
      // A closing formula wrapped over several lines goes on until its sentence ends.
      while (!/[.;:!]$/.test(line) && i + 1 < lines.length && !lines[i + 1]!.markdown && !readArticleLine(lines[i + 1]!.text)) {
        section.closing[section.closing.length - 1] += ` ${lines[++i]!.text}`;
        if (/[.;:!]$/.test(lines[i]!.text)) break;
      }
      continue;
    }
    if (section.articles.length > 0 && isAnnexLine(line)) {
      section.notices.push({ code: 'annex_skipped', message: `the annex ("${line.slice(0, 40)}") is not read: it has no articles`, line: lineNo });
      mode = 'annex';
      reader = undefined;
      expectHeading = undefined;
      continue;
    }
    if (expectHeading) {
      const heading = expectHeading;
      expectHeading = undefined;
      if (isHeading(current, lines[i + 1])) {
        if (heading.kind === 'article') heading.node.heading = line;
        else heading.chapter.heading = line;
        continue;
      }
    }
    if (mode === 'annex') {
      // A Markdown title after an annex starts what follows it (a translation).
      if (markdown) {
        mode = 'after';
        section.pending = [current];
      } else {
        section.pending.push(current);
      }
      continue;
    }
    if (mode === 'after') {
      section.pending.push(current);
      continue;
    }
    if (!reader) {
      if (section.articles.length === 0 && section.chapters.length === 0) {
        section.front.push(current);
        section.words.add(line);
        continue;
      }
      if (markdown) {
        mode = 'after';
        section.pending.push(current);
        continue;
      }
      // Words between a chapter heading and its first article.
      section.notices.push({ code: 'unplaced_line', message: `line not read as part of any provision: "${line.slice(0, 60)}"`, line: lineNo });
      continue;
    }
    if (markdown) {
      // A Markdown title inside the articles: a translation may follow; wait and see.
      mode = 'after';
      reader = undefined;
      section.pending.push(current);
      continue;
    }
    section.words.add(line);
    for (const piece of splitRunOn(current.spaced ?? line)) {
      const marker = readMarker(piece);
      if (marker && reader.place(marker, lineNo)) {
        section.tail = [];
        continue;
      }
      const node = reader.addText(piece);
      section.tail.push({ node, line: { text: piece, markdown: false, line: lineNo } });
    }
  }
  // Lines still waiting at the end close the last section.
  if (mode === 'after') for (const p of section.pending) section.closing.push(p.text);

  const filled = sections.filter((s) => s.articles.length > 0);
  if (filled.length === 0) {
    unreadable('no articles found: expected lines such as "Article 1" or "### Article 1"', { line: lastLine, ...(source && { source }) });
  }
  // A section that holds only a title lends it to the next one.
  for (let i = 0; i < sections.length - 1; i++) {
    if (sections[i]!.articles.length === 0) sections[i + 1]!.front.unshift(...sections[i]!.front);
  }

  const languages: string[] = [];
  const notices: TextNotice[] = [];
  const title: Record<string, string> = {};
  const preamble: Record<string, string> = {};
  const closing: Record<string, string> = {};
  const merged = new Map<string, MergedNode>();
  const articles: MergedNode[] = [];
  const chapters: { eid: string; number: string; heading: Record<string, string>; articles: string[]; line: number }[] = [];
  let reference: string[] | undefined;
  filled.forEach((s, index) => {
    let lang = options.languages?.[index] ?? s.words.language();
    if (lang === 'und') {
      notices.push({ code: 'language_undetected', message: 'the language of this section could not be told from its words; pass { languages } to name it', line: s.firstLine });
    }
    if (languages.includes(lang)) lang = `${lang}-x-${languages.filter((l) => l === lang || l.startsWith(`${lang}-x-`)).length + 1}`;
    languages.push(lang);
    for (const n of s.notices) notices.push({ ...n, language: lang });
    const { titles, preamble: words } = splitFront(s.front);
    const own = titles.filter((t) => detectLanguage(t, 1) === lang);
    const chosen = own[own.length - 1] ?? titles[titles.length - 1];
    if (chosen) title[lang] = chosen;
    if (words.length) preamble[lang] = words.join(' ').replace(/\s+/g, ' ').trim();
    if (s.closing.length) closing[lang] = s.closing.join(' ').replace(/\s+/g, ' ').trim();
    const structure = structureOf(s.articles);
    if (reference === undefined) reference = structure;
    else if (structure.join('|') !== reference.join('|')) {
      const missing = reference.filter((k) => !structure.includes(k));
      const extra = structure.filter((k) => !reference!.includes(k));
      notices.push({
        code: 'language_mismatch',
        message: `the ${lang} text differs in structure from the first language: ${missing.length} provisions missing${missing.length ? ` (e.g. ${missing.slice(0, 3).join(', ')})` : ''}, ${extra.length} extra${extra.length ? ` (e.g. ${extra.slice(0, 3).join(', ')})` : ''}`,
        line: s.firstLine,
        language: lang,
      });
    }
    for (const a of s.articles) merge(a, [], lang, merged, articles);
    for (const c of s.chapters) {
      const eid = mintEid([{ element: 'chp', num: String(romanToInt(c.number)!) }]);
      let found = chapters.find((x) => x.eid === eid);
      if (!found) {
        found = { eid, number: c.number, heading: {}, articles: [...c.articles], line: c.line };
        chapters.push(found);
      }
      if (c.heading) found.heading[lang] = c.heading;
    }
  });

  if (options.truncated !== 'ignore') checkComplete(filled, reference!, source);

  return {
    ...(source !== undefined && { source }),
    ...(options.instrument !== undefined && { instrument: options.instrument }),
    languages,
    title,
    preamble,
    chapters,
    articles: articles.map(freeze),
    closing,
    notices,
  };
}

/** A text that stops mid-sentence, or a translation that stops before the original does, was cut off: say where. */
function checkComplete(filled: readonly Section[], reference: readonly string[], source: string | undefined): void {
  const last = filled[filled.length - 1]!;
  const article = last.articles[last.articles.length - 1]!;
  let node = article;
  while (node.children.length) node = node.children[node.children.length - 1]!;
  const words = node.text.join(' ').trim();
  const where = { line: last.lastLine, provision: describe(article, node), ...(source && { source }) };
  if (last.closing.length === 0 && (words === '' || !/[.;:!?)"”’»]$/.test(words))) {
    unreadable(
      `the text seems cut off: ${words ? `the last provision ends "…${words.slice(-40)}" without closing punctuation` : 'the last provision has no words'} (pass { truncated: 'ignore' } to read it anyway)`,
      where,
    );
  }
  if (filled.length > 1) {
    const structure = structureOf(last.articles);
    const prefix = structure.length < reference.length && structure.every((k, i) => k === reference[i]);
    if (prefix) {
      unreadable(
        `the text seems cut off: its last language section stops at ${where.provision}, where the first goes on to ${reference[reference.length - 1]!} (pass { truncated: 'ignore' } to read it anyway)`,
        where,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

const MARKER: Record<TextLevel, (n: string) => string> = {
  article: (n) => `Article ${n}`,
  paragraph: (n) => `${n}.`,
  subparagraph: (n) => `(${n})`,
  item: (n) => `(${n})`,
  subitem: (n) => `${n}.`,
};

/**
 * How the UN prints a provision's number at the start of its words: `Article 27`, `1.`, `(a)`, `(i)`, `a.`.
 *
 * @example
 * ```ts
 * printedMarker('item', 'ii') // '(ii)'
 * ```
 */
export function printedMarker(level: TextLevel, number: string): string {
  return MARKER[level](number);
}

/**
 * The full text of a provision in one language: its own words, then each subdivision on a line of its own with its
 * marker in the UN's printed form (`1.`, `(a)`, `(i)`, `a.`). An article's heading is not included.
 *
 * @example
 * ```ts
 * fullText(text.articles[26].children[0], 'en') // 'States Parties shall cooperate closely …:\n(a) To enhance …'
 * ```
 */
export function fullText(provision: TextProvision | WordingTree, language: string): string {
  const out: string[] = [];
  const own = provision.text[language];
  if (own) out.push(own);
  for (const child of provision.children) {
    const body = fullText(child, language);
    if (body) out.push(`${MARKER[child.level](child.number)} ${body}`);
  }
  return out.join('\n');
}

/** The shape {@link fullText} renders: a provision with its own words per language and its subdivisions. */
export interface WordingTree {
  readonly level: TextLevel;
  readonly number: string;
  readonly text: Wording;
  readonly children: readonly WordingTree[];
}

/**
 * Every provision of a parsed text, depth first, in document order.
 *
 * @example
 * ```ts
 * textProvisions(parseTreatyText(file)).map((p) => p.eid) // ['art_1', 'art_2', 'art_2__point_a', …]
 * ```
 */
export function textProvisions(text: Pick<TreatyText, 'articles'>): TextProvision[] {
  const out: TextProvision[] = [];
  const visit = (p: TextProvision) => {
    out.push(p);
    p.children.forEach(visit);
  };
  text.articles.forEach(visit);
  return out;
}
