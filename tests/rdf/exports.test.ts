/**
 * The RDF and JSON-LD exports, checked by independent readers: every format read back (N3 for the RDF text formats,
 * jsonld.js for JSON-LD) is exactly the graph written, on the curated graph and on a generated one six times its
 * size; rapper (raptor2-utils) reads as many triples as were written; the description's counts are the real ones;
 * every export conforms to ontology/shapes.ttl; the named graphs are the ones DESIGN.md lists.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, test } from 'vitest';
import { writeExport, type ExportFormat } from '../../src/export/formats.js';
import { writeJsonLd, framedDocuments } from '../../src/export/jsonld.js';
import { rdfToString, writeRdf, type RdfFormat } from '../../src/export/rdf-text.js';
import { KnowledgeGraph, loadGraph } from '../../src/kg.js';
import { DATASET_IRI, graphIri, graphName, mintEid, parseEid, provisionId } from '../../src/model/ids.js';
import { exportQuads, selectGraphs } from '../../src/rdf/graphs.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { parseRdf } from '../../src/import/read.js';
import { generatedGraph } from '../helpers/generated.js';
import { DCTERMS, ELI, RDF, RDFS, UKG, VOID } from '../../src/vocab/terms.js';
import { isomorphicQuads, lines, rapperAvailable, rapperCount, tripleLines, validateShapes, ROUND_TRIP_FORMATS } from '../helpers/rdf.js';

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const curated = loadGraph();
const generated = generatedGraph(50_000, 7);

const FORMATS = ROUND_TRIP_FORMATS;

const texts = new Map<string, string>();
function exported(name: string, kg: KnowledgeGraph, format: ExportFormat): string {
  const key = `${name}/${format}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = [...writeExport(kg, format)].join('')));
  return text;
}

describe.each([
  ['curated', curated],
  ['generated', generated],
] as const)('the %s graph', (name, kg) => {
  const expected = exportQuads(kg.dataset);

  test('is the size it should be', () => {
    expect(tripleLines(expected).length).toBeGreaterThan(name === 'curated' ? 10_000 : 55_000);
  });

  test.each(FORMATS)('%s, read back, is exactly the graph written', async (format, readAs, graphs) => {
    const parsed = await parseRdf(exported(name, kg, format), readAs);
    if (graphs) expect(lines(parsed)).toEqual(lines(expected));
    else expect(tripleLines(parsed)).toEqual(tripleLines(expected));
  });

  test('JSON-LD, expanded to RDF by jsonld.js, is isomorphic to the Turtle', async () => {
    const turtle = await parseRdf(exported(name, kg, 'turtle'), 'turtle');
    for (const format of ['jsonld', 'jsonld-compact'] as const) {
      const rdf = await parseRdf(exported(name, kg, format), 'jsonld');
      expect(isomorphicQuads(rdf, turtle, true)).toBe(true);
    }
  });

  test.runIf(rapperAvailable || !!process.env['CI']).each([
    ['turtle', 'turtle'],
    ['ntriples', 'ntriples'],
    ['nquads', 'nquads'],
    ['trig', 'trig'],
  ] as const)('rapper reads from %s as many triples as were written', (format, syntax) => {
    const file = join(dir, `${name}.${format}`);
    writeFileSync(file, exported(name, kg, format));
    const count = FORMATS.find((f) => f[0] === format)![2] ? lines(expected).length : tripleLines(expected).length;
    expect(rapperCount(file, syntax)).toBe(count);
  });

  test('the description counts what is there: distinct triples, and distinct quads per named graph', async () => {
    const description = expected.filter((q) => q.graph.value === graphIri('meta') && (q.subject.value === DATASET_IRI || graphName(q.subject.value)));
    const count = (subject: string) => Number(description.find((q) => q.subject.value === subject && q.predicate.value === VOID.triples)?.object.value);
    expect(count(DATASET_IRI)).toBe(tripleLines(expected).length);
    const graphs = new Set(expected.map((q) => q.graph.value));
    for (const g of graphs) expect(count(g), g).toBe(lines(expected.filter((q) => q.graph.value === g)).length);
    // The `void` format writes the same description on its own.
    const alone = await parseRdf(exported(name, kg, 'void'), 'turtle');
    expect(tripleLines(alone)).toEqual(tripleLines(description));
  });

  test('the named graphs are one per instrument, tool, directory snapshot and participation file, with themes, States, sources and meta', () => {
    const names = new Set(expected.map((q) => graphName(q.graph.value)));
    const d = kg.dataset;
    const wanted = [
      ...d.instruments.map((i) => `instrument/${i.id}`),
      ...d.tools.map((t) => `tool/${t.id}`),
      ...d.snapshots.map((s) => `directory/${s.id}`),
      ...new Set([...d.participation, ...d.participationFigures].map((p) => `participation/${p.file}`)),
      ...(d.states.length > 0 ? ['states'] : []),
      'themes',
      'sources',
      'meta',
    ];
    expect([...names].sort()).toEqual(wanted.sort());
    // Every quad of the data is in its graph; the meta graph holds the ontology.
    expect(expected.some((q) => q.graph.value === graphIri('meta') && q.subject.value === UKG.addresses && q.predicate.value === RDFS.label)).toBe(true);
    expect(expected.every((q) => q.graph.termType === 'NamedNode')).toBe(true);
  });

  test('the writers stream: the output comes in many chunks of about 64 KiB', () => {
    const chunks = [...writeRdf(expected, 'nquads')];
    expect(chunks.length).toBeGreaterThan(name === 'curated' ? 20 : 80);
    expect(Math.max(...chunks.slice(0, -1).map((c) => c.length))).toBeLessThan(80_000);
    expect([...writeJsonLd(expected, 'compacted')].length).toBeGreaterThan(5);
  });
});

describe('every export conforms to ontology/shapes.ttl', () => {
  test.each(FORMATS)('%s', async (format, readAs) => {
    const data = (await parseRdf(exported('curated', curated, format), readAs)).filter((q) => q.graph.value !== graphIri('meta'));
    const report = await validateShapes(data.map((q) => quad(q.subject, q.predicate, q.object)));
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });
});

describe('the writers, on a small graph with blank nodes, named graphs and awkward literals', () => {
  const g = namedNode('https://w3id.org/untoc-kg/graph/themes');
  const b1 = blankNode('x1');
  const b2 = blankNode('weird-label.with.dots');
  const quads: Quad[] = [
    quad(namedNode('https://example.org/a'), namedNode('https://example.org/p'), literal('quote " backslash \\ newline \n cr \r tab \t bell \u0007 é 中文 🙂')),
    quad(namedNode('https://example.org/a'), namedNode('https://example.org/p'), literal('English', 'en-GB')),
    quad(namedNode('https://example.org/a'), namedNode('https://example.org/p'), literal('5', namedNode('http://www.w3.org/2001/XMLSchema#integer'))),
    quad(namedNode('https://example.org/a'), namedNode(RDF.type), namedNode('https://example.org/Thing')),
    quad(namedNode('https://example.org/a'), namedNode('https://example.org/q'), b1, g),
    quad(b1, namedNode('https://example.org/r'), b2, g),
    quad(b2, namedNode('https://example.org/r'), literal(''), g),
    quad(namedNode('https://example.org/ü/a~b'), namedNode(DCTERMS.title), literal('an IRI with a non-ASCII letter'), defaultGraph()),
    quad(namedNode(ELI.$iri + 'x'), namedNode(UKG.basis), literal('prefixed names'), g),
    quad(namedNode('https://w3id.org/untoc-kg/ontology#'), namedNode(UKG.basis), literal('an empty local name'), g),
  ];

  test.each(['turtle', 'trig', 'ntriples', 'nquads'] as RdfFormat[])('%s reads back isomorphic', async (format) => {
    const parsed = await parseRdf(rdfToString(quads, format), format);
    expect(isomorphicQuads(parsed, quads, format === 'turtle' || format === 'ntriples')).toBe(true);
  });

  test.each(['expanded', 'compacted'] as const)('JSON-LD %s reads back isomorphic (jsonld.js)', async (form) => {
    const parsed = await parseRdf([...writeJsonLd(quads, form)].join(''), 'jsonld');
    expect(isomorphicQuads(parsed, quads)).toBe(true);
  });

  test('a quad given twice is written once', async () => {
    const text = rdfToString([...quads, ...quads], 'nquads');
    expect(text.split('\n').filter(Boolean)).toHaveLength(quads.length);
  });
});

describe('compacted and framed JSON-LD', () => {
  const art27 = curated.index.provisionRecord(provisionId(curated.index.instrumentRecord('untoc')!.iri, mintEid(parseEid('art_27')!)))!;

  test('compacted nodes use the context terms', () => {
    const doc = JSON.parse(exported('curated', curated, 'jsonld-compact')) as { '@context': unknown; '@graph': { id: string; '@graph': Record<string, unknown>[] }[] };
    expect(doc['@context']).toMatchObject({ title: { '@id': 'dcterms:title' } });
    const untoc = doc['@graph'].find((g) => g.id === graphIri('instrument', 'untoc'))!;
    const node = untoc['@graph'].find((n) => n['id'] === art27.id)!;
    expect(node).toMatchObject({ type: ['Provision', 'eli:LegalResourceSubdivision'], title: { en: 'Law enforcement cooperation' }, number: '27', isPartOf: art27.parent });
  });

  const all = tripleLines(datasetQuads(curated.dataset));
  const docs = [...framedDocuments(exportQuads(curated.dataset), 'provision')];
  const tools = [...framedDocuments(exportQuads(curated.dataset), 'tool')];

  test('one document per provision and per tool', () => {
    expect(docs.map((d) => d.id).sort()).toEqual(curated.dataset.provisions.map((p) => p.id).sort());
    expect(tools.map((d) => d.id).sort()).toEqual(curated.dataset.tools.map((t) => t.iri).sort());
  });

  test('a provision document embeds the provisions inside it and the links about them, and holds nothing the graph does not', async () => {
    const doc = docs.find((d) => d.id === art27.id)!.document;
    expect(doc['@context']).toBe('https://w3id.org/untoc-kg/context.jsonld');
    const rdf = tripleLines(await parseRdf(JSON.stringify(doc), 'jsonld'));
    const allSet = new Set(all);
    expect(rdf.filter((l) => !allSet.has(l))).toEqual([]);
    const inside: readonly string[] = [art27.id, ...curated.index.descendantsOf(art27.id)];
    const subjects = new Set(rdf.map((l) => l.slice(1, l.indexOf('>'))));
    for (const id of inside) expect(subjects.has(id), id).toBe(true);
    const links = curated.dataset.links.filter((l) => inside.includes(l.from) || inside.includes(l.to));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(subjects.has(link.id), link.id).toBe(true);
    // Every triple about the embedded provisions is there.
    const about = all.filter((l) => inside.includes(l.slice(1, l.indexOf('>'))));
    expect(about.filter((l) => !rdf.includes(l))).toEqual([]);
  });

  test('a tool document embeds its parts and counts, and holds nothing the graph does not', async () => {
    const tool = curated.dataset.tools.find((t) => t.counts.length > 0 && t.parts.length > 0)!;
    const doc = tools.find((d) => d.id === tool.iri)!.document;
    const rdf = tripleLines(await parseRdf(JSON.stringify(doc), 'jsonld'));
    const allSet = new Set(all);
    expect(rdf.filter((l) => !allSet.has(l))).toEqual([]);
    for (const part of curated.dataset.parts.filter((p) => p.tool === tool.id)) expect(rdf.some((l) => l.startsWith(`<${part.id}> `)), part.id).toBe(true);
    expect(rdf.some((l) => l.includes(UKG.CountClaim))).toBe(true);
  });
});

describe('selecting graphs', () => {
  test('by name, by kind, and the unknown with suggestions', () => {
    const present = new Set(exportQuads(curated.dataset).map((q) => q.graph.value));
    expect([...selectGraphs(present, ['instrument/untoc'])]).toEqual([graphIri('instrument', 'untoc')]);
    expect([...selectGraphs(present, ['tool'])]).toHaveLength(curated.dataset.tools.length);
    expect(() => selectGraphs(present, ['instrument/untok'])).toThrow(expect.objectContaining({ code: 'unknown_graph', suggestions: expect.arrayContaining(['instrument/untoc']) }));
  });

  test('an export of one graph holds that graph only, without the metadata', () => {
    const quads = exportQuads(curated.dataset, { graphs: ['instrument/som-protocol'] });
    expect(new Set(quads.map((q) => q.graph.value))).toEqual(new Set([graphIri('instrument', 'som-protocol')]));
    expect(quads.length).toBeGreaterThan(500);
  });
});
