/**
 * Importing RDF back into a knowledge graph: every format read back gives a graph whose export is the one imported
 * (with or without named graphs), on the curated graph and on a generated one; the records come back as they were
 * (children in document order, parts, links with their provenance); what does not conform is reported with its node,
 * property and reason, and nothing is loaded.
 */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isRdfConformanceError, isUntocKgError, type RdfIssue, type UntocKgError } from '../../src/errors.js';
import { writeExport } from '../../src/export/formats.js';
import { rdfToString } from '../../src/export/rdf-text.js';
import { KnowledgeGraph, loadGraph } from '../../src/kg.js';
import { importDirectory } from '../../src/directory/import.js';
import type { Dataset } from '../../src/model/dataset.js';
import { graphIri } from '../../src/model/ids.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { datasetFromQuads, importRdf } from '../../src/import/rdf.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { formatOfFileName, parseRdf } from '../../src/import/read.js';
import { generatedGraph } from '../helpers/generated.js';
import { DCTERMS, ELI, PROV, RDF, RDFS, UKG, XSD } from '../../src/vocab/terms.js';
import { lines, tripleLines, ROUND_TRIP_FORMATS } from '../helpers/rdf.js';
import { ROOT } from '../helpers/paths.js';

const { namedNode, literal, quad } = DataFactory;

const curated = loadGraph();
const generated = generatedGraph(30_000, 3);

const FORMATS = ROUND_TRIP_FORMATS;

/** The data quads (without the metadata graph, whose counts follow where single-graph formats put things). */
const data = (quads: readonly Quad[]) => quads.filter((q) => q.graph.value !== graphIri('meta'));

/**
 * What the records say that RDF carries: children in order, parts, links with their provenance. The order of
 * instruments, tools, themes and sources is the order their files were read in, which RDF does not keep: sorted.
 */
function shape(dataset: Dataset) {
  const byId = <T extends readonly unknown[]>(rows: T[]) => rows.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return {
    instruments: byId(dataset.instruments.map((i) => [i.id, i.iri, i.kind, i.title, i.abbreviation, i.structure.completeness] as const)),
    provisions: dataset.provisions.map((p) => [p.id, p.instrument, p.eid, p.level, p.number, p.heading, p.summary, p.parent, p.chapter, p.children, p.partial]),
    tools: byId(dataset.tools.map((t) => [t.id, t.iri, t.kind, t.title, t.instrument, t.parts, t.counts] as const)),
    parts: dataset.parts.map((p) => [p.id, p.tool, p.path, p.label, p.parent, p.children]),
    themes: byId(dataset.themes.map((t) => [t.id, t.label, t.broader] as const)),
    sources: [...dataset.sources].sort((x, y) => x.id.localeCompare(y.id)),
    links: dataset.links.map(({ file, ...rest }) => (void file, rest)),
    // The directory: as sets, since RDF keeps no order; a snapshot's or category's file is where it was read from.
    categories: asSet(dataset.categories.map(({ file, ...rest }) => (void file, rest))),
    snapshots: asSet(dataset.snapshots.map(({ file, ...rest }) => (void file, rest))),
    authorities: asSet(dataset.authorities),
    states: asSet(dataset.states),
    participation: asSet(dataset.participation),
    participationFigures: asSet(dataset.participationFigures),
  };
}

/** Records as a set of their JSON, with keys sorted (RDF does not keep the order a record's fields were written in). */
function asSet(records: readonly object[]): Set<string> {
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sortKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)])) : value;
  return new Set(records.map((r) => JSON.stringify(sortKeys(r))));
}

describe.each([
  ['curated', curated],
  ['generated', generated],
] as const)('importing the %s graph', (_name, kg) => {
  const expected = exportQuads(kg.dataset);

  test.each(FORMATS)('from %s gives back the graph that was exported', async (format, readAs, graphs) => {
    const imported = await importRdf([...writeExport(kg, format)].join(''), { format: readAs, name: `export.${format}` });
    const again = exportQuads(imported.dataset);
    if (graphs) {
      expect(lines(again)).toEqual(lines(expected));
    } else {
      // Without named graphs the export cannot say which graph a triple was in; the data triples are the same.
      expect(tripleLines(data(again))).toEqual(tripleLines(data(expected)));
    }
  });

  test('the records come back as they were: children in document order, parts, links with their provenance', async () => {
    const imported = await importRdf([...writeExport(kg, 'trig')].join(''), { format: 'trig' });
    const a = shape(imported.dataset);
    const b = shape(kg.dataset);
    expect(a.provisions).toEqual(b.provisions);
    // RDF does not order a tool's parts: they come back in path order, each after its parent.
    const sorted = (parts: typeof a.parts) => [...parts].sort((x, y) => String(x[0]).localeCompare(String(y[0]))).map(([id, tool, path, label, parent, children]) => [id, tool, path, label, parent, [...(children as readonly string[])].sort()]);
    expect(sorted(a.parts)).toEqual(sorted(b.parts));
    expect(a.tools.map(([id, iri, kind, title, instrument, parts, counts]) => [id, iri, kind, title, instrument, [...(parts as readonly string[])].sort(), counts])).toEqual(
      b.tools.map(([id, iri, kind, title, instrument, parts, counts]) => [id, iri, kind, title, instrument, [...(parts as readonly string[])].sort(), counts]),
    );
    expect(a.themes).toEqual(b.themes);
    expect(a.sources).toEqual(b.sources);
    expect(a.instruments).toEqual(b.instruments);
    expect(a.links).toHaveLength(b.links.length);
    expect(new Set(a.links.map((l) => JSON.stringify(l)))).toEqual(new Set(b.links.map((l) => JSON.stringify(l))));
    for (const key of ['categories', 'snapshots', 'authorities', 'states', 'participation', 'participationFigures'] as const) expect(a[key], key).toEqual(b[key]);
  });
});

