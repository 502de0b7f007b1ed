/**
 * The RDF text exports written straight from the dataset (`writeDatasetRdf`, what `writeExport` runs for Turtle,
 * TriG, N-Triples and N-Quads) read back to exactly the quads of the in-memory path (`exportQuads`, then
 * `writeRdf`): on the curated graph (with its directory snapshots and participation files), on the curated graph with
 * a generated research corpus, and on a generated graph; with graphs selected; and the description counted without
 * quads (`describeExport`) is the one `exportDescription` builds.
 *
 * The corpus and the generated graph are small (a few thousand triples): what matters is that their text crosses the
 * 64 KiB chunk boundary many times (the curated graph alone is some 2.4 MB of N-Quads, about 36 chunks), not their
 * size. The streamed text is compared with the in-memory path's quads directly (sorted canonical lines, written by
 * one N3 Writer), each graph's lines made once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, describe, expect, test } from 'vitest';
import { readCorpusLines } from '../../src/corpus/read.js';
import { writeExport } from '../../src/export/formats.js';
import { writeJsonLd } from '../../src/export/jsonld.js';
import { writeDatasetJsonLd } from '../../src/export/jsonld-stream.js';
import { describeExport, exportGraphIris, writeDatasetRdf } from '../../src/export/rdf-stream.js';
import type { RdfFormat } from '../../src/export/rdf-text.js';
import { parseRdf } from '../../src/import/read.js';
import { loadGraph, withCorpora, type KnowledgeGraph } from '../../src/kg.js';
import { exportDescription, exportQuads } from '../../src/rdf/graphs.js';
import { generateCorpus } from '../../src/corpus/generate.js';
import { exportStream, writeExportFile } from '../../src/node/write.js';
import { generatedGraph } from '../helpers/generated.js';

const curated = loadGraph();
const { corpus } = readCorpusLines(curated, [...generateCorpus({ triples: 2_000, seed: 3, dataset: curated.dataset })].join('\n'));
const withCorpus = withCorpora(curated, [corpus!]);
const generated = generatedGraph(3_000, 11);

/** The sorted distinct canonical lines of quads (what tests/helpers/rdf.ts `lines` gives), or of their triples. */
const writer = new Writer({ format: 'N-Quads' });
function lines(quads: readonly Quad[]): string[] {
  return [...new Set(quads.map((q) => writer.quadToString(q.subject, q.predicate, q.object, q.graph)))].sort();
}
function tripleLines(quads: readonly Quad[]): string[] {
  return [...new Set(quads.map((q) => writer.quadToString(q.subject, q.predicate, q.object)))].sort();
}

/** The lines of the in-memory path's quads, made once per graph. */
function expectedLines(quads: readonly Quad[]): { readonly quads: string[]; readonly triples: string[] } {
  let quadLines: string[] | undefined;
  let triples: string[] | undefined;
  return {
    get quads() {
      return (quadLines ??= lines(quads));
    },
    get triples() {
      return (triples ??= tripleLines(quads));
    },
  };
}

const FORMATS: readonly (readonly [RdfFormat, boolean])[] = [
  ['nquads', true],
  ['trig', true],
  ['ntriples', false],
  ['turtle', false],
];

