/**
 * `parseTreatyText`: reads a rendering of a treaty (Markdown as in the Dutch treaty database mirror, or the plain-text
 * layout of the UN Treaty Series) into its provision tree, with the wording of each provision per language. Pure: a
 * string or bytes in, plain objects out; no file system, no graph.
 *
 * How it reads:
 * - Lines are classified as article headings (`### Article 27`, `Article 27`, `Artikel 27`, `Article 2 bis`), chapter
 *   headings (`###II`, `CHAPTER II`, `Chapter II`), headings below them, a preamble, and provision lines that start with
 *   a marker (`1.`, `a)`, `(a)`, `(i)`, `a.`).
 * - A marker is placed where its number is the next one expected, deepest level first; when two levels fit (the
 *   letter (i) after (h), or the first item (i)), the form the level has used so far decides, then whether the line
 *   above ends with a colon (which introduces a list).
 * - The file may hold the same treaty in several languages one after the other; a new section starts where article
 *   numbering starts again, and each section's language is detected from its words, not assumed from its position.
 *
 * @module
 */
import { UntocKgError } from '../errors.js';
import { cleanNum, mintEid, type EidSegment, type ProvisionLevel } from '../model/ids.js';
import { intToRoman, isRoman, romanToInt } from '../citation/parse.js';

const OP = 'parseTreatyText';

/** Text per language (BCP 47 tag → wording). */
export type Wording = Readonly<Record<string, string>>;

/** A provision read from a text: its number, its own wording per language, and what it holds. */
export interface TextProvision {
  readonly eid: string;
  readonly level: Exclude<ProvisionLevel, 'chapter'>;
  /** As printed: `27`, `1`, `e`, `ii`, `2 bis`. */
  readonly number: string;
  /** The heading of an article, per language. */
  readonly heading: Wording;
  /** The provision's own words (a chapeau, or the whole text of a leaf), per language; children excluded. */
  readonly text: Wording;
  readonly children: readonly TextProvision[];
}

/** A chapter read from a text. */
export interface TextChapter {
  readonly eid: string;
  /** As printed, normalized to upper-case roman: `II`. */
  readonly number: string;
  readonly heading: Wording;
  /** The article numbers it holds, in order. */
  readonly articles: readonly string[];
}

/** Something the reader noticed but could read past (an irregular number, a language section that differs). */
export interface TextNotice {
  readonly code: 'numbering_irregular' | 'language_mismatch' | 'unplaced_line';
  readonly message: string;
  /** 1-based line of the input. */
  readonly line: number;
  readonly language?: string;
}

/** A treaty as read from a text. */
export interface TreatyText {
  /** The languages found, in the order their sections appear (e.g. `['en', 'nl']`). */
  readonly languages: readonly string[];
  readonly title: Wording;
  readonly preamble: Wording;
  readonly chapters: readonly TextChapter[];
  readonly articles: readonly TextProvision[];
  readonly notices: readonly TextNotice[];
}

