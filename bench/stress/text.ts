/**
 * Stress cases for the treaty text reader: adversarial inputs from 1 KB to 1 MB, each of which once took quadratic
 * time or made thousands of sections. `linear: true` for each is the goal.
 */
import { parseTreatyText } from '../../dist/index.js';
import type { StressCase } from '../stress.js';

/** `unit` repeated to about `bytes` bytes. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** A treaty whose one article's words are `body`. */
const inArticle = (body: string) => `Article 1\n\n${body}.\n`;

const read = (text: string) => parseTreatyText(text, { truncated: 'ignore' });

export const cases: StressCase<string>[] = [
  { name: 'a line of "<"', make: (bytes) => inArticle(fill('<', bytes)), run: read },
  { name: 'a line of "[" before "]("', make: (bytes) => inArticle(`${fill('[', bytes)}](x`), run: read },
  { name: 'an article heading padded with ideographic spaces', make: (bytes) => `Article 1${fill('\u3000', bytes / 3)}x\nWords.\n`, run: read },
  { name: 'repeated "Article 1" blocks (a repeated structure)', make: (bytes) => fill('Article 1\n\nThe States Parties shall cooperate.\n', bytes), run: read },
  { name: 'repeated "CHAPTER I" lines', make: (bytes) => `${fill('CHAPTER I\n', bytes)}Article 1\nWords.\n`, run: read },
  { name: 'articles numbered on, one language', make: (bytes) => Array.from({ length: Math.max(1, Math.floor(bytes / 40)) }, (_, i) => `Article ${(i % 9999) + 1}\n\nThe words of it.\n`).join(''), run: read },
  { name: 'deeply nested markup', make: (bytes) => inArticle(`${fill('<b><i>', bytes / 2)}words${fill('</i></b>', bytes / 2)}`), run: read },
  { name: 'unclosed script openers', make: (bytes) => inArticle(fill('<script ', bytes)), run: read },
  { name: 'many comments', make: (bytes) => inArticle(fill('<!-- x -->words ', bytes)), run: read },
  { name: 'many entities', make: (bytes) => inArticle(fill('coop&eacute;ration &#99999999; &amp; ', bytes)), run: read },
  { name: 'many run-on markers that are references', make: (bytes) => inArticle(`x${fill('; (a) ;', bytes)}`), run: read },
  { name: 'emphasis marks', make: (bytes) => inArticle(fill('*a_', bytes)), run: read },
  { name: 'a long line without breaks', make: (bytes) => inArticle(fill('The States Parties shall cooperate closely with one another ', bytes)), run: read },
  { name: 'many lines of markers', make: (bytes) => `Article 1\n\n${fill('(a) words;\n(i) more;\n1. again.\n', bytes)}`, run: read },
];
