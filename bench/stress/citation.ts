/**
 * Adversarial citations, 1 KB to 1 MB: long numbers, long lists, deep parentheses, lists that end in a bad item,
 * texts full of citations, and long names that ask for "did you mean" suggestions. Each must take time linear in its
 * size and fail, where it fails, with a typed error.
 */
import { authorities, findCitations, loadCore, parseCitation, resolveCitation } from '../../dist/index.js';
import type { StressCase } from '../stress.js';

const kg = loadCore();

/** `unit` repeated to about `bytes` bytes, then `tail`. */
function fill(unit: string, bytes: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.floor((bytes - tail.length) / unit.length))) + tail;
}

/** A list of `bytes` bytes of article numbers 1–41: `arts. 1, 2, 3, …`. */
function articleList(bytes: number): string {
  const parts: string[] = [];
  let length = 6;
  for (let i = 0; length < bytes; i++) {
    const n = String((i % 41) + 1);
    parts.push(n);
    length += n.length + 2;
  }
  return `arts. ${parts.join(', ')}`;
}

export const cases: StressCase<string>[] = [
  { name: 'parseCitation: a chapter number of every length', make: (bytes) => `chapter ${'1'.repeat(bytes)}`, run: (text) => parseCitation(text) },
  { name: 'parseCitation: an article number of every length', make: (bytes) => `art. 5(${'9'.repeat(bytes)})`, run: (text) => parseCitation(text) },
  { name: 'parseCitation: a long list of articles', make: articleList, run: (text) => parseCitation(text) },
  { name: 'parseCitation: a long list ending in a chained range', make: (bytes) => `${articleList(bytes)}–7–9`, run: (text) => parseCitation(text) },
  { name: 'parseCitation: deep parentheses', make: (bytes) => `art. 27${fill('(', bytes)}1${')'.repeat(8)}`, run: (text) => parseCitation(text) },
  { name: 'parseCitation: a long eId', make: (bytes) => fill('art_1__', bytes, 'point_a'), run: (text) => parseCitation(text) },
  { name: 'parseCitation: one long word where a name may start', make: (bytes) => `${fill('S', bytes)}OM Protocol art. 8(6)`, run: (text) => parseCitation(text) },
  { name: 'parseCitation: the words of a name, over and over', make: (bytes) => `art. 8 of the ${fill('Smuggling of Migrants ', bytes)}Protocol`, run: (text) => parseCitation(text) },
  { name: 'resolveCitation: a long list of ranges', make: (bytes) => `arts. ${fill('7–9, ', bytes, '7–9')} of the Protocol`, run: (text) => resolveCitation(kg, text) },
  { name: 'findCitations: a list with a bad tail', make: (bytes) => fill('art. 1, ', bytes, 'art. 1(a)(1)'), run: (text) => findCitations(text) },
  { name: 'findCitations: every item fails', make: (bytes) => fill('art. 0 and ', bytes), run: (text) => findCitations(text) },
  {
    name: 'findCitations: many citations',
    make: (bytes) => fill('States Parties shall, in accordance with art. 27(1)(e) and SOM Protocol art. 8(6), cooperate; ', bytes),
    run: (text) => findCitations(text),
  },
  { name: 'resolveCitation: a list ending in a missing article (suggestions)', make: (bytes) => `${articleList(bytes)}, 99`, run: (text) => resolveCitation(kg, text) },
  { name: 'resolveCitation: a long unknown instrument name (suggestions)', make: (bytes) => `article 5 of the ${fill('Xy ', bytes)}`, run: (text) => resolveCitation(kg, text) },
  { name: 'closest (via authorities): a long State name', make: (bytes) => fill('Germanyx', bytes), run: (state) => authorities(kg, { state }) },
];