describe('directory snapshots', () => {
  // The example directory (example data) imported twice, as two snapshots: the same authorities, listed in both.
  const example = readFileSync(join(ROOT, 'data', 'examples', 'example-directory.json'), 'utf8');
  const first = importDirectory(example, { id: 'example-a', asOf: '2000-01-01' });
  // The second time, its source is already in the graph.
  const { sources: _sources, ...again } = JSON.parse(example) as Record<string, unknown>;
  const both = importDirectory(again, { id: 'example-b', asOf: '2000-02-01', base: first.dataset }).dataset;
  const kg = new KnowledgeGraph(both);

  test('each snapshot keeps its own record of an authority it shares with another, through the named graphs', async () => {
    const imported = await importRdf([...writeExport(kg, 'trig')].join(''), { format: 'trig' });
    const listed = (d: Dataset) => d.authorities.map((a) => `${a.snapshot} ${a.id} ${a.name} ${a.languages.join('/')} ${a.email ?? ''}`).sort();
    expect(listed(imported.dataset)).toEqual(listed(both));
    expect(imported.dataset.authorities.filter((a) => a.snapshot === 'example-b')).toHaveLength(first.authorities.length);
    expect(shape(imported.dataset).authorities).toEqual(shape(both).authorities);
    expect(shape(imported.dataset).snapshots).toEqual(shape(both).snapshots);
  });

  test('without named graphs, an authority listed in two snapshots is reported rather than merged', async () => {
    await expect(importRdf([...writeExport(kg, 'turtle')].join(''), { format: 'turtle' })).rejects.toThrow(/listed in several snapshots/);
    // One snapshot alone reads back from Turtle.
    const one = await importRdf([...writeExport(new KnowledgeGraph(first.dataset), 'turtle')].join(''), { format: 'turtle' });
    expect(shape(one.dataset).authorities).toEqual(shape(first.dataset).authorities);
  });

  test('an authority in a category that is not one is named', async () => {
    const quads = datasetQuads(first.dataset, { graphs: true });
    const authority = first.authorities[0]!.id;
    const broken = quads.map((q) => (q.subject.value === authority && q.predicate.value === UKG.category ? quad(q.subject, q.predicate, namedNode(first.dataset.tools[0]!.iri), q.graph) : q));
    await expect(importRdf(rdfToString(broken, 'nquads'), { format: 'nquads' })).rejects.toThrow(new RegExp(`<${authority}> <${UKG.category}>`));
  });
});

