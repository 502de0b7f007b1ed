/**
 * Rendering what the reader read: a provision's printed marker, its full text with everything below it, and every
 * provision of a text in document order.
 *
 * @module
 */
import type { TextLevel, TextProvision, TreatyText, Wording } from './types.js';

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

/** The shape {@link fullText} renders: a provision with its own words per language and its subdivisions. */
export interface WordingTree {
  readonly level: TextLevel;
  readonly number: string;
  readonly text: Wording;
  readonly children: readonly WordingTree[];
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
