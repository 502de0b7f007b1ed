/**
 * Hostile values never change a query's meaning against a real store (a throw-away local Virtuoso): quotes, `>`, `}`,
 * `#`, line breaks, backslashes and unicode in literals, search text, citations, State codes, crime types and the
 * fields of a published corpus. Seeded and bounded.
 */
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { readCorpusLines } from '../../src/corpus/read.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { isDocumentId } from '../../src/model/ids.js';
import { coverage, documentsAddressing } from '../../src/query/documents.js';
import { search } from '../../src/query/search.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { select } from '../../src/remote/client.js';
import { publish, publishQuads, remoteGraph } from '../../src/remote/index.js';
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

  test('corpus fields, State codes and crime types: a corpus holding hostile values, published then asked, answers as locally', async () => {
    const field = hostile.map((t) => [...t.trim()].slice(0, 30).join('')).filter((t) => t.trim().length > 0);
    // Document ids make IRIs: the reader refuses any but letters, digits and single - _ . (checked below); these pass.
    const id = fc.stringMatching(/^[A-Za-z0-9]{1,6}(?:[-_.][A-Za-z0-9]{1,6}){0,3}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ lawId: id, title: field, heading: field, abbreviation: field, caseId: id, caseTitle: field, crime: field, source: field, locator: field, note: field }),
        fc.oneof(hostile, fc.constantFrom('IT', 'DEU', 'it', 'FR,IT')),
        async (v, stateCode) => {
          const records = [
            { type: 'corpus', id: 'fuzz', title: v.title, synthetic: true },
            { type: 'source', id: 'fuzz-db', title: v.source },
            { type: 'legislation', id: v.lawId, state: 'IT', title: v.title, abbreviations: [v.abbreviation] },
            { type: 'section', legislation: v.lawId, number: '12', heading: { en: v.heading }, implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'source', source: 'fuzz-db', locator: v.locator }] },
            { type: 'case', id: v.caseId, state: 'FR', title: v.caseTitle, crimeTypes: [v.crime], applies: [{ provision: 'SOM Protocol art. 6', basis: 'curated', note: v.note }] },
          ];
          const lines = (list: readonly object[]) => list.map((r) => JSON.stringify(r)).join('\n');
          const hostileId = { ...records[4]!, id: `${v.caseId}${v.title}` };
          if (!isDocumentId(hostileId.id)) expect(await outcome(() => readCorpusLines(kg, lines([...records.slice(0, 4), hostileId])))).toEqual({ code: 'corpus_invalid' });
          const { corpus } = readCorpusLines(kg, lines(records));
          const local = withCorpora(kg, [corpus]);
          await publish(local, { endpoint: s.update, credentials: s.credentials, graphs: ['corpus/fuzz'] });
          const remote = remoteGraph(s.query);
          for (const options of [{}, { crimeType: v.crime }, { crimeType: stateCode }, { state: stateCode }, { state: stateCode, kinds: ['case' as const] }]) {
            expect(await outcome(() => remote.documentsAddressing('SOM Protocol art. 6(1)(a)', options)), JSON.stringify(options)).toEqual(await outcome(() => documentsAddressing(local, 'SOM Protocol art. 6(1)(a)', options)));
          }
          expect(await outcome(() => remote.coverage('SOM Protocol art. 6'))).toEqual(await outcome(() => coverage(local, 'SOM Protocol art. 6')));
          expect(await outcome(() => remote.coverage('SOM Protocol art. 6', { states: stateCode }))).toEqual(await outcome(() => coverage(local, 'SOM Protocol art. 6', { states: stateCode })));
        },
      ),
      { seed: 42, numRuns: 10 },
    );
  }, 120_000);
});

