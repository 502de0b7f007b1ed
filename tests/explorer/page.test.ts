/**
 * The explorer's logic that needs no browser (issue 16): routes and their links round-trip (fast-check, seeded), the
 * CSV export reads back as the answer's rows, and a provision's neighbourhood holds the tools that address it and,
 * with a corpus, the documents.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hrefOf, routeOf, VIEWS } from '../../explorer/app.js';
import { answerCsv } from '../../explorer/export.js';
import { neighbourhood } from '../../explorer/neighbourhood.js';
import { buildGraph } from '../../src/graph/build.js';
import { loadCore, loadGraph, toolsAddressing } from '../../src/index.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { withCorpora } from '../../src/kg.js';
import { exampleLines } from '../corpus/helpers.js';

describe('routes', () => {
  test.each([
    ['?q=art.%2027%20para.%201(e)', { view: 'ask', value: 'art. 27 para. 1(e)' }],
    ['?p=SOM%20Protocol%20art.%208(6)', { view: 'browse', value: 'SOM Protocol art. 8(6)' }],
    ['?see=', { view: 'see', value: '' }],
    ['?view=browse', { view: 'browse', value: '' }],
    ['', { view: 'ask', value: '' }],
    ['?view=nonsense', { view: 'ask', value: '' }],
  ])('%s', (search, route) => expect(routeOf(search)).toEqual(route));

  test('every route survives its link (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VIEWS), fc.string({ maxLength: 40 }), (view, value) => {
        expect(routeOf(hrefOf({ view, value }).slice(1))).toEqual({ view, value });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

test('the CSV export reads back as one row per match and piece of evidence, commas and quotes included', () => {
  const answer = toolsAddressing(loadCore(), 'art. 27 para. 1(e)');
  const rows = parse(answerCsv(answer)) as string[][];
  expect(rows[0]).toEqual(['provision', 'tool', 'part', 'match', 'via', 'basis', 'source', 'locator', 'note']);
  expect(rows.slice(1)).toEqual(
    answer.results.flatMap((m) => m.evidence.map((e) => [answer.provision.citation, m.tool.title, m.part?.label ?? '', m.match, m.via.citation, e.basis, e.sourceTitle, e.locator ?? '', e.note ?? ''])),
  );
  expect(rows.some((r) => r[6]!.includes('"'))).toBe(true);
});

describe('a provision\'s neighbourhood', () => {
  const kg = loadGraph();
  const network = buildGraph(kg.dataset);

  test('holds the provision, and every tool and part that addresses it', () => {
    const graph = neighbourhood(kg, network, toolsAddressing(kg, 'art. 27 para. 1(e)').provision.iri);
    const answer = toolsAddressing(kg, 'art. 27 para. 1(e)');
    expect(graph.getNodeAttribute(answer.provision.iri, 'kind')).toBe('focus');
    for (const m of answer.results) {
      expect(graph.getNodeAttribute(m.tool.iri, 'kind')).toBe('tool');
      if (m.part) expect(graph.getNodeAttribute(m.part.iri, 'kind')).toBe('part');
    }
    graph.forEachNode((_node, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
  });

  test('with a corpus, holds the sections and cases that implement or apply it', () => {
    const { corpus } = readCorpusLines(kg, exampleLines());
    const withCorpus = withCorpora(kg, [corpus]);
    const iri = toolsAddressing(kg, 'SOM Protocol art. 6').provision.iri;
    const kinds = new Set(neighbourhood(withCorpus, network, iri).mapNodes((_node, a) => a.kind));
    expect(kinds).toContain('legislation');
    expect(kinds).toContain('case');
    expect(new Set(neighbourhood(kg, network, iri).mapNodes((_node, a) => a.kind))).not.toContain('legislation');
  });
});
