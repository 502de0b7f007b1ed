/**
 * Importing RDF as a stream: `importRdf` reads text or a stream of chunks (cut anywhere, even inside a character)
 * with the same result; a corpus's quads grouped by subject as they are read (`CorpusNodes`, `corpusFromNodes`) give
 * what `corpusFromQuads` gives for the same quads, problems and lines included; a stream that fails, or holds bad
 * syntax, is reported.
 */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { writeExport } from '../../src/export/formats.js';
import { rdfToString } from '../../src/export/rdf-text.js';
import { corpusFromNodes, corpusFromQuads } from '../../src/import/corpus.js';
import { CorpusNodes } from '../../src/import/corpus-nodes.js';
import { importRdf } from '../../src/import/rdf.js';
import { readQuads, type ReadableFormat } from '../../src/import/read.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { corpusGraphIri } from '../../src/model/ids.js';
import { corpusQuads } from '../../src/rdf/corpus.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { ELI, RDF, UKG, XSD } from '../../src/vocab/terms.js';
import { lines } from '../helpers/rdf.js';

const { namedNode, literal, quad } = DataFactory;
const kg = loadGraph();
const { corpus } = readCorpusLines(kg, generateCorpus({ laws: 3, cases: 4, seed: 3, id: 'stream' }));
const withCorpus = withCorpora(kg, [corpus]);
const GRAPH = corpusGraphIri('stream');
const written = corpusQuads(corpus);

/** The text as UTF-8 chunks of `size` bytes: cut anywhere, inside a character too. */
async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** What `importRdf` does with a corpus graph's quads: grouped by subject as they come. */
function fromNodes(quads: readonly Quad[], options: { keepGood?: boolean } = {}) {
  const nodes = new CorpusNodes(GRAPH);
  for (const q of quads) nodes.add(q);
  return corpusFromNodes(kg, nodes, options);
}

/** The outcome of a read: the result, or the thrown error's code and problems. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return { thrown: (error as { code?: string }).code, errors: (error as { errors?: unknown }).errors };
  }
}

describe('importRdf reads text or a stream of chunks alike', () => {
  // With named graphs, the corpus comes back as a corpus; without (N-Triples, Turtle), the curated graph alone does.
  test.each([
    ['nquads', withCorpus],
    ['trig', withCorpus],
    ['ntriples', kg],
    ['turtle', kg],
  ] as const)('%s in chunks of 997 bytes, with non-ASCII text', async (format, graph) => {
    const text = [...writeExport(graph, format)].join('');
    expect(text).toMatch(/[^\u0000-\u007f]/);
    const [whole, streamed] = [await importRdf(text, { format }), await importRdf(chunks(text, 997), { format })];
    expect(streamed.corpus.corpora).toEqual(whole.corpus.corpora);
    expect(lines(exportQuads(streamed.dataset))).toEqual(lines(exportQuads(whole.dataset)));
  });

  test('JSON-LD from a stream is read whole, then as from text', async () => {
    const text = [...writeExport(kg, 'jsonld')].join('');
    const streamed = await importRdf(chunks(text, 4096), { format: 'jsonld' });
    expect(lines(exportQuads(streamed.dataset))).toEqual(lines(exportQuads((await importRdf(text, { format: 'jsonld' })).dataset)));
  });

  test('bad syntax in a stream is rdf_syntax with its line; a failing stream is rdf_unreadable, its error the cause', async () => {
    const text = '<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n<https://example.org/a> <b> "x\n';
    await expect(importRdf(chunks(text, 10), { format: 'ntriples' })).rejects.toMatchObject({ code: 'rdf_syntax', offset: 2 });
    const failure = new Error('disk gone');
    async function* failing(): AsyncGenerator<string> {
      yield '<https://example.org/a> <https://example.org/b> ';
      throw failure;
    }
    await expect(importRdf(failing(), { format: 'nquads' })).rejects.toMatchObject({ code: 'rdf_unreadable', cause: failure });
    await expect(importRdf(failing(), { format: 'jsonld' })).rejects.toMatchObject({ code: 'rdf_unreadable', cause: failure });
    await expect(readQuads('', 'rdfxml' as ReadableFormat, () => undefined)).rejects.toMatchObject({ code: 'unsupported_format' });
  });

  test('a chunk that is neither text nor bytes is rdf_unreadable; after an error the stream is not read further', async () => {
    async function* objects(): AsyncGenerator<unknown> {
      yield { not: 'text' };
    }
    await expect(importRdf(objects() as AsyncIterable<string>, { format: 'nquads' })).rejects.toMatchObject({ code: 'rdf_unreadable' });
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      yield '<https://example.org/a> <b> "x\n';
      for (;;) {
        pulled++;
        yield '# more\n';
      }
    }
    await expect(importRdf(endless(), { format: 'nquads' })).rejects.toMatchObject({ code: 'rdf_syntax' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBeLessThan(5);
  });

  test('readQuads hands over every quad, as parsed', async () => {
    const text = rdfToString(written, 'nquads');
    const read: Quad[] = [];
    await readQuads(chunks(text, 333), 'nquads', (q) => void read.push(q));
    expect(lines(read)).toEqual(lines(written));
  });
});

describe('corpusFromNodes gives what corpusFromQuads gives', () => {
  const law = corpus.legislation[0]!.iri;
  const section = corpus.sections[0]!.iri;
  const edit = (drop: (q: Quad) => boolean, ...add: Quad[]) => [...written.filter((q) => !drop(q)), ...add.map((q) => quad(q.subject, q.predicate, q.object, namedNode(GRAPH)))];
  const corpusType = (q: Quad) => q.predicate.value === RDF.type && q.object.value === UKG.Corpus;

  test.each([
    ['the corpus as written', () => written],
    ['an unknown State', () => edit((q) => q.subject.value === law && q.predicate.value === ELI.jurisdiction, quad(namedNode(law), namedNode(ELI.jurisdiction), namedNode('https://w3id.org/untoc-kg/state/xxa')))],
    ['a bad date', () => edit((q) => q.subject.value === law && q.predicate.value === ELI.date_document, quad(namedNode(law), namedNode(ELI.date_document), literal('2024-02-30', namedNode(XSD.date))))],
    ['a property a law does not have', () => edit(() => false, quad(namedNode(law), namedNode(UKG.court), literal('Example')))],
    ['a section that is part of its own part', () => edit((q) => q.subject.value === section && q.predicate.value === ELI.is_part_of, quad(namedNode(section), namedNode(ELI.is_part_of), namedNode(`${section}/para_1`)))],
    ['no corpus node (read as merged triples)', () => edit(corpusType)],
    ['a corpus node named after another graph', () => edit(corpusType, quad(namedNode(corpusGraphIri('elsewhere')), namedNode(RDF.type), namedNode(UKG.Corpus)))],
    ['two corpus nodes', () => edit(() => false, quad(namedNode(corpusGraphIri('other')), namedNode(RDF.type), namedNode(UKG.Corpus)))],
  ] as const)('%s', (_name, quads) => {
    for (const keepGood of [false, true]) expect(outcome(() => fromNodes(quads(), { keepGood }))).toEqual(outcome(() => corpusFromQuads(kg, quads(), { keepGood })));
  });
});
