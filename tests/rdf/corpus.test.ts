/**
 * Research corpora as RDF: `corpusQuads` writes a corpus into its own named graph with ELI, BIBO, PROV and the few
 * `ukg:` terms (checked by isomorphism against a small hand-written graph); every RDF export and JSON-LD holds it in
 * that graph, selectable by name, described in VoID with its triple count, conforming to ontology/shapes.ttl and
 * readable by rapper; kg.store and SPARQL see it; and `corpusFromQuads` reads the quads back into the same corpus,
 * reporting bad records with the JSON Lines reader's codes.
 *
 * Every record here is synthetic example data, and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, test } from 'vitest';
import { readCorpusLines } from '../../src/corpus/read.js';
import { writeExport } from '../../src/export/formats.js';
import { rdfToString } from '../../src/export/rdf-text.js';
import { corpusFromQuads } from '../../src/import/corpus.js';
import { importRdf } from '../../src/import/rdf.js';
import { parseRdf } from '../../src/import/read.js';
import { ShapesValidator } from '../../src/import/shacl.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import type { Corpus } from '../../src/model/corpus.js';
import { corpusGraphIri, DATASET_IRI, graphIri, linkId } from '../../src/model/ids.js';
import { corpusQuads } from '../../src/rdf/corpus.js';
import { exportDescription, exportQuads } from '../../src/rdf/graphs.js';
import { shapesQuads } from '../../src/rdf/resources.js';
import { sparql } from '../../src/sparql/run.js';
import { DCTERMS, ELI, UKG, VOID, XSD } from '../../src/vocab/terms.js';
import { isomorphicQuads, lines, parseRdf as parseTurtle, rapperAvailable, rapperCount, tripleLines, validateShapes } from '../helpers/rdf.js';

const { namedNode, literal, quad } = DataFactory;
const kg = loadGraph();
const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-corpus-rdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jsonl = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).join('\n');

/** A small hand-written corpus with real-shaped records; every one synthetic, and saying so. */
const EXAMPLE = jsonl([
  { type: 'corpus', id: 'example', title: 'Example corpus (synthetic)', synthetic: true, note: 'Synthetic example data for tests: no record describes a real law or case.' },
  { type: 'source', id: 'sherloc', title: 'SHERLOC case law database (named as an example source)', url: 'https://sherloc.unodc.org' },
  {
    type: 'legislation',
    id: 'EXAMPLE-it-tui',
    state: 'IT',
    title: 'Example law on immigration (synthetic)',
    officialId: 'Example decree no. 1 (synthetic)',
    date: '1998-07-25',
    languages: ['it', 'en'],
    abbreviations: ['TUI'],
    note: 'Synthetic example record.',
  },
  {
    type: 'section',
    legislation: 'EXAMPLE-it-tui',
    number: '12',
    heading: { it: 'Disposizioni (esempio)', en: 'Provisions (example)' },
    text: { it: 'Testo di esempio (sintetico).' },
    implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'Example link (synthetic).' }],
  },
  {
    type: 'section',
    legislation: 'EXAMPLE-it-tui',
    number: '1',
    parent: '12',
    text: { en: 'Synthetic text that gives effect to article 6 of the Smuggling of Migrants Protocol.' },
    implements: [{ provision: 'SOM Protocol art. 6', basis: 'curated', note: 'Example link (synthetic).' }],
  },
  { type: 'section', legislation: 'EXAMPLE-it-tui', number: '12-bis', heading: 'Example heading (synthetic)' },
  {
    type: 'case',
    id: 'EXAMPLE-ITAx041',
    state: 'IT',
    title: 'Example case (synthetic)',
    court: 'Example court (synthetic)',
    decisionDate: '2014-05-12',
    crimeTypes: ['Smuggling of migrants'],
    legalSystem: 'Civil law',
    factSummary: { en: 'Synthetic facts: the example court applied SOM Protocol art. 6(3)(a).', it: 'Fatti sintetici.' },
    charges: [
      { section: 'EXAMPLE-it-tui#12', charge: 'Example charge (synthetic)', verdict: 'Guilty', sentence: 'Example sentence' },
      { charge: 'Second example charge (synthetic)', verdict: 'Acquitted' },
    ],
    sources: ['Example reference (synthetic)'],
    crossCuttingIssues: ['International cooperation'],
    url: 'https://example.org/synthetic-case',
    applies: [
      { provision: 'SOM Protocol art. 6(3)(a)', basis: 'source', source: 'sherloc', locator: 'example locator (synthetic)' },
      { section: 'EXAMPLE-it-tui#12', basis: 'curated', note: 'Example link (synthetic).' },
    ],
    note: 'Synthetic example record.',
  },
  { type: 'case', id: 'SYN-DEU-1', state: 'DE', title: 'Second example case (synthetic)', applies: [{ provision: 'SOM Protocol art. 6', basis: 'curated', note: 'Example link (synthetic).' }] },
]);

