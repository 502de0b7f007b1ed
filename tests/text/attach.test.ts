/**
 * attachText and wordingOf on the invented Lighthouse Convention (tests/text/fixtures): the wording reaches the
 * dataset, the RDF store and the Turtle export in English and Dutch; the given graph is left unchanged; a structure
 * that differs attaches nothing unless asked to attach what matches; the references the text makes become eli:cites
 * links with basis `text`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { TextMismatchError } from '../../src/text/check.js';
import { writeExport } from '../../src/export/formats.js';
import { toTurtle } from '../../src/export/turtle.js';
import type { TextRecord } from '../../src/model/dataset.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { importRdf } from '../../src/import/rdf.js';
import { KnowledgeGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { attachText } from '../../src/text/attach.js';
import { parseTreatyText, textProvisions } from '../../src/text/parse.js';
import { wordingOf } from '../../src/text/wording.js';
import { DCTERMS, ELI, RDF, UKG } from '../../src/vocab/terms.js';
import { lines, parseRdf, rapperAvailable, rapperCount, validateShapes } from '../helpers/rdf.js';
import { fixture, lighthouseGraph } from './helpers.js';

const kg = lighthouseGraph();
const original = fixture('lighthouses.md');
const text = parseTreatyText(original, { source: 'lighthouses.md', instrument: 'lighthouses' });
const BASE = 'https://w3id.org/untoc-kg/eli/test/convention/2026/lighthouses';
const at = (eid: string) => `${BASE}/${eid.replaceAll('__', '/')}`;
const context = { instrument: 'lighthouses' };
const { namedNode } = DataFactory;
const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-wording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attaching the wording of a text whose structure matches', () => {
  const sizeBefore = kg.store.size;
  const result = attachText(kg, text, { cites: true });
  const attached = result.kg;

  test('gives a new graph and leaves the given one as it was', () => {
    expect(attached).toBeInstanceOf(KnowledgeGraph);
    expect(attached).not.toBe(kg);
    expect(kg.dataset.texts).toBeUndefined();
    expect(kg.store.size).toBe(sizeBefore);
    expect(kg.store.getQuads(null, namedNode(UKG.wording), null, null)).toEqual([]);
    expect(kg.dataset.sources.some((s) => s.id === 'text-lighthouses-md')).toBe(false);
    expect(result.check.ok).toBe(true);
    // English headings are the graph's own: English counts the provisions with words (all but art. 3) and the preamble.
    expect(result.attached).toEqual({ en: 24 + 1, nl: 25 + 2 + 1 });
  });

  test('every provision has its words in English and Dutch: its own words, or (for one with subdivisions) its full text', () => {
    for (const p of textProvisions(text)) {
      const wording = wordingOf(attached, p.eid, context);
      for (const language of ['en', 'nl']) {
        expect(wording.fullText[language], `${p.eid} ${language}`).toBeTruthy();
        if (p.children.length === 0) expect(wording.text[language], `${p.eid} ${language}`).toBeTruthy();
        // The full text is the own words (if any) and one line for each provision below with words of its own.
        const below = textProvisions({ articles: p.children }).filter((c) => c.text[language]).length;
        expect(wording.fullText[language]!.split('\n'), `${p.eid} ${language}`).toHaveLength((wording.text[language] ? 1 : 0) + below);
      }
    }
  });

  test('wordingOf gives heading, own words and full text per language, and the source', () => {
    const art3 = wordingOf(attached, 'art_3', context);
    expect(art3).toMatchObject({
      citation: 'Lighthouse Convention art. 3',
      level: 'article',
      heading: { en: 'Designation of authorities', nl: 'Aanwijzing van autoriteiten' },
      text: {},
      languages: ['en', 'nl'],
      sources: ['text-lighthouses-md'],
    });
    expect(art3.fullText['en']!.split('\n').slice(0, 3)).toEqual([
      '1. Each State Party shall designate an authority that:',
      '(a) Keeps a register of its lighthouses; and',
      '(b) Answers requests from other States Parties about:',
    ]);
    expect(wordingOf(attached, 'art_3__para_1__point_b__point_ii__point_b', context).text).toEqual({ en: 'The pause between two signals.', nl: 'de pauze tussen twee signalen.' });
    expect(wordingOf(attached, 'art_2bis', context).text['nl']).toMatch(/^De Staten die partij zijn, dragen er zorg voor/);
  });

  test('without attached text, wordingOf gives the graph\'s heading and no words', () => {
    expect(wordingOf(kg, 'art_3', context)).toMatchObject({ heading: { en: 'Designation of authorities' }, text: {}, fullText: {}, languages: [], sources: [] });
  });

  test('the store has ukg:wording per language, translated headings, the preamble and the wording source', () => {
    const leaf = at('art_3__para_1__point_b__point_ii__point_b');
    const words = attached.store.getQuads(namedNode(leaf), namedNode(UKG.wording), null, null).map((q) => [q.object.value, (q.object as { language?: string }).language]);
    expect(words).toEqual(expect.arrayContaining([['The pause between two signals.', 'en'], ['de pauze tussen twee signalen.', 'nl']]));
    expect(words).toHaveLength(2);
    const titles = attached.store.getQuads(namedNode(at('art_3')), namedNode(DCTERMS.title), null, null).map((q) => `${q.object.value}@${(q.object as { language?: string }).language}`);
    expect(titles.sort()).toEqual(['Aanwijzing van autoriteiten@nl', 'Designation of authorities@en']);
    expect(attached.store.getQuads(namedNode(at('chp_1')), namedNode(DCTERMS.title), null, null).map((q) => q.object.value).sort()).toEqual(['ALGEMENE BEPALINGEN', 'General provisions']);
    const preamble = attached.store.getQuads(namedNode(BASE), namedNode(UKG.preamble), null, null);
    expect(preamble.map((q) => (q.object as { language?: string }).language).sort()).toEqual(['en', 'nl']);
    const source = attached.store.getQuads(namedNode(leaf), namedNode(UKG.wordingSource), null, null).map((q) => q.object.value);
    expect(source).toEqual(['https://w3id.org/untoc-kg/source/text-lighthouses-md']);
    expect(attached.store.getQuads(namedNode(source[0]!), namedNode(RDF.type), namedNode(UKG.Source), null)).toHaveLength(1);
  });

  test('the Turtle export carries the English and Dutch wording, reads back whole, and conforms to the shapes', async () => {
    const quads = attached.store.getQuads(null, null, null, null);
    const turtle = toTurtle(quads);
    const back = parseRdf(turtle);
    expect(lines(back)).toEqual(lines(quads));
    const wording = back.filter((q) => q.subject.value === at('art_3__para_1') && q.predicate.value === UKG.wording);
    expect(wording.map((q) => (q.object as { language?: string }).language).sort()).toEqual(['en', 'nl']);
    expect(wording.find((q) => (q.object as { language?: string }).language === 'nl')!.object.value).toBe('Elke Staat die partij is, wijst een autoriteit aan die:');
    const report = await validateShapes(quads);
    expect(report.results).toEqual([]);
  });

  test.runIf(rapperAvailable || !!process.env['CI'])('rapper (raptor2-utils) reads the Turtle export with the wording whole', () => {
    const file = join(dir, 'attached.ttl');
    writeFileSync(file, toTurtle(attached.store.getQuads(null, null, null, null)));
    expect(rapperCount(file, 'turtle')).toBe(attached.store.size);
  });

  test('the references the text makes are eli:cites links with basis text, source and locator', () => {
    expect(result.cites.map((l) => [l.from.slice(BASE.length + 1), l.to.slice(BASE.length + 1)])).toEqual([
      ['art_2/point_f', 'art_3'],
      ['art_2bis', 'art_2/point_e'],
      ['art_3/para_2', 'art_3/para_1'],
    ]);
    for (const link of result.cites) {
      expect(link).toMatchObject({ property: 'cites', basis: 'text', source: 'text-lighthouses-md', status: 'asserted' });
      expect(attached.store.getQuads(namedNode(link.from), namedNode(ELI.cites), namedNode(link.to), null)).toHaveLength(1);
      expect(attached.store.getQuads(namedNode(link.id), namedNode(UKG.basis), null, null).map((q) => q.object.value)).toEqual(['text']);
    }
    expect(result.cites[2]).toMatchObject({ locator: 'Lighthouse Convention art. 3(2)', note: '"paragraph 1 of this article" (en)' });
    expect(attached.index.linksFrom(at('art_2bis'))).toEqual([result.cites[1]]);
  });

  test('the network view builds with the new links', () => {
    expect(attached.graph.hasEdge(at('art_3__para_2'), at('art_3__para_1')) || attached.graph.edges(at('art_3__para_2'), at('art_3__para_1')).length > 0).toBe(true);
  });

  test('importing the TriG export gives back the wording records and the eli:cites links', async () => {
    const imported = await importRdf([...writeExport(attached, 'trig')].join(''), { format: 'trig' });
    const key = (t: TextRecord) => JSON.stringify([t.provision, t.language, t.text ?? null, t.heading ?? null, t.source]);
    // English headings are the graph's own (never a second English title), so only other languages come back as texts.
    const expected = attached.dataset.texts!.filter((t) => t.text !== undefined || t.language !== 'en').map((t) => (t.language === 'en' ? { ...t, heading: undefined } : t));
    expect(new Set(imported.dataset.texts!.map(key))).toEqual(new Set(expected.filter((t) => t.text !== undefined || t.heading !== undefined).map(key)));
    expect(wordingOf(imported, 'art_3__para_1', context).text).toEqual(wordingOf(attached, 'art_3__para_1', context).text);
    expect(imported.dataset.links.filter((l) => l.source === result.source.id).map((l) => l.id).sort()).toEqual(result.cites.map((l) => l.id).sort());
    expect(lines(exportQuads(imported.dataset))).toEqual(lines(exportQuads(attached.dataset)));
  });

  test('the wording survives when more data files are added on top', () => {
    const more = buildDataset([], { base: attached.dataset });
    expect(more.texts).toBe(attached.dataset.texts);
  });
});

describe('the source of the wording', () => {
  test('an existing source key is reused', () => {
    const result = attachText(kg, text, { source: 'seed' });
    expect(result.source.id).toBe('seed');
    expect(result.kg.dataset.sources).toHaveLength(kg.dataset.sources.length);
  });

  test('a new source with a key, title and address', () => {
    const result = attachText(kg, text, { source: { id: 'lighthouse-text', title: 'The Lighthouse Convention, authentic texts', url: 'https://example.org/lighthouses' } });
    expect(result.kg.dataset.sources.find((s) => s.id === 'lighthouse-text')).toMatchObject({ title: 'The Lighthouse Convention, authentic texts', url: 'https://example.org/lighthouses' });
  });

  test('a new source is keyed by the text\'s name, folded: accents dropped, not split', () => {
    const named = parseTreatyText(original, { source: 'Côte d’Ivoire – Phares.md', instrument: 'lighthouses' });
    expect(attachText(kg, named).source.id).toBe('text-cote-d-ivoire-phares-md');
  });

  test('a key the graph already uses for another document is an error', () => {
    expect(() => attachText(kg, text, { source: { id: 'seed', title: 'Something else' } })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('attaching again replaces the words per provision and language', () => {
    const first = attachText(kg, text).kg;
    const edited = parseTreatyText(original.replace('The pause between two signals.', 'The silence between two signals.'), { instrument: 'lighthouses', source: 'lighthouses.md' });
    const second = attachText(first, edited).kg;
    expect(second.dataset.texts).toHaveLength(first.dataset.texts!.length);
    expect(wordingOf(second, 'art_3__para_1__point_b__point_ii__point_b', context).text['en']).toBe('The silence between two signals.');
    expect(wordingOf(first, 'art_3__para_1__point_b__point_ii__point_b', context).text['en']).toBe('The pause between two signals.');
  });
});

describe('a text whose structure differs', () => {
  const P3 = '   3.   Nothing in this article shall prevent a State Party from designating more than one authority.';
  const P3_NL = '   3.   Niets in dit artikel belet een Staat die partij is meer dan een autoriteit aan te wijzen.';
  const differs = parseTreatyText(original.replace(P3, '').replace(P3_NL, '').replace('####Signature', '####Signing'), { source: 'edited.md', instrument: 'lighthouses' });

  test('attaches nothing and throws text_mismatch with every finding', () => {
    let error: unknown;
    try {
      attachText(kg, differs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TextMismatchError);
    const e = error as TextMismatchError;
    expect(e.code).toBe('text_mismatch');
    expect(e.findings.map((f) => f.kind)).toEqual(['missing_paragraph', 'heading_differs']);
    expect(e.message).toMatch(/edited\.md differs from the graph's Lighthouse Convention in 2 places; nothing was attached \(pass \{ partial: true \}/);
    expect(kg.dataset.texts).toBeUndefined();
  });

  test('with partial: true, attaches what matches and reports the rest', () => {
    const result = attachText(kg, differs, { partial: true });
    expect(result.check.ok).toBe(false);
    expect(result.check.findings.map((f) => f.kind)).toEqual(['missing_paragraph', 'heading_differs']);
    expect(wordingOf(result.kg, 'art_3__para_2', context).text['en']).toMatch(/^Each State Party shall notify/);
    expect(wordingOf(result.kg, 'art_3__para_3', context).text).toEqual({});
    // The graph's English heading stays the only English one; the Dutch heading is attached.
    expect(wordingOf(result.kg, 'art_4', context).heading).toEqual({ en: 'Signature', nl: 'Ondertekening' });
    expect(result.kg.store.getQuads(namedNode(at('art_4')), namedNode(DCTERMS.title), null, null).map((q) => q.object.value).sort()).toEqual(['Ondertekening', 'Signature']);
  });

  test('a text of another instrument is not attached to this one', () => {
    const weather = parseTreatyText(fixture('weather-un-print.txt'));
    expect(() => attachText(kg, weather)).toThrow(expect.objectContaining({ code: 'unknown_instrument' }));
    expect(() => attachText(kg, weather, { instrument: 'lighthouses' })).toThrow(expect.objectContaining({ code: 'text_mismatch' }));
  });
});
