/**
 * The curated structure of UNTOC, the SOM Protocol and the TIP Protocol against their English texts in
 * ../shared/corpus, article by article: same numbers, headings, paragraph numbers, subparagraph letters, items and
 * subitems, and (for the Protocols) the same chapters.
 */
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { parseTreatyText, type TextProvision } from '../../src/text/parse.js';
import type { ProvisionRecord } from '../../src/model/dataset.js';
import { CORPUS_SKIP, corpusAvailable, readCorpus } from '../helpers/paths.js';

const kg = loadGraph();

interface Shape {
  number: string;
  children: Shape[];
}

function curatedShape(record: ProvisionRecord): Shape {
  return {
    number: record.number,
    children: kg.index.childrenOf(record.id).map((id) => curatedShape(kg.index.provisionRecord(id)!)),
  };
}

function textShape(p: TextProvision): Shape {
  return { number: p.number, children: p.children.map(textShape) };
}

const cases = [
  { file: 'untoc', instrument: 'untoc', articles: 41, chapters: 0 },
  { file: 'som-protocol', instrument: 'som-protocol', articles: 25, chapters: 4 },
  { file: 'tip-protocol', instrument: 'tip-protocol', articles: 20, chapters: 4 },
] as const;

// Without the corpus these tests are skipped, and the skip says why.
if (!corpusAvailable) test.skip(`corpus comparison ${CORPUS_SKIP}`, () => {});

describe.runIf(corpusAvailable).each(cases)('$instrument matches its text in the corpus', ({ file, instrument, articles, chapters }) => {
  const text = corpusAvailable ? parseTreatyText(readCorpus(file), { source: file }) : undefined;
  const record = kg.index.instrumentRecord(instrument)!;
  const curated = kg.index.childrenOf(record.iri as never).map((id) => kg.index.provisionRecord(id)!);

  test('the text is read in English and Dutch with the same structure', () => {
    expect(text!.languages).toEqual(['en', 'nl']);
    expect(text!.notices.filter((n) => n.code === 'language_mismatch')).toEqual([]);
  });

  test(`has the same ${articles} articles in the same order`, () => {
    expect(curated.map((a) => a.number)).toEqual(text!.articles.map((a) => a.number));
    expect(curated).toHaveLength(articles);
  });

  test.each(Array.from({ length: articles }, (_, i) => i + 1))('article %i: heading, paragraphs, subparagraphs, items', (n) => {
    const ours = curated.find((a) => a.number === String(n))!;
    const theirs = text!.articles.find((a) => a.number === String(n))!;
    expect(ours.heading).toBe(theirs.heading['en']);
    expect(curatedShape(ours)).toEqual(textShape(theirs));
  });

  test(`has the same ${chapters} chapters, headings and articles`, () => {
    const ours = kg.index.chaptersOf(record.id).map((id) => {
      const c = kg.index.provisionRecord(id)!;
      return { number: c.number, heading: c.heading, articles: c.children.map((a) => kg.index.provisionRecord(a)!.number) };
    });
    const theirs = text!.chapters.map((c) => ({ number: c.number, heading: c.heading['en'], articles: [...c.articles] }));
    expect(ours).toEqual(theirs);
  });
});
