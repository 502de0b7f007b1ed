/**
 * The three real treaty texts in ../shared/corpus (read at run time, never copied): each is read in English and
 * Dutch, its structure equals the curated graph's, the wording of every provision is attached in both languages,
 * the exports carry it, and the references the text makes include every one the curated data records.
 *
 * "The wording of a provision" is its own words: the whole text of a provision without subdivisions, or the words
 * before its first subdivision (its chapeau); an article whose words are all in its paragraphs has none of its own.
 * Its full text is its own words followed by one line for each provision below it that has words of its own.
 */
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import { toTurtle } from '../../src/export/turtle.js';
import { loadGraph } from '../../src/kg.js';
import { attachText } from '../../src/text/attach.js';
import { checkText } from '../../src/text/check.js';
import { parseTreatyText } from '../../src/text/parse.js';
import { wordingOf } from '../../src/text/wording.js';
import { DCTERMS, UKG } from '../../src/vocab/terms.js';
import { parseRdf, validateShapes } from '../helpers/rdf.js';
import { CORPUS_SKIP, corpusAvailable, readCorpus } from '../helpers/paths.js';

const kg = loadGraph();
const { namedNode } = DataFactory;

const cases = [
  { file: 'untoc', instrument: 'untoc', preamble: false },
  { file: 'som-protocol', instrument: 'som-protocol', preamble: true },
  { file: 'tip-protocol', instrument: 'tip-protocol', preamble: true },
] as const;

// Without the corpus these tests are skipped, and the skip says why.
if (!corpusAvailable) test.skip(`treaty texts: ${CORPUS_SKIP}`, () => {});

describe.runIf(corpusAvailable).each(cases)('$file.md', ({ file, instrument, preamble }) => {
  // vitest collects a skipped describe's body too: without the corpus, define nothing.
  if (!corpusAvailable) return;
  const text = parseTreatyText(readCorpus(file), { source: `${file}.md`, instrument });
  const record = kg.index.instrumentRecord(instrument)!;
  const provisions = kg.dataset.provisions.filter((p) => p.instrument === instrument);
  const attachment = attachText(kg, text, { cites: true });
  const attached = attachment.kg;

  test('is read in English and Dutch, each told by its words, with nothing left over', () => {
    expect(text.languages).toEqual(['en', 'nl']);
    expect(text.notices).toEqual([]);
  });

  test('has exactly the curated structure and headings: no finding at all', () => {
    const check = checkText(kg, text);
    expect(check.findings).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.matched).toBe(provisions.length);
  });

  test('every provision gets its wording in English and Dutch', () => {
    expect(attachment.check.findings).toEqual([]);
    for (const p of provisions) {
      const wording = wordingOf(attached, p.id);
      if (p.level === 'chapter') {
        expect(Object.keys(wording.heading).sort(), p.eid).toEqual(['en', 'nl']);
        continue;
      }
      const below = kg.index.descendantsOf(p.id);
      for (const language of ['en', 'nl']) {
        const full = wording.fullText[language];
        expect(full, `${p.eid} ${language}`).toBeTruthy();
        if (below.length === 0) expect(wording.text[language], `${p.eid} ${language}`).toBe(full);
        const withWords = below.filter((id) => wordingOf(attached, id).text[language]).length;
        expect(full!.split('\n'), `${p.eid} ${language}`).toHaveLength((wording.text[language] ? 1 : 0) + withWords);
        if (p.level === 'article') expect(wording.heading[language], `${p.eid} ${language}`).toBeTruthy();
      }
      if (p.level === 'article') expect(wording.heading['nl']).not.toBe(wording.heading['en']);
    }
    const title = wordingOf(attached, record.iri);
    expect(Object.keys(title.heading).sort()).toEqual(['en', 'nl']);
    expect(Object.keys(title.text).sort()).toEqual(preamble ? ['en', 'nl'] : []);
  });

  test('every curated reference of the instrument (basis text) is found in the text as an eli:cites link', () => {
    const derived = new Set(attachment.cites.map((l) => `${l.from} ${l.to}`));
    const curated = kg.dataset.links.filter((l) => l.property === 'cites' && l.from.startsWith(`${record.iri}/`));
    expect(curated.length).toBeGreaterThan(0);
    expect(curated.filter((l) => !derived.has(`${l.from} ${l.to}`)).map((l) => `${l.from} → ${l.to}`)).toEqual([]);
    for (const link of attachment.cites) expect(link).toMatchObject({ property: 'cites', basis: 'text', source: `text-${file}-md`, status: 'asserted' });
  });

  test('the exports carry the wording and still conform to the shapes', async () => {
    const quads = attached.store.getQuads(null, null, null, null);
    const report = await validateShapes(quads);
    expect(report.results).toEqual([]);
    const withWording = new Set(quads.filter((q) => q.predicate.value === UKG.wording).map((q) => q.subject.value));
    expect(withWording.size).toBeGreaterThan(provisions.length / 2);
    const nlTitles = quads.filter((q) => q.predicate.value === DCTERMS.title && (q.object as { language?: string }).language === 'nl');
    expect(nlTitles.length).toBe(provisions.filter((p) => p.heading).length + 1);
  });
});

describe.runIf(corpusAvailable)('the Turtle export of UNTOC with its text attached', () => {
  test('carries the English and Dutch wording of art. 27(1)(e)', () => {
    const text = parseTreatyText(readCorpus('untoc'), { source: 'untoc.md', instrument: 'untoc' });
    const { kg: attached } = attachText(kg, text);
    const id = wordingOf(attached, 'art. 27(1)(e)').provision;
    const turtle = toTurtle(attached.store.getQuads(namedNode(id), null, null, null));
    const words = parseRdf(turtle).filter((q) => q.predicate.value === UKG.wording);
    expect(words.map((q) => (q.object as { language?: string }).language).sort()).toEqual(['en', 'nl']);
    const en = words.find((q) => (q.object as { language?: string }).language === 'en')!.object.value;
    expect(en).toMatch(/;$/);
    expect(text.articles[26]!.children[0]!.children[4]!.text).toEqual(Object.fromEntries(words.map((q) => [(q.object as { language?: string }).language, q.object.value])));
  });
});
