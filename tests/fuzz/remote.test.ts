/**
 * Hostile values never change a query's meaning against a real store (a throw-away local Virtuoso): quotes, `>`, `}`,
 * `#`, line breaks, backslashes and unicode in literals, search text and citations. Seeded and bounded.
 */
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { search } from '../../src/query/search.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { select } from '../../src/remote/client.js';
import { publishQuads, remoteGraph } from '../../src/remote/index.js';
import { sparqlValue } from '../../src/sparql/escape.js';
import { startVirtuoso, stopVirtuoso, type Virtuoso } from '../remote/virtuoso.js';

const { namedNode, literal, quad } = DataFactory;
const started = startVirtuoso();
const server: Virtuoso | undefined = 'reason' in started ? undefined : started;
afterAll(() => {
  if (server) stopVirtuoso(server);
});
if (!server) test(`skipped: no local Virtuoso (${'reason' in started ? started.reason : ''}); .ci/install-test-tools installs it`, () => {});

const HOSTILE = ['"', "'", '>', '<', '}', '{', '#', '\n', '\r', '\t', '\\', ' ', '.', ';', 'é', '中', '😀', '\u202e', 'art. 27', ' } ; DROP ALL ; ', '" . } #', 'UNION { ?s ?p ?o }'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

async function outcome<T>(work: () => Promise<T> | T): Promise<{ value: T } | { code: string }> {
  try {
    return { value: await work() };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  }
}

describe.skipIf(!server)('hostile values against a local Virtuoso', () => {
  const s = server!;
  const kg = loadGraph();

  test('a literal written with sparqlValue finds exactly the triple that holds it', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const graph = 'https://example.org/graph/fuzz';
        await publishQuads([quad(namedNode('https://example.org/x'), namedNode('https://example.org/p'), literal(text), namedNode(graph))], { endpoint: s.update, credentials: s.credentials });
        const rows = await select('test', { query: s.query }, `SELECT ?o WHERE { GRAPH ${sparqlValue({ iri: graph })} { ?x ?p ?o . FILTER (?o = ${sparqlValue(text)}) } }`);
        expect(rows).toEqual([{ o: text }]);
        const all = await select('test', { query: s.query }, `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${sparqlValue({ iri: graph })} { ?x ?p ?o } }`);
        expect(all).toEqual([{ n: '1' }]);
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  test('search text and citations: the store answers as the local graph does, or fails with the same code', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const remote = remoteGraph(s.query);
        const there = await outcome(() => remote.search(text));
        const local = await outcome(() => search(kg, text));
        if ('code' in local) expect(there).toEqual(local);
        else expect('value' in there && there.value.every((hit) => (local.value as typeof there.value).some((l) => l.iri === hit.iri))).toBe(true);
        const tools = await outcome(() => remote.toolsAddressing(text));
        const localTools = await outcome(() => toolsAddressing(kg, text));
        expect('code' in tools ? tools.code : 'answer').toBe('code' in localTools ? localTools.code : 'answer');
      }),
      { seed: 42, numRuns: 30 },
    );
  });
});
