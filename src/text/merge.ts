/**
 * The merger of languages: turns the language sections the section reader cut into one provision tree whose
 * provisions carry their wording per language, with the title, preamble and closing formula of each language, and
 * the notices of each section tagged with its language. Each section's language is detected from its words, not
 * assumed from its position.
 *
 * @internal
 * @module
 */
import { cleanNum, mintEid, type Eid, type EidSegment } from '../model/ids.js';
import { romanToInt } from '../model/numbers.js';
import type { ReadProvision } from './article.js';
import { unreadable } from './decode.js';
import { detectLanguage } from './language.js';
import { PREAMBLE_OPENER, readPreambleWord } from './lines.js';
import type { Section, TextLine } from './sections.js';
import type { TextChapter, TextLevel, TextNotice, TextProvision, TreatyText, TreatyTextOptions } from './types.js';
import { defined } from '../util/defined.js';

/** Splits the lines before the first article into title lines and preamble lines. */
function splitFront(front: readonly TextLine[]): { titles: string[]; preamble: string[] } {
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

interface MergedNode {
  readonly eid: Eid;
  readonly level: TextLevel;
  readonly number: string;
  readonly heading: Record<string, string>;
  readonly text: Record<string, string>;
  readonly children: MergedNode[];
  readonly languages: string[];
  readonly line: number;
}

interface MergedChapter {
  readonly eid: Eid;
  readonly number: string;
  readonly heading: Record<string, string>;
  readonly articles: string[];
  readonly line: number;
}

const ELEMENT: Record<TextLevel, EidSegment['element']> = { article: 'art', paragraph: 'para', subparagraph: 'point', item: 'point', subitem: 'point' };

/** Runs of spaces, and spaces other than ' ': only what changes (replacing every single space is slow on huge lines). */
const SPACES = /\s{2,}|[^\S ]/g;

/** One line of words: runs of spaces made one. */
function oneLine(words: readonly string[]): string {
  return words.join(' ').replace(SPACES, ' ').trim();
}

function merge(node: ReadProvision, parentSegments: readonly EidSegment[], language: string, into: Map<string, MergedNode>, order: MergedNode[]): void {
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
  const own = oneLine(node.text);
  if (own) merged.text[language] = own;
  for (const child of node.children) merge(child, segments, language, into, merged.children);
}

/** Every provision of a section as a short citation (`art. 2(1)(b)(iii)`), in document order. */
function structureOf(nodes: readonly ReadProvision[], prefix = '', out: string[] = []): string[] {
  for (const n of nodes) {
    const key = n.level === 'article' ? `art. ${n.number}` : `${prefix}(${n.number})`;
    out.push(key);
    structureOf(n.children, key, out);
  }
  return out;
}

function freeze(n: MergedNode): TextProvision {
  return { eid: n.eid, level: n.level, number: n.number, heading: n.heading, text: n.text, children: n.children.map(freeze), languages: n.languages, line: n.line };
}

/** "article 41, paragraph 2": where the last provision of an article is, for messages. */
function describeLast(article: ReadProvision): { node: ReadProvision; where: string } {
  const path = [article];
  let node = article;
  while (node.children.length) path.push((node = node.children[node.children.length - 1]!));
  return { node, where: path.map((n) => `${n.level} ${n.number}`).join(', ') };
}

/** The notice that a translation's structure differs from the first language's. */
function mismatch(lang: string, reference: readonly string[], structure: readonly string[], line: number): TextNotice {
  const inStructure = new Set(structure);
  const inReference = new Set(reference);
  const missing = reference.filter((k) => !inStructure.has(k));
  const extra = structure.filter((k) => !inReference.has(k));
  return {
    code: 'language_mismatch',
    message: `the ${lang} text differs in structure from the first language: ${missing.length} provisions missing${missing.length ? ` (e.g. ${missing.slice(0, 3).join(', ')})` : ''}, ${extra.length} extra${extra.length ? ` (e.g. ${extra.slice(0, 3).join(', ')})` : ''}`,
    line,
    language: lang,
  };
}

/** The tag of a section: as given, or detected; a second section in one language gets a private-use suffix. */
function tagOf(section: Section, index: number, given: readonly string[] | undefined, counts: Map<string, number>): string {
  const lang = given?.[index] ?? section.words.language();
  const seen = counts.get(lang) ?? 0;
  counts.set(lang, seen + 1);
  return seen === 0 ? lang : `${lang}-x-${seen + 1}`;
}

/**
 * Merges the sections that hold articles into one treaty text, and checks that the text does not stop early (unless
 * `truncated: 'ignore'`).
 *
 * @throws {@link TextReadError} `text_unreadable` when no section holds an article, or the text seems cut off.
 * @example
 * ```ts
 * mergeSections(new SectionReader(lines, source).read(), options, lastLine).languages // ['en', 'nl']
 * ```
 */
export function mergeSections(sections: readonly Section[], options: TreatyTextOptions, lastLine: number): TreatyText {
  const source = options.source;
  const filled = sections.filter((s) => s.articles.length > 0);
  if (filled.length === 0) {
    unreadable('no articles found: expected lines such as "Article 1" or "### Article 1"', { line: lastLine, ...(source && { source }) });
  }
  // A section that holds only a title lends it to the next one.
  for (let i = 0; i < sections.length - 1; i++) {
    if (sections[i]!.articles.length === 0) sections[i + 1]!.front.unshift(...sections[i]!.front);
  }

  const languages: string[] = [];
  const counts = new Map<string, number>();
  const notices: TextNotice[] = [];
  const title: Record<string, string> = {};
  const preamble: Record<string, string> = {};
  const closing: Record<string, string> = {};
  const merged = new Map<string, MergedNode>();
  const articles: MergedNode[] = [];
  const chapters = new Map<string, MergedChapter>();
  let reference: string[] | undefined;
  filled.forEach((s, index) => {
    const lang = tagOf(s, index, options.languages, counts);
    if (lang === 'und' || lang.startsWith('und-x-')) {
      notices.push({ code: 'language_undetected', message: 'the language of this section could not be told from its words; pass { languages } to name it', line: s.firstLine });
    }
    languages.push(lang);
    for (const n of s.notices) notices.push({ ...n, language: lang });
    const { titles, preamble: words } = splitFront(s.front);
    const own = titles.filter((t) => detectLanguage(t, 1) === lang);
    const chosen = own[own.length - 1] ?? titles[titles.length - 1];
    if (chosen) title[lang] = chosen;
    if (words.length) preamble[lang] = oneLine(words);
    if (s.closing.length) closing[lang] = oneLine(s.closing);
    const structure = structureOf(s.articles);
    if (reference === undefined) reference = structure;
    else if (structure.join('|') !== reference.join('|')) notices.push(mismatch(lang, reference, structure, s.firstLine));
    for (const a of s.articles) merge(a, [], lang, merged, articles);
    for (const c of s.chapters) {
      const eid = mintEid([{ element: 'chp', num: String(romanToInt(c.number) ?? c.number.toLowerCase()) }]);
      let found = chapters.get(eid);
      if (!found) {
        found = { eid, number: c.number, heading: {}, articles: [...c.articles], line: c.line };
        chapters.set(eid, found);
      }
      if (c.heading) found.heading[lang] = c.heading;
    }
  });

  if (options.truncated !== 'ignore') checkComplete(filled, reference ?? [], source);

  return {
    ...defined({ source, instrument: options.instrument }),
    languages,
    title,
    preamble,
    chapters: [...chapters.values()] satisfies TextChapter[],
    articles: articles.map(freeze),
    closing,
    notices,
  };
}

/** A text that stops mid-sentence, or a translation that stops before the original does, was cut off: say where. */
function checkComplete(filled: readonly Section[], reference: readonly string[], source: string | undefined): void {
  const last = filled[filled.length - 1]!;
  const { node, where: provision } = describeLast(last.articles[last.articles.length - 1]!);
  const words = node.text.join(' ').trim();
  const where = { line: last.lastLine, provision, ...(source && { source }) };
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
        `the text seems cut off: its last language section stops at ${provision}, where the first goes on to ${reference[reference.length - 1]!} (pass { truncated: 'ignore' } to read it anyway)`,
        where,
      );
    }
  }
}