const { corpus } = readCorpusLines(kg, EXAMPLE, { deriveCitations: true });
const withCorpus = withCorpora(kg, [corpus]);
const GRAPH = corpusGraphIri('example');
const written = corpusQuads(corpus);

/** A corpus without the input lines its records came from (RDF does not carry them). */
function withoutLines(c: Corpus): unknown {
  const strip = <T extends { line: number }>(records: readonly T[]) => records.map(({ line: _line, ...rest }) => rest);
  return { ...c, legislation: strip(c.legislation), sections: strip(c.sections), cases: strip(c.cases), links: strip(c.links) };
}

test('the example corpus reads, with a derived link among its links', () => {
  expect(corpus.synthetic).toBe(true);
  expect(corpus.sections).toHaveLength(3);
  expect(corpus.links.some((l) => l.derived && l.basis === 'text')).toBe(true);
});

describe('corpusQuads', () => {
  test('one section and its link: isomorphic to the hand-written graph', async () => {
    const small = readCorpusLines(
      kg,
      jsonl([
        { type: 'corpus', id: 'mini', title: 'Minimal example corpus (synthetic)', synthetic: true },
        { type: 'legislation', id: 'EXAMPLE-law', state: 'IT', title: 'Example law (synthetic)', date: '2002-01-31' },
        { type: 'section', legislation: 'EXAMPLE-law', number: '12', heading: { it: 'Esempio' }, implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'Example (synthetic).' }] },
      ]),
    ).corpus;
    const som = 'https://w3id.org/untoc-kg/eli/un/protocol/2000/som/art_6/para_1/point_a';
    const law = 'https://w3id.org/untoc-kg/doc/ita/legislation/example-law';
    const link = linkId('implements', `${law}/art_12`, som, 'mini');
    const expected = parseTurtle(
      `@prefix ukg: <${UKG.$iri}> . @prefix eli: <${ELI.$iri}> . @prefix dcterms: <${DCTERMS.$iri}> .
       @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
       @prefix prov: <http://www.w3.org/ns/prov#> . @prefix xsd: <${XSD.$iri}> .
       <https://w3id.org/untoc-kg/graph/corpus/mini> {
         <https://w3id.org/untoc-kg/graph/corpus/mini> a ukg:Corpus, ukg:Source, prov:Entity ;
           dcterms:identifier "mini" ; dcterms:title "Minimal example corpus (synthetic)" ; ukg:example true .
         <https://w3id.org/untoc-kg/state/ita> a ukg:State ; rdfs:label "Italy"@en ; ukg:alpha2 "IT" ; ukg:alpha3 "ITA" .
         <${law}> a ukg:Legislation, eli:LegalResource ; dcterms:identifier "EXAMPLE-law" ; eli:title "Example law (synthetic)" ;
           eli:jurisdiction <https://w3id.org/untoc-kg/state/ita> ; eli:date_document "2002-01-31"^^xsd:date ; eli:has_part <${law}/art_12> .
         <${law}/art_12> a ukg:Section, eli:LegalResourceSubdivision ; eli:number "12" ; eli:title "Esempio"@it ;
           eli:is_part_of <${law}> ; dcterms:isPartOf <${law}> ; eli:implements <${som}> .
         <${link}> a ukg:Link, rdf:Statement, prov:Entity ; rdf:subject <${law}/art_12> ; rdf:predicate eli:implements ;
           rdf:object <${som}> ; ukg:basis "curated" ; ukg:status "asserted" ;
           prov:wasDerivedFrom <https://w3id.org/untoc-kg/graph/corpus/mini> ; rdfs:comment "Example (synthetic)." .
       }`,
      'application/trig',
    );
    expect(isomorphicQuads(corpusQuads(small), expected)).toBe(true);
  });

  test('every quad is in the corpus graph; texts keep their language, dates are xsd:date', () => {
    expect(written.every((q) => q.graph.value === GRAPH)).toBe(true);
    const summary = written.filter((q) => q.predicate.value === DCTERMS.abstract).map((q) => (q.object as { language: string }).language);
    expect(summary.sort()).toEqual(['en', 'it']);
    const dates = written.filter((q) => q.predicate.value === ELI.date_document || q.predicate.value === DCTERMS.date);
    expect(dates.map((q) => q.object.termType === 'Literal' && q.object.datatype.value)).toEqual([XSD.date, XSD.date]);
    expect(written.some((q) => q.predicate.value === UKG.foundInText)).toBe(true);
  });
});

