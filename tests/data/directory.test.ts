/**
 * The directory as data: the shipped categories, designations and participation figures are the facts domain.md
 * confirms, each with its source; participation files are checked; and the RDF (one named graph per snapshot,
 * conforming to the shapes) and the graphology graph hold the authorities.
 */
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/bundled.js';
import { importDirectory } from '../../src/directory/import.js';
import { isDataValidationError, type DataIssue } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/build.js';
import { loadGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { ORG, PROV, RDF, RDFS, SKOS, UKG, VCARD, XSD } from '../../src/vocab/terms.js';
import { lines, parseRdf, validateShapes } from '../helpers/rdf.js';

const dataset = bundledDataset();
const kg = loadGraph();
const SOM = 'https://w3id.org/untoc-kg/eli/un/protocol/2000/som';

describe('the shipped categories (domain.md §9.2)', () => {
  test('one per part of the cna-directory tool, each with its basis', () => {
    const parts = dataset.parts.filter((p) => p.tool === 'cna-directory').map((p) => p.path);
    expect(dataset.categories.map((c) => c.id).sort()).toEqual([...parts].sort());
    expect(Object.fromEntries(dataset.categories.map((c) => [c.id, c.basis]))).toEqual({
      extradition: 'no-designation-clause',
      'mutual-legal-assistance': 'designation-clause',
      prevention: 'designation-clause',
      'transfer-of-sentenced-persons': 'no-designation-clause',
      'illicit-traffic-by-sea': 'designation-clause',
      'smuggling-of-migrants-by-sea': 'designation-clause',
      firearms: 'unconfirmed',
      'cultural-property': 'unconfirmed',
    });
    // Each basis with the sources that confirm it: the 1988 Convention's clauses come from its own text (S3).
    expect(Object.fromEntries(dataset.categories.map((c) => [c.id, c.sources]))).toEqual({
      extradition: ['S1', 'S3', 'S6'],
      'mutual-legal-assistance': ['S1', 'S3'],
      prevention: ['S1'],
      'transfer-of-sentenced-persons': ['S1', 'S3'],
      'illicit-traffic-by-sea': ['S3'],
      // State practice (Germany, Latvia) cites paragraph 6; the travaux préparatoires (S11) show a draft's paragraph 5.
      'smuggling-of-migrants-by-sea': ['S2', 'whatconvention-de', 'latvia-som-law', 'S11'],
      firearms: ['S6', 'firearms-text'],
      'cultural-property': ['S6'],
    });
  });

  test('the clauses behind them, and a designation is inferred only where the clause is confirmed and alone', () => {
    const tail = (ids: readonly string[]) => ids.map((id) => id.replace(/^.*\/eli\/un\//, ''));
    const of = (id: string) => kg.index.categories.get(id)!;
    expect(tail(of('smuggling-of-migrants-by-sea').designatedUnder)).toEqual(['protocol/2000/som/art_8/para_6']);
    expect(tail(of('mutual-legal-assistance').designatedUnder)).toEqual(['convention/2000/untoc/art_18/para_13', 'convention/1988/drugs/art_7/para_8']);
    expect(tail(of('illicit-traffic-by-sea').designatedUnder)).toEqual(['convention/1988/drugs/art_17/para_7']);
    expect(tail(of('prevention').designatedUnder)).toEqual(['convention/2000/untoc/art_31/para_6']);
    expect(tail(of('extradition').related)).toEqual(['convention/2000/untoc/art_16', 'convention/1988/drugs/art_6']);
    expect(of('cultural-property').designatedUnder).toEqual([]);
    // Unconfirmed (domain.md §9.2: memory): no clause is named for firearms.
    expect(of('firearms').designatedUnder).toEqual([]);
    expect(dataset.categories.filter((c) => c.inferDesignation).map((c) => c.id).sort()).toEqual(['illicit-traffic-by-sea', 'prevention', 'smuggling-of-migrants-by-sea']);
  });
});

describe('the shipped designations and participation figures', () => {
  test('Germany (the BSH, Hamburg; whatconvention-de) and Latvia (two ministries; its approving law) designated under SOM art. 8(6); nothing else is shipped', () => {
    expect(dataset.authorities).toEqual([
      expect.objectContaining({
        id: 'https://w3id.org/untoc-kg/cna/deu/bsh',
        name: 'Bundesamt für Seeschifffahrt und Hydrographie',
        state: 'DE',
        city: 'Hamburg',
        designatedUnder: [`${SOM}/art_8/para_6`],
        source: 'whatconvention-de',
      }),
      // sources-2.md §6: Latvia's law approving the Protocol, art. 2 (a machine translation).
      expect.objectContaining({
        id: 'https://w3id.org/untoc-kg/cna/lva/ministry-of-the-interior',
        name: 'Ministry of the Interior',
        state: 'LV',
        designatedUnder: [`${SOM}/art_8/para_6`],
        source: 'latvia-som-law',
      }),
      expect.objectContaining({
        id: 'https://w3id.org/untoc-kg/cna/lva/ministry-of-transport',
        name: 'Ministry of Transport',
        state: 'LV',
        designatedUnder: [`${SOM}/art_8/para_6`],
        source: 'latvia-som-law',
      }),
    ]);
    for (const authority of dataset.authorities) {
      for (const field of ['address', 'phone', 'email', 'website', 'hours', 'timeZone', 'urgentViaInterpol', 'updated'] as const) expect(authority[field]).toBeUndefined();
      expect(authority.locator).toBeDefined();
    }
    expect(dataset.snapshots.every((s) => !s.example)).toBe(true);
  });

  test('the UN Treaty Collection figures, with their "as at" dates and sources (domain.md §10.1); no per-State records', () => {
    expect(dataset.participationFigures.map(({ instrument, signatories, parties, asOf, source }) => ({ instrument, signatories, parties, asOf, source }))).toEqual([
      { instrument: 'untoc', signatories: 147, parties: 192, asOf: '2024-05-04', source: 'S5' },
      { instrument: 'som-protocol', signatories: 112, parties: 152, asOf: '2024-04-26', source: 'S4' },
    ]);
    expect(dataset.participation).toEqual([]);
  });
});

describe('directory data files are checked', () => {
  const entry = { name: 'Example Authority (example data)', state: 'DE', categories: ['prevention'] };
  const issuesOf = (data: unknown): DataIssue[] => {
    try {
      buildDataset([{ file: 'd.yaml', data }], { base: dataset });
    } catch (error) {
      if (isDataValidationError(error)) return [...error.issues];
      throw error;
    }
    return [];
  };

  test('a snapshot without a source whose entries name none: one issue, not one per entry', () => {
    expect(issuesOf({ type: 'directory', asOf: '2000-01-01', example: true, authorities: [entry, { ...entry, name: 'Other (example data)' }] })).toEqual([
      expect.objectContaining({ code: 'missing_source', path: ['source'] }),
    ]);
  });

  test('a snapshot needs a date or an id; an entry needs a category or a provision', () => {
    expect(issuesOf({ type: 'directory', source: 'S6', authorities: [] }).map((i) => [i.code, i.path.join('.')])).toEqual([['custom', 'asOf']]);
    const { categories: _, ...bare } = entry;
    expect(issuesOf({ type: 'directory', id: 'x', source: 'S6', authorities: [bare] }).map((i) => [i.code, i.path.join('.')])).toEqual([['custom', 'authorities.0.categories']]);
  });

  test('a provision that is no category\'s designation clause, given without a category', () => {
    const { categories: _, ...bare } = entry;
    expect(issuesOf({ type: 'directory', id: 'x', source: 'S6', authorities: [{ ...bare, provisions: ['UNTOC art. 27'] }] })).toEqual([
      expect.objectContaining({ code: 'missing_category', path: ['authorities', 0, 'categories'] }),
    ]);
  });
});

describe('participation files are checked', () => {
  // Example data: the dates and the source are invented.
  const sources = { file: 's.yaml', data: { type: 'sources', sources: [{ id: 'example-status', title: 'Example status list (example data)' }] } };
  const file = (records: unknown[]) => ({ type: 'participation', id: 'example-participation', example: true, records });
  const record = { state: 'DE', instrument: 'untoc', signature: '2000-01-01', consent: 'ratification', consentDate: '2001-01-01', asOf: '2002-01-01', source: 'example-status', note: 'example data' };
  const issuesOf = (records: unknown[]): DataIssue[] => {
    try {
      buildDataset([sources, { file: 'p.yaml', data: file(records) }], { base: dataset });
    } catch (error) {
      if (isDataValidationError(error)) return [...error.issues];
      throw error;
    }
    return [];
  };

  test('a good record loads, with its State', () => {
    const d = buildDataset([sources, { file: 'p.yaml', data: file([record]) }], { base: dataset });
    expect(d.participation).toEqual([expect.objectContaining({ state: 'DE', instrument: 'untoc', consent: { kind: 'ratification', date: '2001-01-01' }, example: true })]);
  });

  test.each([
    [{ state: 'DX' }, 'invalid_state', ['records', 0, 'state']],
    [{ instrument: 'untok' }, 'unknown_instrument', ['records', 0, 'instrument']],
    [{ consentDate: '2003-01-01' }, 'date_after_as_of', ['records', 0, 'consentDate']],
    [{ consentDate: '1999-01-01' }, 'invalid_date', ['records', 0, 'consentDate']],
    [{ consent: undefined }, 'custom', ['records', 0, 'consentDate']],
    [{ source: 'nowhere' }, 'unknown_source', ['records', 0, 'source']],
  ])('%o → %s', (change, code, path) => {
    expect(issuesOf([{ ...record, ...change }])).toEqual([expect.objectContaining({ code, path })]);
  });

  test('the same record twice', () => {
    expect(issuesOf([record, record])).toEqual([expect.objectContaining({ code: 'duplicate_record', path: ['records', 1] })]);
  });
});

describe('the RDF of the directory', () => {
  const { namedNode, literal, quad } = DataFactory;
  const imported = importDirectory(
    'id,name,state,categories,email,urgentViaInterpol,updated\r\nexample,Example Authority (example data),FRA,illicit-traffic-by-sea,a@example.org,yes,2000-01-01\r\n',
    { asOf: '2000-01-01', example: true, source: { id: 'example-source', title: 'Example source (example data)' } },
  );
  const quads = datasetQuads(imported.dataset, { graphs: true });
  const A = 'https://w3id.org/untoc-kg/cna/fra/example';
  const G = 'https://w3id.org/untoc-kg/graph/directory/2000-01-01';

  test('an imported authority, triple by triple, in its snapshot\'s named graph', () => {
    const got = lines(quads.filter((q) => q.subject.value === A));
    const expected = lines(
      parseRdf(
        `
        @prefix ukg: <${UKG.$iri}> . @prefix org: <${ORG.$iri}> . @prefix vcard: <${VCARD.$iri}> . @prefix rdfs: <${RDFS.$iri}> .
        @prefix skos: <${SKOS.$iri}> . @prefix prov: <${PROV.$iri}> . @prefix xsd: <${XSD.$iri}> . @prefix dcterms: <http://purl.org/dc/terms/> .
        <${G}> {
          <${A}> a ukg:CompetentAuthority, org:Organization ; rdfs:label "Example Authority (example data)" ;
            skos:prefLabel "Example Authority (example data)" ; ukg:state <https://w3id.org/untoc-kg/state/fra> ;
            ukg:listedIn <${G}> ; ukg:category <https://w3id.org/untoc-kg/tool/cna-directory/illicit-traffic-by-sea> ;
            ukg:designatedUnder <https://w3id.org/untoc-kg/eli/un/convention/1988/drugs/art_17/para_7> ; ukg:designationInferred true ;
            vcard:hasEmail <mailto:a@example.org> ; ukg:urgentViaInterpol true ; dcterms:modified "2000-01-01"^^xsd:date ;
            prov:wasDerivedFrom <https://w3id.org/untoc-kg/source/example-source> .
        }`,
        'application/trig',
      ),
    );
    expect(got).toEqual(expected);
  });

  test('the snapshot, the States and the figures are in their own graphs', () => {
    const graphOf = (s: string) => new Set(quads.filter((q) => q.subject.value === s).map((q) => q.graph.value));
    expect(graphOf(G)).toEqual(new Set([G]));
    expect(graphOf('https://w3id.org/untoc-kg/state/fra')).toEqual(new Set(['https://w3id.org/untoc-kg/graph/states']));
    expect(graphOf('https://w3id.org/untoc-kg/cna/deu/bsh')).toEqual(new Set(['https://w3id.org/untoc-kg/graph/directory/confirmed-designations']));
    const parties = quads.filter((q) => q.predicate.value === RDF.value && q.object.value === '192');
    expect(parties.map((q) => q.graph.value)).toEqual(['https://w3id.org/untoc-kg/graph/participation/untc-status']);
    expect(quads.some((q) => q.subject.value === G && q.predicate.value === UKG.example && q.object.value === 'true')).toBe(true);
  });

  test('conforms to ontology/shapes.ttl, and the shapes reject an authority with no State or a bad e-mail', async () => {
    const plain = datasetQuads(imported.dataset);
    expect((await validateShapes(plain)).results).toEqual([]);
    const broken = plain
      .filter((q) => !(q.subject.value === A && q.predicate.value === UKG.state))
      .concat([quad(namedNode(A), namedNode(VCARD.hasEmail), literal('a@example.org'))]);
    const report = await validateShapes(broken);
    expect([...new Set(report.results.map((r) => `${r.focus} ${r.path}`))].sort().map((r) => r.split(' '))).toEqual([
      [A, VCARD.hasEmail],
      [A, UKG.state],
    ]);
  });

  test('the graphology graph links the authority to its provision, category and State', () => {
    const graph = buildGraph(imported.dataset);
    expect(graph.getNodeAttributes(A)).toEqual({ kind: 'authority', label: 'Example Authority (example data)', state: 'FR' });
    expect(graph.outEdges(A).map((e) => graph.getEdgeAttributes(e).kind).sort()).toEqual(['category', 'designatedUnder', 'state']);
    expect(graph.getNodeAttributes('https://w3id.org/untoc-kg/state/deu')).toMatchObject({ kind: 'state', label: 'Germany', alpha3: 'DEU' });
    expect(graph.inNeighbors(`${SOM}/art_8/para_6`)).toContain('https://w3id.org/untoc-kg/cna/deu/bsh');
  });
});