describe.each([
  ['the curated graph', curated],
  ['the curated graph with a generated corpus', withCorpus],
  ['a generated graph', generated],
] as const)('%s', (_, kg: KnowledgeGraph) => {
  const corpora = kg.corpus.corpora;
  const expected = exportQuads(kg.dataset, { corpora });
  const expectedText = expectedLines(expected);

  test('holds the directory snapshots and the corpora', () => {
    const graphs = new Set(expected.map((q) => q.graph.value));
    for (const s of kg.dataset.snapshots) expect(graphs.has(s.iri)).toBe(true);
    for (const c of corpora) expect(graphs.has(c.graph)).toBe(true);
    expect(exportGraphIris(kg.dataset, corpora)).toEqual(graphs);
  });

  test.each(FORMATS)('%s reads back to the quads of the in-memory path', async (format, graphs) => {
    const streamed = await parseRdf([...writeDatasetRdf(kg.dataset, format, { corpora })].join(''), format);
    const want = graphs ? expectedText.quads : expectedText.triples;
    expect(graphs ? lines(streamed) : tripleLines(streamed)).toEqual(want);
    // No line is written twice: as many statements as distinct quads (or triples).
    expect(streamed.length).toBe(want.length);
  });

  test('the description counted from the records is the one built from the quads', () => {
    expect(lines(describeExport(kg.dataset, { corpora }))).toEqual(lines(exportDescription(kg.dataset, { corpora })));
  });

  test.each(['compacted', 'expanded'] as const)('JSON-LD %s written from the records is the text of the in-memory path', (form) => {
    for (const graphs of [undefined, ['instrument/som-protocol', 'meta'], ['tool', 'states', 'directory']]) {
      const streamed = [...writeDatasetJsonLd(kg.dataset, form, { corpora, ...(graphs && { graphs }) })].join('');
      expect(streamed, `${graphs}`).toBe([...writeJsonLd(exportQuads(kg.dataset, { corpora, ...(graphs && { graphs }) }), form)].join(''));
    }
  });
});

// jsonld.js is slow: the generated graph's JSON-LD is read back in tests/rdf/exports.test.ts.
describe.each([
  ['the curated graph', curated],
  ['the curated graph with a generated corpus', withCorpus],
] as const)('%s', (_, kg: KnowledgeGraph) => {
  const corpora = kg.corpus.corpora;
  const expected = expectedLines(exportQuads(kg.dataset, { corpora }));

  // The streamed text is the in-memory path's, byte for byte (above): read back once, it must give that path's quads.
  test.each(['compacted', 'expanded'] as const)('JSON-LD %s reads back (jsonld.js) to the quads of the in-memory path', async (form) => {
    const streamed = await parseRdf([...writeDatasetJsonLd(kg.dataset, form, { corpora })].join(''), 'jsonld');
    expect(lines(streamed)).toEqual(expected.quads);
  });
});

describe('streaming', () => {
  test('selected graphs: the same as the in-memory path, and an unknown graph fails before any text', async () => {
    const corpora = withCorpus.corpus.corpora;
    for (const graphs of [['instrument/som-protocol'], ['tool', 'meta'], ['corpus', 'states']]) {
      const expected = expectedLines(exportQuads(withCorpus.dataset, { corpora, graphs }));
      for (const [format, named] of FORMATS) {
        const streamed = await parseRdf([...writeDatasetRdf(withCorpus.dataset, format, { corpora, graphs })].join(''), format);
        if (named) expect(lines(streamed), `${graphs} ${format}`).toEqual(expected.quads);
        else expect(tripleLines(streamed), `${graphs} ${format}`).toEqual(expected.triples);
      }
    }
    expect(() => writeDatasetRdf(curated.dataset, 'nquads', { graphs: ['instrument/untok'] })).toThrow(expect.objectContaining({ code: 'unknown_graph' }));
    expect(() => writeExport(curated, 'turtle', { graphs: ['nope'] })).toThrow(expect.objectContaining({ code: 'unknown_graph' }));
  });

  test('the text comes in chunks of about 64 KiB, the first before the dataset is walked to its end', () => {
    const chunks = writeDatasetRdf(generated.dataset, 'nquads');
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(first.value!.length).toBeGreaterThanOrEqual(1 << 16);
    expect(first.value!.length).toBeLessThan(80_000);
    const rest = [...chunks];
    expect(rest.length).toBeGreaterThan(40);
    expect(Math.max(...rest.slice(0, -1).map((c) => c.length))).toBeLessThan(80_000);
  });
});

describe('untoc-kg/node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const whole = [...writeExport(curated, 'nquads')].join('');

  test('exportStream gives the text of writeExport as a Node stream', async () => {
    let text = '';
    for await (const chunk of exportStream(curated, 'nquads')) text += String(chunk);
    expect(text).toBe(whole);
    expect(() => exportStream(curated, 'nquads', { graphs: ['nope'] })).toThrow(expect.objectContaining({ code: 'unknown_graph' }));
  });

  test('writeExportFile streams it into the file', async () => {
    const file = join(dir, 'graph.nq');
    expect(await writeExportFile(file, curated, 'nquads')).toBe(whole.length);
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });
});
