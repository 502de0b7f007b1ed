/**
 * `checkText`: compares a treaty text read by `parseTreatyText` with the graph's structure for that instrument, and
 * reports every difference as a typed finding: a provision or chapter the text lacks or has besides the graph's, a
 * heading that differs, provisions in another order, a chapter that holds other articles; and, as warnings, a
 * provision that a translation lacks or that has no words in a language.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { provisionLabel } from '../citation/format.js';
import { UntocKgError } from '../errors.js';
import type { InstrumentRecord, ProvisionRecord } from '../model/dataset.js';
import { instrumentAsProvision, provisionId, type Eid, type InstrumentId, type ProvisionId, type ProvisionLevel } from '../model/ids.js';
import { closest } from '../util/closest.js';
import { foldKey } from '../util/fold.js';
import { defaultNames } from '../citation/names.js';
import { assertTreatyText } from './shape.js';
import type { TextChapter, TextProvision, TreatyText } from './types.js';
import { defined } from '../util/defined.js';

/** How much a finding matters: an `error` is a difference in structure or headings; a `warning` a gap in the words. */
export type FindingSeverity = 'error' | 'warning';

interface FindingBase {
  readonly severity: FindingSeverity;
  /** A sentence that says what differs. */
  readonly message: string;
  /** The provision's IRI: as it is in the graph, or as it would be. */
  readonly provision: ProvisionId;
  readonly eid: string;
  /** The provision in short style with its instrument, e.g. `UNTOC art. 27(1)(e)`. */
  readonly citation: string;
  /** The line of the text where the provision starts, when the text has it. */
  readonly line?: number;
}

/** The graph has a provision (or chapter) the text lacks. `graph` is its number as printed. */
export interface MissingFinding extends FindingBase {
  readonly kind: `missing_${ProvisionLevel}`;
  readonly level: ProvisionLevel;
  readonly graph: string;
  readonly text?: undefined;
}

/** The text has a provision (or chapter) the graph lacks. A `warning` where the graph lists only some (partial). */
export interface ExtraFinding extends FindingBase {
  readonly kind: `extra_${ProvisionLevel}`;
  readonly level: ProvisionLevel;
  readonly text: string;
  readonly graph?: undefined;
}

/** An article's or chapter's heading differs (compared in the graph's language, ignoring case and spacing). */
export interface HeadingFinding extends FindingBase {
  readonly kind: 'heading_differs';
  readonly level: 'article' | 'chapter';
  readonly language: string;
  readonly text: string;
  readonly graph: string;
}

/** The provisions both have come in another order (`text` and `graph` list their numbers). */
export interface OrderFinding extends FindingBase {
  readonly kind: 'order_differs';
  readonly text: string;
  readonly graph: string;
}

/** A chapter holds other articles in the text than in the graph (`text` and `graph` list their numbers). */
export interface ChapterArticlesFinding extends FindingBase {
  readonly kind: 'chapter_articles_differ';
  readonly text: string;
  readonly graph: string;
}

/** A provision the text has in one language is missing from another language's section (a warning). */
export interface LanguageGapFinding extends FindingBase {
  readonly kind: 'missing_in_language';
  readonly language: string;
  readonly text?: undefined;
  readonly graph?: undefined;
}

/** A provision has no words in a language, neither its own nor below it (a warning). */
export interface NoWordingFinding extends FindingBase {
  readonly kind: 'no_wording';
  readonly language: string;
  readonly text?: undefined;
  readonly graph?: undefined;
}

/** One difference between a text and the graph; `kind` is a stable code. */
export type TextFinding = MissingFinding | ExtraFinding | HeadingFinding | OrderFinding | ChapterArticlesFinding | LanguageGapFinding | NoWordingFinding;

/**
 * Thrown (code `text_mismatch`) when a treaty text's structure differs from the graph's and the operation needs them
 * to agree; `findings` lists every difference.
 *
 * @example
 * ```ts
 * try { attachText(kg, text) } catch (e) { if (e instanceof TextMismatchError) console.table(e.findings) }
 * ```
 */
export class TextMismatchError extends UntocKgError {
  override readonly name = 'TextMismatchError';
  /** Every difference found (the text checker's findings). */
  readonly findings: readonly TextFinding[];

