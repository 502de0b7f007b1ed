/**
 * findCitations in running text: the treaty idiom, and the full English texts of UNTOC, the SOM Protocol and the TIP
 * Protocol. Every cross-reference that DESIGN.md and domain.md (§1.4, §2.4) list is found, and the graph's eli:cites
 * edges are exactly the references each text makes to other articles and instruments.
 */
import { describe, expect, test } from 'vitest';
import { findCitations } from '../../src/citation/find.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import type { CitationContext } from '../../src/citation/types.js';
import { loadCore } from '../../src/core.js';
import { parseTreatyText, type TextProvision } from '../../src/text/parse.js';
import { CORPUS_SKIP, corpusAvailable, readCorpus } from '../helpers/paths.js';

const kg = loadCore();
const id = (citation: string) => resolveCitation(kg, citation).targets.map((t) => t.id);

describe('the treaty idiom', () => {
  test.each([
    ['the offences established in accordance with articles 5, 6, 8 and 23 of this Convention;', 'articles 5, 6, 8 and 23 of this Convention', ['art. 5', 'art. 6', 'art. 8', 'art. 23']],
    ['Without prejudice to articles 27 and 28 of the Convention, States Parties shall', 'articles 27 and 28 of the Convention', ['art. 27', 'art. 28']],
    ['The knowledge referred to in paragraph 1 (a) (i) of this article may be inferred', 'paragraph 1 (a) (i) of this article', ['art. 5(1)(a)(i)']],
    ['in conformity with article 6, paragraph 1 (b) (ii), of this Convention and', 'article 6, paragraph 1 (b) (ii), of this Convention', ['art. 6(1)(b)(ii)']],
  ])('%s', (text, covered, means) => {
    const found = findCitations(text, { instrument: 'untoc', article: '5' });
    expect(found.map((f) => f.text)).toEqual([covered]);
    const targets = resolveCitation(kg, found[0]!.text, { instrument: 'untoc', article: '5' }).targets.map((t) => t.id);
    expect(targets).toEqual(means.flatMap(id));
    expect(text.slice(found[0]!.span.start, found[0]!.span.end)).toBe(covered);
  });

  test('a Protocol text: "the Convention" is the Convention, "this Protocol" is itself and not reported', () => {
    const found = findCitations('The provisions of the Convention shall apply, mutatis mutandis, to this Protocol; see article 6 of this Protocol.', { instrument: 'som-protocol' });
    expect(found.map((f) => [f.text, f.citation.kind])).toEqual([
      ['the Convention', 'instrument'],
      ['article 6 of this Protocol', 'article'],
    ]);
  });

  test('other instruments are reported as unresolved, never as this graph\'s provisions', () => {
    const found = findCitations('in accordance with article 36 of the Vienna Convention on Consular Relations and article 35 of the Charter');
    expect(found.map((f) => f.citation.kind)).toEqual(['unresolved', 'unresolved']);
  });

  test('words that are not citations: "a protocol", "this article", "paragraph" alone', () => {
    expect(findCitations('a State is not bound by a protocol unless it becomes a Party to the protocol; under this article; each paragraph')).toEqual([]);
  });
});

/** Every reference a treaty text makes, read provision by provision with the provision as context. */
function references(file: 'untoc' | 'som-protocol' | 'tip-protocol', instrument: string) {
  const text = parseTreatyText(readCorpus(file));
  const out: { from: string; to: string; text: string; sameArticle: boolean }[] = [];
  const articleIri = (n: string) => resolveCitation(kg, `art. ${n}`, { instrument }).targets[0]!.id;
  const walk = (p: TextProvision, context: CitationContext, path: string) => {
    const from = resolveCitation(kg, path, { instrument }).targets[0]!.id;
    for (const found of findCitations(p.text['en'] ?? '', context)) {
      for (const target of resolveCitation(kg, found.text, context).targets) {
        const article = articleIri(context.article!);
        out.push({ from, to: target.id, text: found.text, sameArticle: target.id === article || target.id.startsWith(`${article}/`) });
      }
    }
    for (const child of p.children) {
      walk(child, child.level === 'paragraph' ? { ...context, paragraph: child.number } : context, `${path}(${child.number})`);
    }
  };
  for (const article of text.articles) walk(article, { instrument, article: article.number }, `art. ${article.number}`);
  return out;
}