describe('exports', () => {
  const corpusLines = lines(written);

  test.each([
    ['trig', 'trig'],
    ['nquads', 'nquads'],
    ['jsonld', 'jsonld'],
    ['jsonld-compact', 'jsonld'],
  ] as const)('%s holds the corpus in its own named graph', async (format, readAs) => {
    const parsed = await parseRdf([...writeExport(withCorpus, format)].join(''), readAs);
    expect(lines(parsed.filter((q) => q.graph.value === GRAPH))).toEqual(corpusLines);
    // and nothing of it elsewhere but its States (which graph/states may hold too) and the description in meta
    const elsewhere = parsed.filter((q) => q.graph.value !== GRAPH && q.subject.value.includes('/doc/'));
    expect(elsewhere).toEqual([]);
  });

  test('the curated graph alone exports no corpus graph', () => {
    expect(exportQuads(kg.dataset).some((q) => q.graph.value === GRAPH)).toBe(false);
  });

  test('selectable by name (corpus/example) and by kind (corpus)', () => {
    for (const graphs of [['corpus/example'], ['corpus'], [GRAPH]]) {
      const quads = exportQuads(kg.dataset, { corpora: [corpus], graphs });
      expect(new Set(quads.map((q) => q.graph.value))).toEqual(new Set([GRAPH]));
      expect(lines(quads)).toEqual(corpusLines);
    }
    expect(() => exportQuads(kg.dataset, { corpora: [corpus], graphs: ['corpus/exampel'] })).toThrow(expect.objectContaining({ code: 'unknown_graph', suggestions: expect.arrayContaining(['corpus/example']) }));
  });

  test('VoID lists the corpus graph as a subset with its triple count, and keeps its own title', async () => {
    for (const description of [exportDescription(kg.dataset, { corpora: [corpus] }), await parseRdf([...writeExport(withCorpus, 'void')].join(''), 'turtle')]) {
      const about = (s: string, p: string) => description.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
      expect(about(DATASET_IRI, VOID.subset)).toContain(GRAPH);
      expect(about(GRAPH, VOID.triples)).toEqual([String(corpusLines.length)]);
      expect(about(GRAPH, DCTERMS.title)).toEqual([]);
    }
    expect(exportDescription(kg.dataset).some((q) => q.object.value === GRAPH)).toBe(false);
  });

  test('the export conforms to ontology/shapes.ttl (rdf-validate-shacl and the import validator), and so does the corpus graph alone', async () => {
    const data = exportQuads(kg.dataset, { corpora: [corpus] }).filter((q) => q.graph.value !== graphIri('meta'));
    const merged = data.map((q) => quad(q.subject, q.predicate, q.object));
    const report = await validateShapes(merged);
    expect(report.results).toEqual([]);
    expect(new ShapesValidator(shapesQuads()).validate(merged)).toEqual([]);
    expect(new ShapesValidator(shapesQuads()).validate(written.map((q) => quad(q.subject, q.predicate, q.object)))).toEqual([]);
  });

  test('the shapes catch a broken corpus: a law without its State, a case date that is no xsd:date', () => {
    const law = corpus.legislation[0]!.iri;
    const broken = [
      ...written.filter((q) => !(q.subject.value === law && q.predicate.value === ELI.jurisdiction) && q.predicate.value !== DCTERMS.date),
      quad(namedNode(corpus.cases[0]!.iri), namedNode(DCTERMS.date), literal('12 May 2014')),
    ];
    const violations = new ShapesValidator(shapesQuads()).validate(broken).map((v) => `${v.focus} ${v.path}`);
    expect(violations).toEqual(expect.arrayContaining([`${law} ${ELI.jurisdiction}`, `${corpus.cases[0]!.iri} ${DCTERMS.date}`]));
  });

  test.runIf(rapperAvailable || !!process.env['CI']).each([
    ['nquads', 'nquads'],
    ['trig', 'trig'],
    ['ntriples', 'ntriples'],
  ] as const)('rapper reads the corpus export (%s): as many triples as were written', (format, syntax) => {
    const quads = exportQuads(kg.dataset, { corpora: [corpus] });
    const file = join(dir, `corpus.${format}`);
    writeFileSync(file, [...writeExport(withCorpus, format)].join(''));
    expect(rapperCount(file, syntax)).toBe(format === 'ntriples' ? tripleLines(quads).length : lines(quads).length);
  });
});

