/**
 * The curated graph, checked as data (reporters-db style): the identifiers of DESIGN.md §2, the facts domain.md
 * confirms, and the rules every link follows. A data-only change is tested like a code change.
 */
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import { BASE_IRI } from '../../src/model/ids.js';

const kg = loadGraph();
const { dataset, index } = kg;
const id = (citation: string) => {
  const targets = resolveCitation(kg, citation).targets;
  expect(targets).toHaveLength(1);
  return targets[0]!.id;
};
const linksFromPart = (tool: string, path: string) => index.linksFrom(`${index.tools.get(tool)!.iri}/${path}`);

describe('identifiers (DESIGN.md §2)', () => {
  test.each([
    ['untoc', 'eli/un/convention/2000/untoc'],
    ['som-protocol', 'eli/un/protocol/2000/som'],
    ['tip-protocol', 'eli/un/protocol/2000/tip'],
    ['firearms-protocol', 'eli/un/protocol/2001/firearms'],
    ['drug-convention-1988', 'eli/un/convention/1988/drugs'],
    ['model-law', 'eli/unodc/model-law/2010/som'],
  ])('instrument %s has the IRI …/%s', (instrument, path) => {
    expect(index.instrumentRecord(instrument)?.iri).toBe(`${BASE_IRI}${path}`);
  });

  test('the eight tools of the seed have their stable ids', () => {
    expect(dataset.tools.map((t) => t.id).sort()).toEqual(
      ['assessment-guide', 'basic-training-manual', 'cna-directory', 'framework-for-action', 'in-depth-training-manual', 'issue-paper-sea', 'legislative-guides', 'model-law'],
    );
  });

  test('the Model Law has one IRI as tool and as instrument, not tool/model-law', () => {
    expect(index.tools.get('model-law')!.iri).toBe(`${BASE_IRI}eli/unodc/model-law/2010/som`);
  });

  test('provision IRIs are the eId with __ as /, and each parent is the IRI minus its last segment', () => {
    expect(id('art. 27 para. 1(e)')).toBe(`${BASE_IRI}eli/un/convention/2000/untoc/art_27/para_1/point_e`);
    expect(id('art. 5(1)(a)(ii)')).toBe(`${BASE_IRI}eli/un/convention/2000/untoc/art_5/para_1/point_a/point_ii`);
    expect(id('art. 2(i)')).toBe(`${BASE_IRI}eli/un/convention/2000/untoc/art_2/point_i`);
    expect(id('SOM Protocol chapter II')).toBe(`${BASE_IRI}eli/un/protocol/2000/som/chp_2`);
    for (const p of dataset.provisions) {
      if (p.level === 'article' || p.level === 'chapter') continue;
      expect(p.id.slice(0, p.id.lastIndexOf('/'))).toBe(p.parent);
      expect(p.id.replace(/^.*\/(?=(art|chp)_)/, '').replaceAll('/', '__')).toBe(p.eid);
    }
  });

  test('IRIs are lower-case ASCII and carry no labels', () => {
    const iris = [...dataset.provisions.map((p) => p.id), ...dataset.parts.map((p) => p.id), ...dataset.links.map((l) => l.id), ...dataset.themes.map((t) => t.iri)];
    for (const iri of iris) expect(iri).toMatch(/^https:\/\/w3id\.org\/untoc-kg\/[a-z0-9/_.-]+$/);
  });

  test('a part of a tool is the tool IRI followed by its path', () => {
    expect(index.parts.has(`${BASE_IRI}tool/legislative-guides/part_1/chp_5`)).toBe(true);
    expect(index.parts.has(`${BASE_IRI}tool/basic-training-manual/module_8`)).toBe(true);
  });
});