describe('what does not conform is reported, and nothing is loaded', () => {
  const quads = datasetQuads(curated.dataset);
  const article = `${curated.index.instrumentRecord('untoc')!.iri}/art_27`;

  async function issuesOf(broken: readonly Quad[]): Promise<RdfIssue[]> {
    try {
      await importRdf(rdfToString(broken, 'nquads'), { format: 'nquads' });
    } catch (error) {
      if (isRdfConformanceError(error)) return [...error.issues];
      throw error;
    }
    throw new Error('the import accepted a graph that does not conform');
  }

  test('a provision without its label: the shape that fails, with node and property', async () => {
    const issues = await issuesOf(quads.filter((q) => !(q.subject.value === article && q.predicate.value === RDFS.label)));
    expect(issues).toEqual([expect.objectContaining({ code: 'shape', focus: article, path: RDFS.label, message: expect.stringMatching(/at least 1 label/) })]);
  });

  test('a link with an unknown basis', async () => {
    const link = curated.dataset.links[0]!.id;
    const issues = await issuesOf(quads.filter((q) => !(q.subject.value === link && q.predicate.value === UKG.basis)).concat(quad(namedNode(link), namedNode(UKG.basis), literal('rumour'))));
    expect(issues).toEqual([expect.objectContaining({ code: 'shape', focus: link, path: UKG.basis, message: expect.stringContaining('"rumour"') })]);
  });

  test('a triple the model does not hold is not silently dropped, unless asked', async () => {
    const extra = quad(namedNode(article), namedNode('https://example.org/comment'), literal('my note'));
    const issues = await issuesOf([...quads, extra]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized', focus: article, path: 'https://example.org/comment' })]);
    const kg = await importRdf(rdfToString([...quads, extra], 'nquads'), { format: 'nquads', unrecognized: 'drop' });
    expect(lines(datasetQuads(kg.dataset))).toEqual(lines(quads));
  });

  test('a link without its ukg:Link node (no basis, no source) is named as such', async () => {
    const tool = curated.dataset.tools[0]!.iri;
    const issues = await issuesOf([...quads, quad(namedNode(tool), namedNode(UKG.addresses), namedNode(article))]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognized', focus: tool, path: UKG.addresses, message: expect.stringContaining('ukg:Link') })]);
  });

  test('a provision outside any instrument, and a link to a node the graph does not have', async () => {
    const stray = 'https://w3id.org/untoc-kg/eli/un/convention/1999/nothing/art_1';
    const link = curated.dataset.links.find((l) => l.property === 'addresses')!;
    const missing = `${curated.index.instrumentRecord('untoc')!.iri}/art_99`;
    // A copy of art. 27 (without its children) under an IRI that extends no instrument; a link whose object is gone.
    const copy = quads.filter((q) => q.subject.value === article && !q.predicate.value.endsWith('as_part') && !q.predicate.value.endsWith('hasPart')).map((q) => quad(namedNode(stray), q.predicate, q.object));
    const moved = quads
      .filter((q) => !(q.subject.value === link.id && q.predicate.value.endsWith('#object')))
      .concat(quad(namedNode(link.id), namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#object'), namedNode(missing)))
      .concat(copy);
    const issues = await issuesOf(moved);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'structure', focus: stray, message: expect.stringMatching(/under none of 6 instruments/) }),
        expect.objectContaining({ code: 'structure', focus: link.id, message: expect.stringContaining(missing) }),
      ]),
    );
  });

  test('a paragraph whose parent is not the article its IRI names', async () => {
    const paragraph = `${article}/para_1`;
    const other = `${curated.index.instrumentRecord('untoc')!.iri}/art_26`;
    const broken = quads.map((q) => (q.subject.value === paragraph && q.predicate.value === ELI.is_part_of ? quad(q.subject, q.predicate, namedNode(other)) : q));
    expect(await issuesOf(broken)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'structure', focus: paragraph, path: ELI.is_part_of })]));
  });

  test('a source that is not in the graph', async () => {
    const source = curated.dataset.sources[0]!.iri;
    const issues = await issuesOf(quads.filter((q) => q.subject.value !== source));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === 'shape' && i.path === PROV.wasDerivedFrom)).toBe(true);
  });

  test('the error names the nodes in its message, and the CLI reports it', async () => {
    await expect(importRdf(rdfToString(quads.filter((q) => !(q.subject.value === article && q.predicate.value === RDFS.label)), 'turtle'), { format: 'turtle' })).rejects.toThrow(
      new RegExp(`does not conform.*nothing was loaded[\\s\\S]*<${article}> <${RDFS.label}>`),
    );
  });
});

describe('reading RDF text', () => {
  test('a syntax error names the line where reading stopped', async () => {
    const text = '@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n';
    await expect(parseRdf(text, 'turtle')).rejects.toMatchObject({ code: 'rdf_syntax', offset: 3 });
  });

  test('invalid JSON and invalid JSON-LD are syntax errors', async () => {
    await expect(parseRdf('{ "@id": ', 'jsonld')).rejects.toMatchObject({ code: 'rdf_syntax' });
    // A key the context does not define would be dropped silently by JSON-LD; the import refuses it.
    await expect(parseRdf(JSON.stringify({ '@id': 'https://example.org/a', title: 'x' }), 'jsonld')).rejects.toMatchObject({ code: 'rdf_syntax' });
  });

  test('formats from file names', () => {
    expect(['a.ttl', 'a.trig', 'a.nt', 'a.nq', 'a.jsonld', 'a.json', 'a.TTL', 'a.xml'].map(formatOfFileName)).toEqual(['turtle', 'trig', 'ntriples', 'nquads', 'jsonld', 'jsonld', 'turtle', undefined]);
  });

  test('the metadata graph is not data: an export with it imports like one without', () => {
    const withMeta = datasetFromQuads(exportQuads(curated.dataset));
    const without = datasetFromQuads(datasetQuads(curated.dataset, { graphs: true }));
    expect(lines(datasetQuads(withMeta))).toEqual(lines(datasetQuads(without)));
  });
});