describe('kg.store and SPARQL see the corpus', () => {
  test('kg.store holds the corpus quads in the corpus graph, beside the curated triples', () => {
    const store = withCorpus.store;
    expect(store.getQuads(null, null, null, namedNode(GRAPH)).length).toBe(corpusLines.length);
    expect(store.size).toBe(kg.store.size + corpusLines.length);
    expect(store.getQuads(null, namedNode(ELI.implements), null, null).length).toBe(corpus.links.filter((l) => l.property === 'implements').length);
  });

  const corpusLines = lines(written);

  test('sparql(kg) over a graph with corpora, and GRAPH reaches the corpus', async () => {
    const result = await sparql(withCorpus, 'SELECT DISTINCT ?section WHERE { GRAPH ?g { ?section eli:implements ?p } ?p a ukg:Provision } ORDER BY ?section');
    expect(result.kind === 'select' && result.rows.map((r) => r['section']!.value)).toEqual(corpus.sections.filter((s) => corpus.links.some((l) => l.from === s.iri)).map((s) => s.iri).sort());
    expect(await sparql(kg, 'ASK { ?s ukg:applies ?o }')).toEqual({ kind: 'ask', value: false });
  });
});

describe('corpusFromQuads: reading back', () => {
  test.each(['nquads', 'trig'] as const)('JSON Lines → corpus → %s → corpus gives the same corpus', async (format) => {
    const quads = await parseRdf(rdfToString(written, format), format);
    const back = corpusFromQuads(kg, quads);
    expect(back.errors).toEqual([]);
    expect(withoutLines(back.corpus)).toEqual(withoutLines(corpus));
  });

  test('from the whole export, in graphs (TriG) or merged (N-Triples), the same corpus', async () => {
    for (const [format, readAs] of [['trig', 'trig'], ['ntriples', 'ntriples']] as const) {
      const quads = await parseRdf([...writeExport(withCorpus, format)].join(''), readAs);
      expect(withoutLines(corpusFromQuads(kg, quads).corpus), format).toEqual(withoutLines(corpus));
    }
  });

  test('importRdf of an export brings each corpus graph back as a loaded corpus', async () => {
    const imported = await importRdf([...writeExport(withCorpus, 'trig')].join(''), { format: 'trig', name: 'export.trig' });
    expect(imported.corpus.corpora.map(withoutLines)).toEqual([withoutLines(corpus)]);
    expect(imported.dataset.provisions.length).toBe(kg.dataset.provisions.length);
    expect(lines(exportQuads(imported.dataset, { corpora: imported.corpus.corpora, graphs: ['corpus'] }))).toEqual(lines(written));
  });

  test('the line of a record is the line of its first quad in an N-Quads file', async () => {
    const text = rdfToString(written, 'nquads');
    const back = corpusFromQuads(kg, await parseRdf(text, 'nquads')).corpus;
    const law = back.legislation[0]!;
    expect(text.split('\n')[law.line - 1]).toMatch(new RegExp(`^<${law.iri}> `));
  });

  const section = corpus.sections[0]!.iri;
  const implementsLink = corpus.links.find((l) => l.from === section && l.property === 'implements')!;
  const law = corpus.legislation[0]!.iri;
  const charge = `${corpus.cases[0]!.iri}/charge_1`;
  const edit = (drop: (q: Quad) => boolean, ...add: Quad[]) => [...written.filter((q) => !drop(q)), ...add.map((q) => quad(q.subject, q.predicate, q.object, namedNode(GRAPH)))];
  const unknownArticle = implementsLink.to.replace(/art_6.*/, 'art_99');

  test.each([
    [
      'an unknown provision, with the nearest ones',
      () => edit((q) => q.subject.value === implementsLink.id && q.predicate.value.endsWith('#object'), quad(namedNode(implementsLink.id), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#object'), namedNode(unknownArticle))),
      implementsLink.id,
      'unknown_provision',
    ],
    ['an unknown State', () => edit((q) => q.subject.value === law && q.predicate.value === ELI.jurisdiction, quad(namedNode(law), namedNode(ELI.jurisdiction), namedNode('https://w3id.org/untoc-kg/state/xxa'))), law, 'unknown_state'],
    ['a bad date', () => edit((q) => q.subject.value === law && q.predicate.value === ELI.date_document, quad(namedNode(law), namedNode(ELI.date_document), literal('2024-02-30', namedNode(XSD.date)))), law, 'bad_date'],
    ['a charge under an unknown section', () => edit((q) => q.subject.value === charge && q.predicate.value === UKG.chargedUnder, quad(namedNode(charge), namedNode(UKG.chargedUnder), namedNode(`${law}/art_99`))), charge, 'unknown_section'],
    ['a property a law does not have', () => edit(() => false, quad(namedNode(law), namedNode(UKG.court), literal('Example'))), law, 'unknown_field'],
    ['a law without a title', () => edit((q) => q.subject.value === law && q.predicate.value === ELI.title), law, 'missing_value'],
    ['a section that is part of its own part', () => edit((q) => q.subject.value === section && q.predicate.value === ELI.is_part_of, quad(namedNode(section), namedNode(ELI.is_part_of), namedNode(`${section}/para_1`))), section, 'invalid_value'],
  ] as const)('%s is reported with the subject as field, and nothing is loaded', (_name, broken, field, code) => {
    const quads = broken();
    let thrown: unknown;
    try {
      corpusFromQuads(kg, quads, { name: 'example.nq' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'corpus_invalid', errors: expect.arrayContaining([expect.objectContaining({ field, code })]) });
    const kept = corpusFromQuads(kg, quads, { keepGood: true });
    expect(kept.errors.map((e) => e.code)).toContain(code);
    if (code === 'unknown_provision') {
      const error = (thrown as { errors: { code: string; suggestions?: string[] }[] }).errors.find((e) => e.code === code)!;
      expect(error.suggestions).toContain(implementsLink.to.replace(/art_6.*/, 'art_9'));
      expect(kept.corpus.links.some((l) => l.id === implementsLink.id)).toBe(false);
    }
    if (code === 'unknown_state') expect(kept.corpus.legislation).toEqual([]);
  });

  test('quads that hold two corpora need the id of the one to read', async () => {
    const other = readCorpusLines(kg, jsonl([{ type: 'corpus', id: 'other', title: 'Other example corpus (synthetic)', synthetic: true }])).corpus;
    const both = [...written, ...corpusQuads(other)];
    expect(() => corpusFromQuads(kg, both)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(withoutLines(corpusFromQuads(kg, both, { id: 'example' }).corpus)).toEqual(withoutLines(corpus));
    expect(corpusFromQuads(kg, both, { id: 'other' }).corpus.title).toBe('Other example corpus (synthetic)');
  });
});
