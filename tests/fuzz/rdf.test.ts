/**
 * Fuzzing the RDF import: random text, exports of a small graph cut from the curated one with random damage, and
 * random triples built from the vocabulary added to that export. Whatever it is given, `importRdf` either fails with
 * the library's typed error or returns a graph whose export reads back to the same graph (seeded, bounded runs).
 */
import fc from 'fast-check';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, test } from 'vitest';
import { isUntocKgError } from '../../src/errors.js';
import { writeExport } from '../../src/export/formats.js';
import { rdfToString } from '../../src/export/rdf-text.js';
import { datasetFromQuads, importRdf } from '../../src/import/rdf.js';
import type { ReadableFormat } from '../../src/import/read.js';
import { KnowledgeGraph, loadGraph } from '../../src/kg.js';
import type { Dataset } from '../../src/model/dataset.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { DCTERMS, ELI, PROV, RDF, RDFS, SKOS, UKG, XSD } from '../../src/vocab/terms.js';
import { lines } from '../helpers/rdf.js';

const { namedNode, literal, quad } = DataFactory;

/** The SOM Protocol with its first three articles (and what is inside them), and the sources: no tools, no links. */
function smallDataset(): Dataset {
  const full = loadGraph().dataset;
  const som = full.instruments.find((i) => i.id === 'som-protocol')!;
  const keep = new Set(full.provisions.filter((p) => p.instrument === som.id && /\/art_[123](\/|$)/.test(p.id)).map((p) => p.id));
  const provisions = full.provisions.filter((p) => keep.has(p.id)).map(({ chapter: _chapter, ...p }) => ({ ...p, children: p.children.filter((c) => keep.has(c)) }));
  return {
    ...full,
    instruments: [som],
    provisions,
    tools: [],
    parts: [],
    themes: [],
    links: [],
    categories: [],
    snapshots: [],
    authorities: [],
    states: [],
    participation: [],
    participationFigures: [],
    texts: [],
  };
}

const small = new KnowledgeGraph(smallDataset());
const quads = datasetQuads(small.dataset, { graphs: true });
const EXPORTS: Readonly<Record<ReadableFormat, string>> = {
  nquads: rdfToString(quads, 'nquads'),
  ntriples: rdfToString(quads, 'ntriples'),
  turtle: rdfToString(quads, 'turtle'),
  trig: rdfToString(quads, 'trig'),
  jsonld: [...writeExport(small, 'jsonld')].join(''),
};
const FORMATS = Object.keys(EXPORTS) as ReadableFormat[];

/** Imports `text`: the graph, or undefined when it failed with the library's typed error (anything else fails the test). */
async function outcome(text: string, format: ReadableFormat): Promise<KnowledgeGraph | undefined> {
  try {
    return await importRdf(text, { format });
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    expect(error.message.length).toBeLessThan(5_000);
    return undefined;
  }
}

/** A successful import's export reads back to the same quads. */
async function roundTrips(kg: KnowledgeGraph): Promise<void> {
  const exported = datasetQuads(kg.dataset, { graphs: true });
  const again = await importRdf(rdfToString(exported, 'nquads'), { format: 'nquads' });
  expect(lines(datasetQuads(again.dataset, { graphs: true }))).toEqual(lines(exported));
}

/** Damage done to a text: cut a slice, insert a string, repeat a line, drop a line, or swap a literal's value. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '<', '>', ' .', '\\', '@', '^^', '_:b', '{', '}', '\n', '"2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date>')) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('literal' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2024-02-30', '2024-13-01', 'x'.repeat(500), '-1', '1e3')) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % Math.max(1, text.length);
  switch (m.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'repeat':
    case 'drop': {
      const all = text.split('\n');
      const i = m.at % all.length;
      return [...all.slice(0, i), ...(m.kind === 'repeat' ? [all[i]!, all[i]!] : []), ...all.slice(i + 1)].join('\n');
    }
    case 'literal': {
      // The literal nearest after the position: its body replaced (escaped, so that the text stays well-formed).
      const start = text.indexOf('"', at);
      const end = start < 0 ? -1 : text.indexOf('"', start + 1);
      return end < 0 ? text : text.slice(0, start + 1) + JSON.stringify(m.text).slice(1, -1) + text.slice(end);
    }
  }
}

describe('importRdf, fuzzed', () => {
  test('the small graph imports from every format (the fuzzing starts from a graph that loads)', async () => {
    for (const format of FORMATS) expect(await outcome(EXPORTS[format], format), format).toBeDefined();
  });

  test('random text: a typed error, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.string({ maxLength: 200 }), async (format, text) => {
        await outcome(text, format);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  test('exports with random damage: a typed error, or a graph that round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (format, mutations) => {
        const kg = await outcome(mutations.reduce(mutate, EXPORTS[format]), format);
        if (kg) await roundTrips(kg);
      }),
      { seed: 42, numRuns: 120 },
    );
  });

  const subjects = [...new Set(quads.map((q) => q.subject.value))].slice(0, 12);
  const iri = fc.oneof(fc.constantFrom(...subjects), fc.constantFrom(UKG.Provision, UKG.Instrument, UKG.Tool, UKG.Link, UKG.Source, 'https://w3id.org/untoc-kg/tool/x', 'https://example.org/a'));
  const predicate = fc.constantFrom(RDF.type, RDFS.label, DCTERMS.identifier, DCTERMS.title, DCTERMS.isPartOf, ELI.is_part_of, ELI.number, ELI.type_subdivision, ELI.first_date_entry_in_force, ELI.date_document, SKOS.notation, PROV.wasDerivedFrom, UKG.partial, UKG.completeness, UKG.basis, UKG.pageCount, RDF.value);
  const object = fc.oneof(
    iri.map((value) => namedNode(value)),
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2024-02-30', '2024-02-29', '2023-02-29', '12', 'true', 'complete')), fc.constantFrom<string | undefined>(undefined, 'en', XSD.date, XSD.gYear, XSD.integer, XSD.boolean)).map(([value, type]) =>
      type === undefined ? literal(value) : type === 'en' ? literal(value, 'en') : literal(value, namedNode(type)),
    ),
  );
  const triple = fc.tuple(iri, predicate, object).map(([s, p, o]): Quad => quad(namedNode(s), namedNode(p), o));

  test('random triples from the vocabulary added to the export: a typed error, or a graph that round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(triple, { minLength: 1, maxLength: 4 }), fc.boolean(), async (extra, drop) => {
        let dataset: Dataset | undefined;
        try {
          dataset = datasetFromQuads([...quads, ...extra], { unrecognized: drop ? 'drop' : 'error' });
        } catch (error) {
          if (!isUntocKgError(error)) throw error;
        }
        if (dataset) await roundTrips(new KnowledgeGraph(dataset));
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
