/**
 * Importing research corpora from formats without named graphs: the curated graph with a corpus, written as
 * N-Triples or Turtle, imports as the N-Quads export does (the same dataset, the same corpus records and links, the
 * same answers to `documentsAddressing`); several corpora, or corpus records without their `ukg:Corpus` node, are
 * refused with a typed error instead of a wall of shape violations.
 *
 * The corpora are the hand-written example of tests/corpus (synthetic) and a small generated one (synthetic).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { isUntocKgError } from '../../src/errors.js';
import { writeExport } from '../../src/export/formats.js';
import { importRdf } from '../../src/import/rdf.js';
import { loadGraph, withCorpora, type KnowledgeGraph } from '../../src/kg.js';
import type { Corpus } from '../../src/model/corpus.js';
import type { Dataset } from '../../src/model/dataset.js';
import { corpusGraphIri, graphIri, stateIri } from '../../src/model/ids.js';
import { documentsAddressing } from '../../src/query/documents.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { exampleLines } from '../corpus/helpers.js';
import { tripleLines } from '../helpers/rdf.js';

const kg = loadGraph();

function read(lines: string | Iterable<string>): Corpus {
  const { corpus, errors } = readCorpusLines(kg, lines);
  expect(errors).toEqual([]);
  return corpus;
}

const example = read(exampleLines());
// A State the curated graph does not name (only the corpus refers to it): it must not enter the curated dataset.
const generated = read(generateCorpus({ laws: 4, cases: 6, seed: 7, id: 'generated', states: ['IT', 'NZL'] }));

/** What a corpus's records say, without `line` (the position of a record's first quad, which depends on the format). */
function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'line').map(([k, v]) => [k, withoutLines(v)]));
}

/** The data triples a dataset gives (without the metadata graph, which names the graphs). */
const data = (dataset: Dataset) => exportQuads(dataset).filter((q) => q.graph.value !== graphIri('meta'));
const text = (graph: KnowledgeGraph, format: 'ntriples' | 'turtle' | 'nquads') => [...writeExport(graph, format)].join('');
const imported = (graph: KnowledgeGraph, format: 'ntriples' | 'turtle' | 'nquads') => importRdf(text(graph, format), { format, name: 'export' });

/** The error an import throws, or fails the test. */
async function failure(input: string, format: 'ntriples' | 'turtle'): Promise<unknown> {
  try {
    await importRdf(input, { format, name: 'export' });
  } catch (error) {
    return error;
  }
  throw new Error('the import did not fail');
}

test('the generated corpus names a State the curated graph does not', () => {
  expect(kg.dataset.states.map((s) => s.iri)).not.toContain(stateIri('NZL'));
  expect(generated.legislation.some((l) => l.state === 'NZ')).toBe(true);
});

describe.each([
  ['the example corpus', example],
  ['a generated corpus', generated],
] as const)('the curated graph with %s', (_name, corpus) => {
  const graph = withCorpora(kg, [corpus]);
  const fromQuads = imported(graph, 'nquads');
  const provisions = [...new Set(corpus.links.filter((l) => l.toKind === 'provision').map((l) => l.to))];

  test.each(['ntriples', 'turtle'] as const)('imports from %s as from N-Quads', async (format) => {
    const [back, expected] = await Promise.all([imported(graph, format), fromQuads]);
    // A dataset read without graphs differs from one read with them only in what graphs say (a record's file, so
    // the graph it goes to; the order of a record's sources), as in tests/rdf/import.test.ts: the data triples agree.
    expect(tripleLines(data(back.dataset))).toEqual(tripleLines(data(expected.dataset)));
    expect(back.corpus.corpora.map(withoutLines)).toEqual(expected.corpus.corpora.map(withoutLines));
    expect(back.corpus.corpora.map(withoutLines)).toEqual([withoutLines(corpus)]);
    expect(provisions.length).toBeGreaterThan(0);
    for (const provision of provisions) {
      expect(withoutLines(documentsAddressing(back, provision)), provision).toEqual(withoutLines(documentsAddressing(expected, provision)));
    }
  });

  test('the curated dataset is the one imported without the corpus', async () => {
    const [back, alone] = await Promise.all([imported(graph, 'ntriples'), imported(kg, 'ntriples')]);
    expect(back.dataset).toEqual(alone.dataset);
    expect(alone.corpus.corpora).toEqual([]);
  });
});

/** A corpus's records as sets (RDF keeps the order of records only as the order their subjects come in). */
function recordSets(corpus: Corpus): unknown {
  const set = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(withoutLines(r))).sort();
  const { legislation, sections, cases, links, sources, ...head } = corpus;
  return { head, legislation: set(legislation), sections: set(sections), cases: set(cases), links: set(links), sources: set(sources) };
}

test('in any order of the lines, N-Triples give the same corpus and curated data (a link may come before its rdf:subject)', async () => {
  const graph = withCorpora(kg, [example]);
  const exported = text(graph, 'ntriples').split('\n').filter((l) => l !== '');
  const expected = await imported(graph, 'nquads');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.nat(), { minLength: exported.length, maxLength: exported.length }), async (keys) => {
      const order = exported.map((l, i) => [keys[i]!, l] as const).sort((x, y) => x[0] - y[0]);
      const back = await importRdf(order.map(([, l]) => l).join('\n'), { format: 'ntriples', name: 'export' });
      expect(back.corpus.corpora.map(recordSets)).toEqual(expected.corpus.corpora.map(recordSets));
      expect(new Set(tripleLines(data(back.dataset)))).toEqual(new Set(tripleLines(data(expected.dataset))));
    }),
    { seed: 42, numRuns: 3 },
  );
});

describe('what merged triples cannot say', () => {
  const both = withCorpora(kg, [example, generated]);

  test('two corpora import from N-Quads, each from its graph', async () => {
    const back = await imported(both, 'nquads');
    expect(back.corpus.corpora.map((c) => c.id).sort()).toEqual(['example', 'generated']);
  });

  test.each(['ntriples', 'turtle'] as const)('two corpora in %s are refused: their laws and cases cannot be told apart', async (format) => {
    const error = await failure(text(both, format), format);
    expect(isUntocKgError(error) && error.code).toBe('rdf_corpus_ambiguous');
    expect(isUntocKgError(error) && error.suggestions).toContain('nquads');
  });

  test('corpus records without their ukg:Corpus node are refused', async () => {
    const corpusNode = `<${corpusGraphIri('example')}> `;
    const input = text(withCorpora(kg, [example]), 'ntriples')
      .split('\n')
      .filter((l) => !l.startsWith(corpusNode))
      .join('\n');
    const error = await failure(input, 'ntriples');
    expect(isUntocKgError(error) && error.code).toBe('rdf_corpus_missing');
  });
});
