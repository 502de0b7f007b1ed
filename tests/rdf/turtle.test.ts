/**
 * The Turtle export: an independent parser (rapper) reads the same number of triples the N3 Store holds, it reads
 * back into the same graph, and it conforms to ontology/shapes.ttl, which does reject broken graphs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { toTurtle } from '../../src/export/turtle.js';
import { loadGraph } from '../../src/kg.js';
import { instrumentAsProvision } from '../../src/model/ids.js';
import { buildDataset } from '../../src/load/build.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { UKG, RDFS, ELI, DCTERMS, RDF, PROV } from '../../src/vocab/terms.js';
import { runCli } from '../helpers/io.js';
import { lines, parseRdf, rapperAvailable, rapperCount, tripleLines, validateShapes } from '../helpers/rdf.js';
import { exportQuads } from '../../src/rdf/graphs.js';

const kg = loadGraph();
const quads = kg.store.getQuads(null, null, null, null);
const turtle = toTurtle(quads);
const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-ttl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Turtle export of the curated graph', () => {
  test('reads back into exactly the triples of the store', () => {
    expect(lines(parseRdf(turtle))).toEqual(lines(quads));
    expect(kg.store.size).toBeGreaterThan(5000);
  });

  test.runIf(!rapperAvailable && !process.env['CI'])('rapper check skipped: rapper is not installed (run .ci/install-test-tools)', () => {
    console.warn('rapper not installed: run .ci/install-test-tools');
  });
  test.runIf(rapperAvailable || !!process.env['CI'])('rapper (raptor2-utils) reads as many triples as the store holds', () => {
    const file = join(dir, 'graph.ttl');
    writeFileSync(file, turtle);
    expect(rapperCount(file, 'turtle')).toBe(kg.store.size);
  });

  test('conforms to ontology/shapes.ttl', async () => {
    const report = await validateShapes(quads);
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  test('untoc-kg export --format turtle --out FILE writes it, with the ontology and the description', async () => {
    const file = join(dir, 'cli.ttl');
    const result = await runCli('export', '--format', 'turtle', '--out', file);
    expect(result.code).toBe(0);
    expect(lines(parseRdf(readFileSync(file, 'utf8')))).toEqual(tripleLines(exportQuads(kg.dataset)));
  });

  test('an unknown format is a usage error naming the formats', async () => {
    const result = await runCli('export', '--format', 'rdfxml');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown format "rdfxml".*turtle.*\[unsupported_format\]/);
  });
});

describe('the shapes reject what the export must never contain', () => {
  const { namedNode, literal, quad } = DataFactory;
  const article = kg.index.provisionRecord(kg.index.childrenOf(instrumentAsProvision(kg.index.instrumentRecord('untoc')!.iri))[26]!)!.id;
  const link = kg.dataset.links[0]!.id;

  test('a provision without a label', async () => {
    const broken = quads.filter((q) => !(q.subject.value === article && q.predicate.value === RDFS.label));
    const report = await validateShapes(broken);
    expect(report.conforms).toBe(false);
    expect(report.results).toEqual([expect.objectContaining({ focus: article, path: RDFS.label })]);
  });

  test('a link with an unknown basis and no source', async () => {
    const broken = quads
      .filter((q) => !(q.subject.value === link && (q.predicate.value === UKG.basis || q.predicate.value === PROV.wasDerivedFrom)))
      .concat([quad(namedNode(link), namedNode(UKG.basis), literal('rumour'))]);
    const report = await validateShapes(broken);
    expect(report.results.map((r) => r.path).sort()).toEqual([UKG.basis, PROV.wasDerivedFrom].sort());
  });

  test('a provision with two subdivision types', async () => {
    const broken = [...quads, quad(namedNode(article), namedNode(ELI.type_subdivision), namedNode(UKG.Paragraph))];
    expect((await validateShapes(broken)).results).toEqual([expect.objectContaining({ focus: article, path: ELI.type_subdivision })]);
  });
});

describe('the RDF of a small dataset, triple by triple', () => {
  const dataset = buildDataset([
    { file: 'sources.yaml', data: { type: 'sources', sources: [{ id: 'src', title: 'A source' }] } },
    {
      file: 'i.yaml',
      data: {
        type: 'instrument',
        id: 'tiny',
        eli: 'eli/test/treaty/2024/tiny',
        kind: 'convention',
        title: 'Tiny Treaty',
        abbreviation: 'TT',
        structure: { completeness: 'complete', sources: ['src'] },
        articles: [{ number: 1, heading: 'Only', paragraphs: [1] }],
      },
    },
  ]);
  const base = 'https://w3id.org/untoc-kg/eli/test/treaty/2024/tiny';

  test('an instrument and its article and paragraph, with ELI and Dublin Core hierarchy both', () => {
    const got = lines(datasetQuads(dataset).filter((q) => q.subject.value.startsWith(base) || q.object.value.startsWith(base)));
    const expected = lines(
      parseRdf(`
        @prefix ukg: <${UKG.$iri}> . @prefix eli: <${ELI.$iri}> . @prefix dcterms: <${DCTERMS.$iri}> .
        @prefix rdfs: <${RDFS.$iri}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix prov: <${PROV.$iri}> .
        <${base}> a ukg:Instrument, eli:LegalResource ; dcterms:title "Tiny Treaty"@en ; rdfs:label "TT"@en ;
          dcterms:alternative "TT"@en ; dcterms:identifier "tiny" ; ukg:completeness "complete" ;
          prov:wasDerivedFrom <https://w3id.org/untoc-kg/source/src> ;
          eli:has_part <${base}/art_1> ; dcterms:hasPart <${base}/art_1> .
        <${base}/art_1> a ukg:Provision, eli:LegalResourceSubdivision ; eli:type_subdivision ukg:Article ;
          eli:number "1" ; skos:notation "art_1" ; dcterms:identifier "art_1" ; rdfs:label "TT art. 1"@en ;
          dcterms:title "Only"@en ; eli:is_part_of <${base}> ; dcterms:isPartOf <${base}> ;
          eli:has_part <${base}/art_1/para_1> ; dcterms:hasPart <${base}/art_1/para_1> .
        <${base}/art_1/para_1> a ukg:Provision, eli:LegalResourceSubdivision ; eli:type_subdivision ukg:Paragraph ;
          eli:number "1" ; skos:notation "art_1__para_1" ; dcterms:identifier "art_1__para_1" ; rdfs:label "TT art. 1(1)"@en ;
          eli:is_part_of <${base}/art_1> ; dcterms:isPartOf <${base}/art_1> .
      `),
    );
    expect(got).toEqual(expected);
    void RDF;
  });
});