  constructor(operation: string, message: string, findings: readonly TextFinding[], value?: unknown) {
    super('text_mismatch', operation, message, { value, issues: findings });
    this.findings = findings;
  }
}

/** What {@link checkText} found. */
export interface TextCheck {
  readonly instrument: InstrumentId;
  /** The text's name, when it was given one. */
  readonly source?: string;
  /** The languages of the text. */
  readonly languages: readonly string[];
  /** The language headings were compared in (the graph's, English), or `undefined` when the text lacks it. */
  readonly headingLanguage: string | undefined;
  /** True when no finding is an error: the text has the graph's structure and headings. */
  readonly ok: boolean;
  /** Every difference, in document order (chapters first). */
  readonly findings: readonly TextFinding[];
  /** How many of the text's provisions (chapters included) are in the graph. */
  readonly matched: number;
}

/** Options of {@link checkText}. */
export interface CheckTextOptions {
  /** The instrument to compare with (default: the one the text was parsed for, or the one its title names). */
  readonly instrument?: string;
}

const OP = 'checkText';

/** Headings compare equal when they differ only in case, spacing, typographic quotes and dashes, or a final dot. */
function sameHeading(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”„]/g, '"')
      .replace(/[‐-―]/g, '-')
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .replace(/[\s.]+$/, '')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The instrument a text is: the one named in the options, the one it was parsed for, or the one whose title or name
 * its title starts with.
 *
 * @throws {@link UntocKgError} `unknown_instrument` when the named instrument is not in the graph, or none is named
 * and the title names none (with the graph's instruments as suggestions); `invalid_input` when `text` does not have
 * the shape `parseTreatyText` returns.
 *
 * @example
 * ```ts
 * instrumentOfText(kg, parseTreatyText(text)).id // 'untoc'
 * ```
 */
export function instrumentOfText(kg: KnowledgeGraphCore, text: TreatyText, options: { readonly instrument?: string } = {}, operation = OP): InstrumentRecord {
  assertTreatyText(text, operation);
  const ids = [...kg.index.instrumentIds()];
  const named = options.instrument ?? text.instrument;
  if (named !== undefined) {
    const record = kg.index.instrumentRecord(named);
    if (!record) {
      throw new UntocKgError('unknown_instrument', operation, `the graph holds no instrument "${named}"; it holds ${ids.join(', ')}`, {
        value: named,
        suggestions: closest(named, ids),
      });
    }
    return record;
  }
  for (const title of Object.values(text.title)) {
    const folded = foldKey(title);
    const byTitle = folded ? kg.dataset.instruments.find((i) => folded.startsWith(foldKey(i.title)) || foldKey(i.title).startsWith(folded)) : undefined;
    if (byTitle) return byTitle;
    const byName = defaultNames.match(title, 0, {});
    if (byName?.target.kind === 'instrument' && byName.target.assumption === undefined) {
      const record = kg.index.instrumentRecord(byName.target.instrument);
      if (record) return record;
    }
  }
  const titles = Object.values(text.title);
  throw new UntocKgError(
    'unknown_instrument',
    operation,
    `cannot tell which instrument the text is${titles.length ? ` from its title "${titles[0]}"` : ' (it has no title)'}; name it, e.g. { instrument: 'untoc' }; the graph holds ${ids.join(', ')}`,
    { value: titles[0], suggestions: ids },
  );
}

/** What the walk needs about the instrument. */
interface Walk {
  readonly kg: KnowledgeGraphCore;
  readonly instrument: InstrumentRecord;
  readonly languages: readonly string[];
  readonly headingLanguage: string | undefined;
  readonly findings: TextFinding[];
  matched: number;
}

function label(walk: Walk, eid: Eid): string {
  return provisionLabel({ instrument: walk.instrument.id, eid }, walk.instrument.abbreviation);
}

function base(walk: Walk, eid: Eid, line: number | undefined, severity: FindingSeverity) {
  return {
    severity,
    provision: provisionId(walk.instrument.iri, eid),
    eid,
    citation: label(walk, eid),
    ...defined({ line }),
  };
}

function numbers(list: readonly { readonly number: string }[]): string {
  return list.map((x) => x.number).join(', ');
}

/** Compares the children of one provision (or the articles of the instrument) with the text's, then recurses. */
function compareChildren(
  walk: Walk,
  graphChildren: readonly ProvisionRecord[],
  textChildren: readonly TextProvision[],
  partial: boolean,
  where: string,
  parentLanguages: readonly string[],
): void {
  const inText = new Map(textChildren.map((t) => [t.eid, t]));
  const inGraph = new Map(graphChildren.map((g) => [g.eid as string, g]));
  for (const g of graphChildren) {
    if (inText.has(g.eid)) continue;
    walk.findings.push({
      ...base(walk, g.eid, undefined, 'error'),
      kind: `missing_${g.level}`,
      level: g.level,
      graph: g.number,
      message: `${label(walk, g.eid)} is in the graph but not in the text${where}`,
    });
  }
  for (const t of textChildren) {
    if (inGraph.has(t.eid)) continue;
    walk.findings.push({
      ...base(walk, t.eid, t.line, partial ? 'warning' : 'error'),
      kind: `extra_${t.level}`,
      level: t.level,
      text: t.number,
      message: `the text has ${label(walk, t.eid)} (line ${t.line}), which the graph ${partial ? 'does not list (it lists only some here)' : 'does not have'}`,
    });
  }
  const bothInGraphOrder = graphChildren.filter((g) => inText.has(g.eid));
  const bothInTextOrder = textChildren.filter((t) => inGraph.has(t.eid));
  if (bothInGraphOrder.map((g) => g.eid).join() !== bothInTextOrder.map((t) => t.eid).join()) {
    const first = bothInTextOrder[0]!;
    walk.findings.push({
      ...base(walk, first.eid, first.line, 'error'),
      kind: 'order_differs',
      text: numbers(bothInTextOrder),
      graph: numbers(bothInGraphOrder),
      message: `the text has ${numbers(bothInTextOrder)} in another order than the graph (${numbers(bothInGraphOrder)})${where}`,
    });
  }
  for (const t of bothInTextOrder) compareProvision(walk, inGraph.get(t.eid)!, t, parentLanguages);
}

function compareProvision(walk: Walk, record: ProvisionRecord, text: TextProvision, parentLanguages: readonly string[]): void {
  walk.matched++;
  const headingLanguage = walk.headingLanguage;
  if (record.level === 'article' && record.heading && headingLanguage && text.heading[headingLanguage] !== undefined && !sameHeading(record.heading, text.heading[headingLanguage]!)) {
    walk.findings.push({
      ...base(walk, text.eid, text.line, 'error'),
      kind: 'heading_differs',
      level: 'article',
      language: headingLanguage,
      text: text.heading[headingLanguage]!,
      graph: record.heading,
      message: `${label(walk, text.eid)} is headed "${text.heading[headingLanguage]}" in the text and "${record.heading}" in the graph`,
    });
  }
  // Gaps in the words are reported where they start: not again for each provision below.
  const withWords = text.languages.filter((l) => hasWords(text, l));
  for (const language of walk.languages) {
    if (!parentLanguages.includes(language)) continue;
    if (!text.languages.includes(language)) {
      walk.findings.push({
        ...base(walk, text.eid, text.line, 'warning'),
        kind: 'missing_in_language',
        language,
        message: `the ${language} text lacks ${label(walk, text.eid)}`,
      });
    } else if (!withWords.includes(language)) {
      walk.findings.push({
        ...base(walk, text.eid, text.line, 'warning'),
        kind: 'no_wording',
        language,
        message: `${label(walk, text.eid)} has no words in the ${language} text`,
      });
    }
  }
  const children = walk.kg.index.childrenOf(record.id).map((id) => walk.kg.index.provisionRecord(id)!);
  compareChildren(walk, children, text.children, record.partial, ` (in ${label(walk, text.eid)})`, withWords);
}

/** Whether a provision, or anything below it, has words in `language`. */
function hasWords(provision: TextProvision, language: string): boolean {
  return !!provision.text[language] || provision.children.some((c) => hasWords(c, language));
}

function compareChapters(walk: Walk, textChapters: readonly TextChapter[]): void {
  const { kg, instrument } = walk;
  const partial = instrument.structure.completeness !== 'complete';
  const graphChapters = kg.index.chaptersOf(instrument.id).map((id) => kg.index.provisionRecord(id)!);
  const inText = new Map(textChapters.map((c) => [c.eid, c]));
  const inGraph = new Map(graphChapters.map((c) => [c.eid as string, c]));
  for (const g of graphChapters) {
    if (inText.has(g.eid)) continue;
    walk.findings.push({ ...base(walk, g.eid, undefined, 'error'), kind: 'missing_chapter', level: 'chapter', graph: g.number, message: `${label(walk, g.eid)} is in the graph but not in the text` });
  }
  for (const t of textChapters) {
    const g = inGraph.get(t.eid);
    if (!g) {
      walk.findings.push({
        ...base(walk, t.eid, t.line, partial ? 'warning' : 'error'),
        kind: 'extra_chapter',
        level: 'chapter',
        text: t.number,
        message: `the text has ${label(walk, t.eid)} (line ${t.line}), which the graph ${partial ? 'does not list (it holds only part of the instrument)' : 'does not have'}`,
      });
      continue;
    }
    walk.matched++;
    const language = walk.headingLanguage;
    const heading = language ? t.heading[language] : undefined;
    if (g.heading && heading !== undefined && !sameHeading(g.heading, heading)) {
      walk.findings.push({
        ...base(walk, t.eid, t.line, 'error'),
        kind: 'heading_differs',
        level: 'chapter',
        language: language!,
        text: heading,
        graph: g.heading,
        message: `${label(walk, t.eid)} is headed "${heading}" in the text and "${g.heading}" in the graph`,
      });
    }
    const graphArticles = g.children.map((id) => kg.index.provisionRecord(id)!.number).join(', ');
    const textArticles = t.articles.join(', ');
    if (graphArticles !== textArticles) {
      walk.findings.push({
        ...base(walk, t.eid, t.line, 'error'),
        kind: 'chapter_articles_differ',
        text: textArticles,
        graph: graphArticles,
        message: `${label(walk, t.eid)} holds articles ${textArticles} in the text and ${graphArticles} in the graph`,
      });
    }
  }
}

/**
 * Compares a parsed treaty text with the graph's structure for its instrument: articles, paragraphs, subparagraphs,
 * items and subitems by number, article and chapter headings (in English, the graph's language, ignoring case and
 * spacing), order, and which articles each chapter holds. Where the graph lists only some provisions (a `partial`
 * instrument or provision), what the text has besides is a warning, not an error. Gaps in a translation and
 * provisions without words are warnings too.
 *
 * @param kg - the graph (a `KnowledgeGraph`, or the lighter `loadCore()`).
 * @param text - what `parseTreatyText` read.
 * @param options - `instrument`: which instrument to compare with (default: the text's, or the one its title names).
 * @throws {@link UntocKgError} `unknown_instrument` when the instrument cannot be told or is not in the graph.
 *
 * @example
 * ```ts
 * const check = checkText(kg, parseTreatyText(file, { instrument: 'untoc' }))
 * check.ok                                   // true when the structure and headings agree
 * check.findings.filter((f) => f.kind === 'missing_paragraph')
 * ```
 */
export function checkText(kg: KnowledgeGraphCore, text: TreatyText, options: CheckTextOptions = {}): TextCheck {
  const instrument = instrumentOfText(kg, text, options);
  const headingLanguage = text.languages.find((l) => l === 'en') ?? text.languages.find((l) => l.startsWith('en-'));
  const walk: Walk = { kg, instrument, languages: text.languages, headingLanguage, findings: [], matched: 0 };
  compareChapters(walk, text.chapters);
  const articles = kg.index.childrenOf(instrumentAsProvision(instrument.iri)).map((id) => kg.index.provisionRecord(id)!);
  compareChildren(walk, articles, text.articles, instrument.structure.completeness !== 'complete', '', text.languages);
  return {
    instrument: instrument.id,
    ...defined({ source: text.source }),
    languages: text.languages,
    headingLanguage,
    ok: walk.findings.every((f) => f.severity !== 'error'),
    findings: walk.findings,
    matched: walk.matched,
  };
}
