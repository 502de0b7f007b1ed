/**
 * Every query in docs/sparql.md runs, and answers what its section says: the code blocks are read from the file
 * itself, so the documentation cannot drift from the engine or the data. The authorities query is also run on a small
 * example graph, since the curated graph holds no directory snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { sparql, type SparqlResult } from '../../src/sparql/run.js';
import { ROOT } from '../helpers/paths.js';
import { Parser } from 'n3';
import { exportQuads } from '../../src/rdf/graphs.js';

const markdown = readFileSync(join(ROOT, 'docs', 'sparql.md'), 'utf8');
const sections = [...markdown.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |$(?![\s\S]))/gm)].flatMap(([, title, body]) =>
  [...body!.matchAll(/```sparql\n([\s\S]*?)```/g)].map((m) => [title!.trim(), m[1]!] as const),
);
const kg = loadGraph();
const BASE = 'https://w3id.org/untoc-kg/';

const values = (result: SparqlResult, variable: string) => (result.kind === 'select' ? result.rows.map((row) => row[variable]?.value) : []);

/** What each section's query must answer on the curated graph. */
const EXPECT: Record<string, (result: SparqlResult) => void> = {
  'Tools that address a provision, directly or through the provision that encloses it': (result) => {
    expect(new Set(values(result, 'tool'))).toEqual(new Set([`${BASE}tool/legislative-guides`, `${BASE}tool/in-depth-training-manual`]));
    expect(values(result, 'addressed')).toContain(`${BASE}eli/un/convention/2000/untoc/art_27`);
  },
  'The evidence for each of those links': (result) => {
    expect(values(result, 'basis').length).toBeGreaterThanOrEqual(3);
    expect(values(result, 'basis').every((b) => ['text', 'source', 'curated'].includes(b!))).toBe(true);
  },
  'Provisions by theme': (result) => {
    expect(values(result, 'provision').length).toBeGreaterThan(5);
    expect(values(result, 'theme')).toContain(`${BASE}theme/law-enforcement-cooperation`);
  },
  'Authorities designated under a provision': (result) => {
    // The curated snapshot's confirmed designations under SOM art. 8: Germany's BSH and Latvia's two ministries.
    expect(values(result, 'authority')).toEqual([`${BASE}cna/deu/bsh`, `${BASE}cna/lva/ministry-of-the-interior`, `${BASE}cna/lva/ministry-of-transport`]);
    expect(values(result, 'state')).toEqual(['DEU', 'LVA', 'LVA']);
    expect(new Set(values(result, 'provision'))).toEqual(new Set([`${BASE}eli/un/protocol/2000/som/art_8/para_6`]));
    expect(new Set(values(result, 'snapshot'))).toEqual(new Set([`${BASE}graph/directory/confirmed-designations`]));
  },
  'What each named graph holds': (result) => {
    expect(values(result, 'graph')).toEqual(expect.arrayContaining([`${BASE}graph/instrument/untoc`, `${BASE}graph/meta`, `${BASE}graph/themes`]));
  },
  'Disputed claims and what the text says instead': (result) => {
    expect(values(result, 'said')).toContain(`${BASE}eli/un/protocol/2000/som/art_8/para_5`);
    expect(values(result, 'correction')).toContain(`${BASE}eli/un/protocol/2000/som/art_8/para_6`);
  },
};

describe('docs/sparql.md', () => {
  test('has a query in every section it documents, and each is checked here', () => {
    expect(sections.map(([title]) => title).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  test.each(sections)('%s', async (title, query) => {
    EXPECT[title]!(await sparql(kg, query));
  });

  test('the authorities query finds an authority in an example directory graph', async () => {
    const query = sections.find(([title]) => title.startsWith('Authorities'))![1];
    // Example data only: a made-up authority of a made-up State code, designated under SOM art. 8(6).
    const example = new Parser().parse(`
      @prefix ukg: <https://w3id.org/untoc-kg/ontology#> . @prefix eli: <http://data.europa.eu/eli/ontology#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      <${BASE}cna/xxa/example-authority> a ukg:CompetentAuthority ; rdfs:label "Example authority (not real)"@en ;
        ukg:state <${BASE}state/xxa> ; ukg:listedIn <${BASE}graph/directory/example> ;
        ukg:designatedUnder <${BASE}eli/un/protocol/2000/som/art_8/para_6> .
      <${BASE}state/xxa> ukg:alpha3 "XXA" .
    `);
    const result = await sparql([...exportQuads(kg.dataset), ...example], query);
    expect(values(result, 'authority')).toEqual([
      `${BASE}cna/deu/bsh`,
      `${BASE}cna/lva/ministry-of-the-interior`,
      `${BASE}cna/lva/ministry-of-transport`,
      `${BASE}cna/xxa/example-authority`,
    ]);
    expect(values(result, 'state')).toEqual(['DEU', 'LVA', 'LVA', 'XXA']);
  });
});