// Without the corpus these tests are skipped, and the skip says why.
if (!corpusAvailable) test.skip(`cross-references in the corpus ${CORPUS_SKIP}`, () => {});

describe.runIf(corpusAvailable)('cross-references in the full texts', () => {
  const untoc = corpusAvailable ? references('untoc', 'untoc') : [];
  const som = corpusAvailable ? references('som-protocol', 'som-protocol') : [];
  const tip = corpusAvailable ? references('tip-protocol', 'tip-protocol') : [];
  const has = (refs: typeof untoc, from: string, to: string, context: string) =>
    refs.some((r) => r.from === id(from.includes('Protocol') ? from : `${context} ${from}`.trim())[0] && r.to === id(to)[0]);

  test.each([
    // domain.md §1.4
    ['art. 3(1)(a)', 'art. 5'], ['art. 3(1)(a)', 'art. 23'], ['art. 10(1)', 'art. 6'], ['art. 11(1)', 'art. 8'], ['art. 11(3)', 'art. 23'],
    ['art. 15(1)', 'art. 5'], ['art. 34(2)', 'art. 23'], ['art. 7(1)(b)', 'art. 18'], ['art. 7(1)(b)', 'art. 27'], ['art. 12(6)', 'art. 13'],
    ['art. 13(1)', 'art. 12(1)'], ['art. 13(3)', 'art. 18'], ['art. 13(3)', 'art. 18(15)'], ['art. 14(1)', 'art. 12'], ['art. 14(1)', 'art. 13(1)'],
    ['art. 14(3)(a)', 'art. 30(2)(c)'], ['art. 15(2)', 'art. 4'], ['art. 15(3)', 'art. 16(10)'], ['art. 16(1)', 'art. 3(1)(a)'], ['art. 16(1)', 'art. 3(1)(b)'],
    ['art. 18(1)', 'art. 3(1)(a)'], ['art. 18(2)', 'art. 10'], ['art. 26(4)', 'art. 24'], ['art. 32(3)(a)', 'art. 29'], ['art. 32(3)(a)', 'art. 31'],
    ['art. 33(2)(b)', 'art. 32(5)'],
  ])('UNTOC %s refers to %s (domain.md §1.4)', (from, to) => {
    expect(has(untoc, from, to, '')).toBe(true);
  });

  test.each([
    ['SOM Protocol art. 1(2)', 'UNTOC'], ['SOM Protocol art. 1(3)', 'SOM Protocol art. 6'], ['SOM Protocol art. 10(1)', 'UNTOC art. 27'],
    ['SOM Protocol art. 10(1)', 'UNTOC art. 28'], ['SOM Protocol art. 11(6)', 'UNTOC art. 27'], ['SOM Protocol art. 15(2)', 'UNTOC art. 31'], ['SOM Protocol art. 22(1)', 'UNTOC'],
  ])('%s refers to %s (domain.md §2.4)', (from, to) => {
    expect(has(som, from, to, '')).toBe(true);
  });

  test('the graph\'s eli:cites edges are exactly the references each text makes to other articles and instruments', () => {
    for (const [instrument, refs] of [['untoc', untoc], ['som-protocol', som], ['tip-protocol', tip]] as const) {
      const inText = new Set(refs.filter((r) => !r.sameArticle).map((r) => `${r.from} → ${r.to}`));
      const iri = kg.index.instrumentRecord(instrument)!.iri;
      const inGraph = new Set(
        kg.dataset.links.filter((l) => l.property === 'cites' && l.from.startsWith(`${iri}/`)).map((l) => `${l.from} → ${l.to}`),
      );
      expect([...inText].filter((x) => !inGraph.has(x)), `${instrument}: found in the text, missing from the graph`).toEqual([]);
      expect([...inGraph].filter((x) => !inText.has(x)), `${instrument}: in the graph, not found in the text`).toEqual([]);
    }
  });

  test('references within the same article ("paragraph 1 of this article") are found but, by design, are not eli:cites edges', () => {
    // They are the article's internal structure, not a citation between provisions; docs/design-choices.md says so.
    const within = [...untoc, ...som, ...tip].filter((r) => r.sameArticle);
    expect(within.length).toBeGreaterThan(20);
    const cites = new Set(kg.dataset.links.filter((l) => l.property === 'cites').map((l) => `${l.from} → ${l.to}`));
    expect(within.filter((r) => cites.has(`${r.from} → ${r.to}`))).toEqual([]);
  });
});