/** Options of {@link parseTreatyText}. */
export interface TreatyTextOptions {
  /** A name for messages (e.g. the file name). */
  readonly source?: string;
  /**
   * What to do when the text seems to stop before its end (the last provision has no closing punctuation):
   * `error` (default) or `ignore`.
   */
  readonly truncated?: 'error' | 'ignore';
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

function fail(message: string, details: { offset?: number; line?: number; source?: string }): never {
  const where = details.line !== undefined ? ` (line ${details.line})` : details.offset !== undefined ? ` (byte ${details.offset})` : '';
  throw new UntocKgError('text_unreadable', OP, `${details.source ? `${details.source}: ` : ''}${message}${where}`, {
    ...(details.offset !== undefined && { offset: details.offset }),
    value: details.source,
  });
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need > 0) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function decode(input: string | Uint8Array, source: string | undefined): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff))) {
      text = new TextDecoder(input[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(input);
    } else {
      const nul = input.indexOf(0);
      if (nul >= 0) fail('the input is binary, not text: it has a NUL byte', { offset: nul, ...(source && { source }) });
      const bad = invalidUtf8At(input);
      if (bad >= 0) {
        fail(`the input is not UTF-8: reading stopped at an invalid byte 0x${input[bad]!.toString(16)}; re-encode it as UTF-8`, {
          offset: bad,
          ...(source && { source }),
        });
      }
      text = new TextDecoder('utf-8').decode(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail('the input is binary, not text: it has a NUL character', { offset: nul, ...(source && { source }) });
  const controls = (text.match(/[\u0001-\u0008\u000e-\u001f]/g) ?? []).length;
  if (controls > 8 && controls > text.length / 200) fail('the input looks binary: it is full of control characters', { ...(source && { source }) });
  if (/\u00e2\u20ac[\u0153\u009d\u2122\u02dc]|\u00c3[\u00a9\u00a8\u00bc\u00b6]/.test(text)) {
    const at = text.search(/\u00e2\u20ac[\u0153\u009d\u2122\u02dc]|\u00c3[\u00a9\u00a8\u00bc\u00b6]/);
    const line = text.slice(0, at).split('\n').length;
    fail('the input was decoded with the wrong encoding (UTF-8 read as Windows-1252, e.g. "â€œ"); re-encode it', { line, ...(source && { source }) });
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning and classifying lines

/** Removes Markdown and HTML that is not part of the words. */
function cleanInline(line: string): string {
  return line
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|[^*])\*{1,2}([^*]+)\*{1,2}/g, '$1$2')
    .replace(/``/g, '“')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

const ARTICLE_LINE = /^(?:article|artikel|art\.|article premier|artículo|статья)\s+(\d{1,3}(?:\s*(?:bis|ter|quater|quinquies|sexies))?)\s*\.?$/i;
const CHAPTER_LINE = /^(?:(?:chapter|hoofdstuk|chapitre|capítulo|part|deel|titre)\s+)?([IVXLC]{1,7})\.?$/;
/** A Markdown heading holding a chapter number and its heading together: `### IV SLOTBEPALINGEN`. */
const CHAPTER_WITH_HEADING = /^([IVXLC]{1,7})\.?\s+(\p{Lu}.*)$/u;
const CHAPTER_WORD_LINE = /^(?:chapter|hoofdstuk|chapitre|capítulo)\s+([IVXLC]{1,7}|\d{1,2})\.?(?:\s*[-–.:]\s*(.+))?$/i;
const PREAMBLE_WORD = /^(?:preamble|preambule|préambule|preámbulo)\s*:?\s*/i;

type Form = 'paren' | 'half' | 'dot';
interface Marker {
  readonly token: string;
  readonly form: Form;
  readonly rest: string;
}

function readMarker(line: string): Marker | undefined {
  let m = /^(\d{1,3})\.(?:\s+|$)(.*)$/s.exec(line);
  if (m) return { token: m[1]!, form: 'dot', rest: m[2]! };
  m = /^\(\s*([a-z]{1,6}|\d{1,3})\s*\)\s*(.*)$/s.exec(line);
  if (m) return { token: m[1]!, form: 'paren', rest: m[2]! };
  m = /^([a-z]{1,6})\)\s*(.*)$/s.exec(line);
  if (m) return { token: m[1]!, form: 'half', rest: m[2]! };
  m = /^([a-z]{1,6})\.(?:\s+|$|(?=\p{L}))(.*)$/su.exec(line);
  if (m && (m[1]!.length === 1 || isRoman(m[1]!))) return { token: m[1]!, form: 'dot', rest: m[2]! };
  return undefined;
}

/** Splits a line where a marker that continues the current list follows a `;`, `:` or `.` (provisions run on). */
function splitRunOn(line: string): string[] {
  const parts: string[] = [];
  let rest = line;
  const re = /([;:.])\s{1,}(?=(?:\(\s*(?:[ivx]{1,5}|[a-z])\s*\)|[a-z]\)|\d{1,2}\.\s{2,})\s*\S)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) {
    parts.push(rest.slice(last, m.index + 1));
    last = m.index + m[0].length;
  }
  parts.push(rest.slice(last));
  rest = '';
  return parts.map((p) => p.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbering

type ChildLevel = Exclude<ProvisionLevel, 'chapter' | 'article'>;
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
      return value === undefined ? 'i' : intToRoman(romanToInt(value) + 1).toLowerCase();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building one language section

interface Node {
  level: 'article' | ChildLevel;
  number: string;
  heading: string;
  text: string[];
  children: Node[];
  line: number;
}

interface Section {
  /** Title lines met before the first article (a file may carry the title in both languages). */
  titles: string[];
  preamble: string[];
  chapters: { number: string; heading: string; articles: string[]; line: number }[];
  articles: Node[];
  words: string[];
  firstLine: number;
  notices: TextNotice[];
  lastLine: number;
}

function newSection(line: number): Section {
  return { titles: [], preamble: [], chapters: [], articles: [], words: [], firstLine: line, notices: [], lastLine: line };
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

function fits(style: Style, token: string): boolean {
  return style === 'arabic' ? /^\d+$/.test(token) : style === 'letter' ? /^[a-z]$/.test(token) : isRoman(token);
}

/** The reader's state within one article. */
class ArticleReader {
  readonly path: Node[];
  /** The form each level has used in this section (`a)` vs `(a)` vs `a.`), to tell a letter (i) from an item (i). */
  constructor(
    readonly article: Node,
    readonly forms: Map<ChildLevel, Form>,
    readonly notices: TextNotice[],
    readonly language: () => string | undefined,
  ) {
    this.path = [article];
  }

  /** Places a marker; returns false when no level can take it (the line is then read as text). */
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
      const expected = successor(style, last?.number);
      if (token === expected) options.push({ depth, level, expected: true });
      else if (level === 'paragraph' && marker.form === 'dot') options.push({ depth, level, expected: false });
    }
    // Where two levels expect this number: a level whose form (a) vs (a) vs a. matches wins over one whose form
    // differs; then continuing an open list beats opening a new one, unless the line above ends with a colon (which
    // introduces a list); between two open lists, the deeper one continues.
    const expectedOptions = options.filter((o) => o.expected);
    let choice = expectedOptions[0];
    if (expectedOptions.length > 1) {
      const byForm = expectedOptions.filter((o) => this.forms.get(o.level) === marker.form);
      const otherForm = expectedOptions.filter((o) => this.forms.has(o.level) && this.forms.get(o.level) !== marker.form);
      if (byForm.length === 1 && otherForm.length > 0) {
        choice = byForm[0];
      } else {
        const deepest = this.path[this.path.length - 1]!;
        const opening = expectedOptions.find((o) => o.depth === this.path.length && deepest.children.length === 0);
        const continuing = expectedOptions.filter((o) => o !== opening);
        const introducesList = /:\s*$/.test(deepest.text.join(' '));
        choice = opening && (introducesList || continuing.length === 0) ? opening : continuing[0];
      }
    }
    if (!choice) choice = options[0];
    if (!choice) return false;
    if (!choice.expected) {
      this.notices.push({
        code: 'numbering_irregular',
        message: `paragraph ${token} of article ${this.article.number} does not follow its predecessor`,
        line,
        ...(this.language() && { language: this.language()! }),
      });
    }
    const parent = this.path[choice.depth - 1]!;
    const node: Node = { level: choice.level, number: token, heading: '', text: [], children: [], line };
    parent.children.push(node);
    if (!this.forms.has(choice.level) && choice.level !== 'paragraph') this.forms.set(choice.level, marker.form);
    this.path.length = choice.depth;
    this.path.push(node);
    if (marker.rest.trim()) node.text.push(marker.rest.trim());
    return true;
  }

  addText(text: string): void {
    this.path[this.path.length - 1]!.text.push(text);
  }

  lastNode(): Node {
    return this.path[this.path.length - 1]!;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Languages

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'shall', 'in', 'or', 'any', 'by', 'with', 'this', 'that', 'for', 'be', 'as', 'such', 'other', 'states'],
  nl: ['de', 'het', 'van', 'een', 'en', 'te', 'zijn', 'worden', 'wordt', 'die', 'dat', 'voor', 'op', 'niet', 'met', 'door', 'aan', 'bij', 'tot', 'dit'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'sont', 'une', 'dans', 'pour', 'par', 'aux', 'au', 'qui', 'sur'],
  es: ['el', 'los', 'las', 'del', 'y', 'en', 'que', 'por', 'una', 'para', 'con', 'se', 'al', 'sus'],
  de: ['der', 'die', 'das', 'und', 'den', 'dem', 'des', 'ist', 'sind', 'von', 'zu', 'mit', 'nicht', 'eine', 'werden', 'für'],
};

/** The language of a text, judged from its commonest words; `und` when it cannot tell. */
export function detectLanguage(words: readonly string[], minimum = 3): string {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 'und';
  let bestScore = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    let score = 0;
    for (const w of list) score += counts.get(w) ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return bestScore >= minimum ? best : 'und';
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

function toProvision(node: Node, parentSegments: EidSegment[], language: string, into: Map<string, MergedNode>, order: MergedNode[]): MergedNode {
  const element = node.level === 'article' ? 'art' : node.level === 'paragraph' ? 'para' : 'point';
  const segments = [...parentSegments, { element, num: cleanNum(node.number) } as EidSegment];
  const eid = mintEid(segments);
  let merged = into.get(eid);
  if (!merged) {
    merged = { eid, level: node.level, number: node.number, heading: {}, text: {}, children: [] };
    into.set(eid, merged);
    order.push(merged);
  }
  if (node.heading) merged.heading[language] = node.heading;
  const own = node.text.join(' ').replace(/\s+/g, ' ').trim();
  if (own) merged.text[language] = own;
  for (const child of node.children) {
    const before = merged.children.length;
    const c = toProvision(child, segments, language, into, merged.children);
    void before;
    void c;
  }
  return merged;
}

interface MergedNode {
  eid: string;
  level: 'article' | ChildLevel;
  number: string;
  heading: Record<string, string>;
  text: Record<string, string>;
  children: MergedNode[];
}

function structureOf(nodes: readonly Node[], prefix = ''): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const key = `${prefix}${n.level[0]}${n.number}`;
    out.push(key);
    out.push(...structureOf(n.children, `${key}/`));
  }
  return out;
}

/**
 * Reads a treaty text into its provision tree with the wording of each provision per language.
 *
 * @param input - the text, or its bytes (UTF-8, or UTF-16 with a byte-order mark).
 * @param options - `source` names the input in messages; `truncated: 'ignore'` reads a text that stops early.
 * @throws {@link UntocKgError} `text_unreadable` for empty, binary, wrongly encoded or truncated input, saying where
 * reading stopped.
 *
 * @example
 * ```ts
 * const text = parseTreatyText(readFileSync('untoc.md', 'utf8'))
 * text.languages // ['en', 'nl']
 * text.articles[26].heading.en // 'Law enforcement cooperation'
 * ```
 */
export function parseTreatyText(input: string | Uint8Array, options: TreatyTextOptions = {}): TreatyText {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new UntocKgError('invalid_input', OP, `expected a string or bytes, got ${input === null ? 'null' : typeof input}`, { value: input });
  }
  const source = options.source;
  const text = decode(input, source);
  if (text.trim().length === 0) fail('the input is empty', { offset: 0, ...(source && { source }) });

  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: Section[] = [];
  let section = newSection(1);
  sections.push(section);
  let reader: ArticleReader | undefined;
  let forms = new Map<ChildLevel, Form>();
  let expectHeading: { kind: 'article'; node: Node } | { kind: 'chapter'; chapter: Section['chapters'][number] } | undefined;
  let currentChapter: Section['chapters'][number] | undefined;
  let language: string | undefined;

  const startSection = (line: number) => {
    section = newSection(line);
    sections.push(section);
    forms = new Map();
    currentChapter = undefined;
    reader = undefined;
    language = undefined;
  };

  for (let i = 0; i < rawLines.length; i++) {
    const lineNo = i + 1;
    const raw = rawLines[i]!;
    const isMdHeading = /^\s*#{1,6}/.test(raw);
    const line = cleanInline(raw.replace(/^\s*#{1,6}\s*/, ''));
    if (!line) continue;
    section.lastLine = lineNo;
    for (const w of line.toLowerCase().match(/\p{L}+/gu) ?? []) section.words.push(w);

    const article = ARTICLE_LINE.exec(line);
    if (article) {
      const number = article[1]!.replace(/\s+/g, ' ').trim();
      const previous = section.articles[section.articles.length - 1];
      // Numbering that starts again means a new language section (a translation follows the original).
      if (previous && /^\d+/.test(number) && Number(/^\d+/.exec(number)![0]) <= Number(/^\d+/.exec(previous.number)![0]) && !/bis|ter|quater/.test(number)) {
        startSection(lineNo);
      }
      const node: Node = { level: 'article', number, heading: '', text: [], children: [], line: lineNo };
      section.articles.push(node);
      reader = new ArticleReader(node, forms, section.notices, () => language);
      if (currentChapter) currentChapter.articles.push(number);
      expectHeading = { kind: 'article', node };
      continue;
    }
    const chapterWord = CHAPTER_WORD_LINE.exec(line);
    const chapterBare = isMdHeading ? CHAPTER_LINE.exec(line) ?? CHAPTER_WITH_HEADING.exec(line) : undefined;
    if (chapterWord || chapterBare) {
      const printed = (chapterWord?.[1] ?? chapterBare![1]!).toUpperCase();
      const number = /^\d+$/.test(printed) ? intToRoman(Number(printed)) : printed;
      const previous = section.chapters[section.chapters.length - 1];
      if (previous && romanToInt(number) <= romanToInt(previous.number)) startSection(lineNo);
      const chapter = { number, heading: (chapterWord?.[2] ?? chapterBare?.[2])?.trim() ?? '', articles: [] as string[], line: lineNo };
      section.chapters.push(chapter);
      currentChapter = chapter;
      reader = undefined;
      expectHeading = chapter.heading ? undefined : { kind: 'chapter', chapter };
      continue;
    }
    if (expectHeading) {
      // The line after an article or chapter number is its heading when it is a Markdown heading, or (plain text)
      // a short line without a marker and without closing punctuation.
      const looksLikeHeading = isMdHeading || (!readMarker(line) && line.length <= 160 && !/[;:]$/.test(line) && !/^\p{Ll}/u.test(line));
      if (looksLikeHeading) {
        if (expectHeading.kind === 'article') expectHeading.node.heading = line;
        else expectHeading.chapter.heading = line;
        expectHeading = undefined;
        continue;
      }
      expectHeading = undefined;
    }
    if (isMdHeading) {
      // A title. After articles it starts another language section (a translation follows the original).
      if (section.articles.length > 0 || section.chapters.length > 0) startSection(lineNo);
      section.titles.push(line);
      continue;
    }
    if (!reader) {
      section.preamble.push(line.replace(PREAMBLE_WORD, ''));
      continue;
    }
    for (const piece of splitRunOn(line)) {
      const marker = readMarker(piece);
      if (marker && reader.place(marker, lineNo)) continue;
      reader.addText(piece);
    }
  }

  // Drop sections that hold nothing but a title (e.g. a heading line repeated at the top of the file).
  const filled = sections.filter((s) => s.articles.length > 0);
  if (filled.length === 0) {
    fail('no articles found: expected lines such as "Article 1" or "### Article 1"', { line: rawLines.length, ...(source && { source }) });
  }
  // A title-only section before a filled one lends it its title.
  for (let i = 0; i < sections.length - 1; i++) {
    const s = sections[i]!;
    const next = sections[i + 1]!;
    if (s.articles.length === 0) next.titles.unshift(...s.titles);
    if (s.articles.length === 0 && next.preamble.length === 0 && s.preamble.length > 0) next.preamble.unshift(...s.preamble);
  }

  const languages: string[] = [];
  const notices: TextNotice[] = [];
  const title: Record<string, string> = {};
  const preamble: Record<string, string> = {};
  const merged = new Map<string, MergedNode>();
  const articles: MergedNode[] = [];
  const chapters: { eid: string; number: string; heading: Record<string, string>; articles: string[] }[] = [];
  let reference: string[] | undefined;
  for (const s of filled) {
    let lang = detectLanguage(s.words);
    if (languages.includes(lang)) lang = `${lang}-${languages.filter((l) => l.startsWith(lang)).length + 1}`;
    languages.push(lang);
    for (const n of s.notices) notices.push({ ...n, language: lang });
    const own = s.titles.filter((t) => detectLanguage(t.toLowerCase().match(/\p{L}+/gu) ?? [], 1) === lang);
    const chosen = own[own.length - 1] ?? s.titles[s.titles.length - 1];
    if (chosen) title[lang] = chosen;
    if (s.preamble.length) preamble[lang] = s.preamble.join(' ').replace(/\s+/g, ' ').trim();
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
    for (const a of s.articles) toProvision(a, [], lang, merged, articles);
    s.chapters.forEach((c) => {
      const eid = mintEid([{ element: 'chp', num: String(romanToInt(c.number)) }]);
      let chapter = chapters.find((x) => x.eid === eid);
      if (!chapter) {
        chapter = { eid, number: c.number, heading: {}, articles: [...c.articles] };
        chapters.push(chapter);
      }
      if (c.heading) chapter.heading[lang] = c.heading;
    });
  }

  // A text that stops mid-sentence was cut off: say where.
  if (options.truncated !== 'ignore') {
    const last = filled[filled.length - 1]!;
    let node: Node = last.articles[last.articles.length - 1]!;
    while (node.children.length) node = node.children[node.children.length - 1]!;
    const words = node.text.join(' ').trim();
    if (words === '' || !/[.;:!?)"”’»]$/.test(words)) {
      throw new UntocKgError(
        'text_unreadable',
        OP,
        `${source ? `${source}: ` : ''}the text seems cut off: reading stopped at line ${last.lastLine}, in ${describeNode(last.articles[last.articles.length - 1]!, node)}, ${words ? `which ends "…${words.slice(-40)}" without closing punctuation` : 'which has no words'} (pass { truncated: 'ignore' } to read it anyway)`,
        { value: source, offset: last.lastLine },
      );
    }
  }

  const freeze = (n: MergedNode): TextProvision => ({
    eid: n.eid,
    level: n.level,
    number: n.number,
    heading: n.heading,
    text: n.text,
    children: n.children.map(freeze),
  });
  return {
    languages,
    title,
    preamble,
    chapters,
    articles: articles.map(freeze),
    notices,
  };
}

function describeNode(article: Node, node: Node): string {
  return node === article ? `article ${article.number}` : `article ${article.number} (${node.level} ${node.number})`;
}