describe('bad input is reported as the import error, never another exception', () => {
  const quads = datasetQuads(curated.dataset);
  const untoc = curated.index.instrumentRecord('untoc')!.iri;

  async function failureOf(text: string, format: Parameters<typeof parseRdf>[1]): Promise<UntocKgError> {
    try {
      await importRdf(text, { format });
    } catch (error) {
      if (isUntocKgError(error)) return error;
      throw error;
    }
    throw new Error('the import accepted it');
  }

  // Issue 11: dates that are no day of the calendar passed the import.
  test.each(['2024-02-30', '2024-13-01', '2023-02-29', '2024-00-10', 'soon'])('an xsd:date "%s" is an issue naming the subject and the predicate', async (date) => {
    const broken = quads.map((q) => (q.subject.value === untoc && q.predicate.value === ELI.first_date_entry_in_force ? quad(q.subject, q.predicate, literal(date, namedNode(XSD.date))) : q));
    const error = await failureOf(rdfToString(broken, 'nquads'), 'nquads');
    expect(error.code).toBe('rdf_nonconforming');
    expect(isRdfConformanceError(error) && error.issues).toEqual([expect.objectContaining({ code: 'structure', focus: untoc, path: ELI.first_date_entry_in_force })]);
  });

  test('a leap day and a gYear still read', async () => {
    const leap = quads.map((q) => (q.subject.value === untoc && q.predicate.value === ELI.first_date_entry_in_force ? quad(q.subject, q.predicate, literal('2024-02-29', namedNode(XSD.date))) : q));
    const kg = await importRdf(rdfToString(leap, 'nquads'), { format: 'nquads' });
    expect(kg.dataset.instruments.find((i) => i.id === 'untoc')!.entryIntoForce!.date).toBe('2024-02-29');
  });

  test('a snapshot identifier that is no graph name is an issue, not a TypeError', async () => {
    const snapshot = curated.dataset.snapshots[0]!;
    const broken = quads.map((q) => (q.subject.value === snapshot.iri && q.predicate.value === DCTERMS.identifier ? quad(q.subject, q.predicate, literal('Not A Name')) : q));
    const error = await failureOf(rdfToString(broken, 'nquads'), 'nquads');
    expect(isRdfConformanceError(error) && error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ focus: snapshot.iri, path: DCTERMS.identifier })]));
  });

  test('a huge literal is clipped where a message echoes it', async () => {
    const link = curated.dataset.links[0]!.id;
    const huge = 'x'.repeat(200_000);
    const broken = quads.filter((q) => !(q.subject.value === link && q.predicate.value === UKG.basis)).concat(quad(namedNode(link), namedNode(UKG.basis), literal(huge)));
    const error = await failureOf(rdfToString(broken, 'nquads'), 'nquads');
    expect(error.code).toBe('rdf_nonconforming');
    expect(error.message.length).toBeLessThan(2_000);
    expect(isRdfConformanceError(error) && error.issues.every((i) => i.message.length < 1_000)).toBe(true);
  });

  test.each([
    ['Turtle cut in a literal', '<https://example.org/a> <https://example.org/b> "open', 'turtle'],
    ['N-Quads with a literal as graph', '<https://example.org/a> <https://example.org/b> <https://example.org/c> "g" .\n', 'nquads'],
    ['N-Triples with a literal as subject', '"a" <https://example.org/b> <https://example.org/c> .\n', 'ntriples'],
    ['TriG with an unclosed graph', '<https://example.org/g> { <https://example.org/a> <https://example.org/b> <https://example.org/c> .', 'trig'],
    ['JSON-LD that is an array of numbers', '[1, 2, 3]', 'jsonld'],
    ['JSON-LD with an @id that is a number', '{ "@id": 5 }', 'jsonld'],
    ['JSON-LD with a @context that is a number', '{ "@context": 5, "@id": "https://example.org/a" }', 'jsonld'],
    ['a huge Turtle token', `<https://example.org/a> <https://example.org/b> ${'y'.repeat(100_000)} .`, 'turtle'],
    ['a literal where an IRI belongs', `<${untoc}> <${RDF.type}> "${UKG.Instrument}" .`, 'ntriples'],
    ['a provision typed with a literal subdivision', `<${untoc}/art_1> <${RDF.type}> <${UKG.Provision}> .\n<${untoc}/art_1> <${ELI.type_subdivision}> "article" .`, 'ntriples'],
  ] as const)('%s', async (_name, text, format) => {
    const error = await failureOf(text, format);
    expect(['rdf_syntax', 'rdf_nonconforming', 'remote_context']).toContain(error.code);
    expect(error.message.length).toBeLessThan(2_000);
  });
});