describe('structure confirmed in domain.md', () => {
  test('UNTOC has 41 articles, SOM 25, TIP 20', () => {
    const count = (instrument: string) => index.childrenOf(index.instrumentRecord(instrument)!.iri as never).length;
    expect([count('untoc'), count('som-protocol'), count('tip-protocol')]).toEqual([41, 25, 20]);
  });

  test('UNTOC art. 5 para. 1 (a) (ii) has the subitems a. and b.', () => {
    expect(index.childrenOf(id('art. 5(1)(a)(ii)')).map((c) => index.provisionRecord(c)!.number)).toEqual(['a', 'b']);
    expect(index.provisionRecord(id('art. 5(1)(a)(ii)(a)'))!.level).toBe('subitem');
  });

  test('UNTOC art. 27: paragraphs 1–3, subparagraphs (a)–(f), items (i)–(iii) under (b)', () => {
    const numbers = (c: string) => index.childrenOf(id(c)).map((x) => index.provisionRecord(x)!.number);
    expect(numbers('art. 27')).toEqual(['1', '2', '3']);
    expect(numbers('art. 27(1)')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(numbers('art. 27(1)(b)')).toEqual(['i', 'ii', 'iii']);
    expect(index.provisionRecord(id('art. 27'))!.heading).toBe('Law enforcement cooperation');
  });

  test('SOM Protocol chapters I–IV hold articles 1–6, 7–9, 10–18 and 19–25', () => {
    const som = index.instrumentRecord('som-protocol')!;
    const chapters = index.chaptersOf(som.id).map((c) => index.childrenOf(c).map((a) => Number(index.provisionRecord(a)!.number)));
    expect(chapters.map((a) => [a[0], a[a.length - 1]])).toEqual([[1, 6], [7, 9], [10, 18], [19, 25]]);
  });

  test('SOM art. 8 has paragraphs 1–7 and only para. 2 has subparagraphs (a)–(c)', () => {
    expect(index.childrenOf(id('SOM Protocol art. 8')).length).toBe(7);
    expect(index.childrenOf(id('SOM Protocol art. 8(2)')).map((c) => index.provisionRecord(c)!.number)).toEqual(['a', 'b', 'c']);
  });

  test('the 1988 Convention and the Firearms Protocol hold only the provisions confirmed facts need, marked partial', () => {
    for (const instrument of ['drug-convention-1988', 'firearms-protocol']) {
      expect(index.instrumentRecord(instrument)!.structure.completeness).toBe('partial');
    }
    expect(id('1988 Convention art. 7(8)')).toMatch(/drugs\/art_7\/para_8$/);
    expect(id('1988 Convention art. 17(7)')).toMatch(/drugs\/art_17\/para_7$/);
    expect(index.provisionRecord(id('1988 Convention art. 17'))!.partial).toBe(true);
    expect(dataset.provisions.filter((p) => p.instrument === 'drug-convention-1988').length).toBeLessThanOrEqual(6);
  });

  test('the Model Law is marked incomplete and holds nothing past article 6', () => {
    const ml = index.instrumentRecord('model-law')!;
    expect(ml.structure.completeness).toBe('incomplete');
    const articles = index.childrenOf(ml.iri as never).map((a) => index.provisionRecord(a)!.number);
    expect(articles).toEqual(['1', '2', '3', '4', '5.A', '5.B', '5.C', '5.D', '5.E', '5.F', '5.G', '5.H', '5.I', '6']);
    expect(index.chaptersOf(ml.id).map((c) => index.provisionRecord(c)!.number)).toEqual(['I', 'II']);
    expect(index.provisionRecord(id('Model Law art. 5.G'))!.group).toBe('Basic offences: option B');
  });
});

describe('links and their evidence', () => {
  test('every link has a basis and a defined source; curated and disputed links explain themselves', () => {
    for (const link of dataset.links) {
      expect(['text', 'source', 'curated']).toContain(link.basis);
      expect(index.sources.has(link.source)).toBe(true);
      if (link.basis === 'curated') expect(link.note, `${link.file}: ${link.from} → ${link.to}`).toBeTruthy();
      if (link.status === 'disputed') {
        expect(link.correction).toBeTruthy();
        expect(link.discrepancy).toBeTruthy();
      }
    }
  });

  test('the seed: Legislative Guides Part One ch. V address UNTOC art. 27 and each of para. 1 (a)–(f)', () => {
    const targets = linksFromPart('legislative-guides', 'part_1/chp_5').filter((l) => l.property === 'addresses');
    expect(targets.every((l) => l.basis === 'source' && l.source === 'seed')).toBe(true);
    const cited = new Set(targets.map((l) => l.to));
    for (const c of ['art. 27', 'art. 27(1)(a)', 'art. 27(1)(b)', 'art. 27(1)(c)', 'art. 27(1)(d)', 'art. 27(1)(e)', 'art. 27(1)(f)']) {
      expect(cited.has(id(c)), c).toBe(true);
    }
  });

  test('the seed: basic manual module 8 is about international cooperation; in-depth module 8 about law enforcement cooperation and information-sharing', () => {
    const themes = (tool: string) => linksFromPart(tool, 'module_8').filter((l) => l.property === 'subject').map((l) => index.themesByIri.get(l.to)!.id);
    expect(themes('basic-training-manual')).toEqual(['international-cooperation']);
    expect(themes('in-depth-training-manual')).toEqual(['law-enforcement-cooperation', 'information-sharing']);
  });

  test('the seed says SOM art. 8 para. 5 for the directory; the graph keeps that claim as disputed, corrected to para. 6', () => {
    const disputed = index.disputedTo(id('SOM Protocol art. 8(5)'));
    expect(disputed).toHaveLength(1);
    expect(disputed[0]).toMatchObject({ source: 'seed', status: 'disputed', correction: id('SOM Protocol art. 8(6)') });
    expect(index.linksTo(id('SOM Protocol art. 8(5)'))).toEqual([]);
    const tools = index.linksTo(id('SOM Protocol art. 8(6)')).map((l) => index.toolOf(l.from)?.id);
    expect(tools).toContain('cna-directory');
  });

  test('cross-references stated in the texts: SOM art. 10(1) cites UNTOC arts. 27 and 28; SOM art. 1(2) cites the Convention', () => {
    const cites = (c: string) => index.linksFrom(id(c)).filter((l) => l.property === 'cites').map((l) => l.to);
    expect(cites('SOM Protocol art. 10(1)')).toEqual([id('art. 27'), id('art. 28')]);
    expect(cites('SOM Protocol art. 1(2)')).toEqual([index.instrumentRecord('untoc')!.iri]);
    expect(index.linksFrom(id('SOM Protocol art. 10(1)')).every((l) => l.basis === 'text')).toBe(true);
  });

  test('the Protocols supplement the Convention (art. 1(1), basis text)', () => {
    for (const p of ['som-protocol', 'tip-protocol', 'firearms-protocol']) {
      const link = index.linksFrom(index.instrumentRecord(p)!.iri).find((l) => l.property === 'supplements');
      expect(link).toMatchObject({ to: index.instrumentRecord('untoc')!.iri, basis: 'text' });
    }
  });

  test('the Part Three sections are not mapped to Protocol articles (domain.md marks that mapping as memory)', () => {
    for (const part of dataset.parts.filter((p) => p.path.startsWith('part_3/'))) {
      expect(index.linksFrom(part.id).filter((l) => l.property === 'addresses')).toEqual([]);
    }
  });

  test('the theme scheme has the Framework pillars and the topics the seed names', () => {
    for (const theme of ['prosecution', 'protection', 'prevention', 'cooperation', 'law-enforcement-cooperation', 'information-sharing', 'international-cooperation', 'border-control', 'carrier-liability', 'sea-patrol', 'smuggling-of-migrants-by-sea', 'extradition', 'mutual-legal-assistance', 'illicit-traffic-by-sea', 'training-and-technical-assistance']) {
      expect(index.themes.has(theme), theme).toBe(true);
    }
  });

  test('directory counts from different sources are kept side by side with their dates', () => {
    const counts = index.tools.get('cna-directory')!.counts;
    expect(counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 600, qualifier: 'at-least', asOf: '2015', source: 'seed' }),
        expect.objectContaining({ value: 500, qualifier: 'at-least', source: 'S6' }),
      ]),
    );
  });
});
