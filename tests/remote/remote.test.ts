/**
 * Publishing to a real store and asking it the typed questions: against a throw-away local Virtuoso (scripts/
 * virtuoso.sh), which this file starts and stops. Without one, a "skipped: …" test says why.
 */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { provision } from '../../src/query/provisions.js';
import { search } from '../../src/query/search.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { publish, publishQuads, remoteGraph, readCredentials } from '../../src/remote/index.js';
import { select } from '../../src/remote/client.js';
import { runCli } from '../helpers/io.js';
import { failureOf, startVirtuoso, stopVirtuoso, type Virtuoso } from './virtuoso.js';

const { namedNode, literal, quad } = DataFactory;
const started = startVirtuoso();
const server: Virtuoso | undefined = 'reason' in started ? undefined : started;
afterAll(() => {
  if (server) stopVirtuoso(server);
});

if (!server) test(`skipped: no local Virtuoso (${'reason' in started ? started.reason : ''}); .ci/install-test-tools installs it`, () => {});

/**
 * Evidence, and themes of one provision, in a fixed order: the store keeps no order among the links of one node, the
 * local graph has them in file order. Everything else (results, parts, paths, references) must match in order.
 */
function canonical<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    (key === 'evidence' || key === 'themes') && Array.isArray(v) ? [...v].sort((a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v,
  ) as T;
}

/** A small graph of `n` triples that all carry `version`, for the swap tests. */
function versioned(graph: string, version: string, n: number): Quad[] {
  return Array.from({ length: n }, (_, i) => quad(namedNode(`https://example.org/s/${i}`), namedNode('https://example.org/version'), literal(version), namedNode(graph)));
}

describe.skipIf(!server)('a store of the published graph (local Virtuoso)', () => {
  const kg = loadGraph();
  const s = server!;
  const store = () => remoteGraph(s.query);

  beforeAll(async () => {
    const result = await publish(kg, { endpoint: s.update, credentials: s.credentials });
    expect(result.triples).toBe(exportQuads(kg.dataset).length);
  });

  test('every named graph of the export is in the store, with the same IRIs and sizes', async () => {
    const expected = new Map<string, number>();
    // An RDF graph is a set: a triple written twice is one triple in the store.
    const distinct = new Set(exportQuads(kg.dataset).map((q) => JSON.stringify([q.subject, q.predicate, q.object, q.graph])));
    for (const key of distinct) {
      const graph = (JSON.parse(key) as { value: string }[])[3]!.value;
      expected.set(graph, (expected.get(graph) ?? 0) + 1);
    }
    const rows = await select('test', { query: s.query }, 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g');
    const present = new Map(rows.filter((r) => r.g!.startsWith('https://w3id.org/untoc-kg/graph/')).map((r) => [r.g!, Number(r.n)]));
    expect(present).toEqual(expected);
  });

  test('for every provision, the store answers toolsAddressing as the local graph does (related too for every fifth)', async () => {
    const remote = store();
    const ids = [...kg.dataset.instruments.map((i) => i.iri), ...kg.dataset.provisions.map((p) => p.id)];
    let answered = 0;
    for (let i = 0; i < ids.length; i += 12) {
      await Promise.all(
        ids.slice(i, i + 12).map(async (id, j) => {
          const options = (i + j) % 5 === 0 ? { match: ['exact', 'broader', 'narrower', 'related'] as const } : {};
          const local = toolsAddressing(kg, id, options);
          const there = await remote.toolsAddressing(id, options);
          expect(canonical(there), id).toEqual(canonical(local));
          answered += local.results.length;
        }),
      );
    }
    expect(answered).toBeGreaterThan(100);
  }, 150_000);

  test('provision and search answer as the local graph does', async () => {
    const remote = store();
    for (const ref of ['SOM Protocol art. 8(6)', 'art. 27 para. 1(e)', 'art. 27', 'SOM Protocol art. 6', 'TIP Protocol art. 10', 'UNTOC']) {
      expect(canonical(await remote.provision(ref)), ref).toEqual(canonical(provision(kg, ref)));
    }
    for (const text of ['liaison officers', 'sea', 'mutual legal assistance', 'art. 27', 'smuggling']) {
      expect(await remote.search(text), text).toEqual(search(kg, text));
    }
  });

  test('bad input fails as locally, before any request; a store that does not answer is remote_unreachable', async () => {
    const remote = store();
    expect((await failureOf(remote.toolsAddressing('art. 99'))).code).toBe('unknown_provision');
    expect((await failureOf(remote.search('  '))).code).toBe('empty_query');
    expect(() => remoteGraph('ftp://example.org/sparql')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect((await failureOf(remoteGraph('http://127.0.0.1:9/sparql').toolsAddressing('art. 27'))).code).toBe('remote_unreachable');
  });

  test('re-publishing while a reader queries: the reader sees the old graph or the new one, never a mix', async () => {
    const graph = 'https://example.org/graph/swap';
    const n = 600;
    await publishQuads(versioned(graph, 'v0', n), { endpoint: s.update, credentials: s.credentials });
    const seen: string[] = [];
    let done = false;
    const reader = (async () => {
      while (!done) {
        const rows = await select('test', { query: s.query }, `SELECT ?v (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s <https://example.org/version> ?v } } GROUP BY ?v`);
        seen.push(rows.map((r) => `${r.v}:${r.n}`).sort().join(' '));
      }
    })();
    for (const version of ['v1', 'v2', 'v3']) await publishQuads(versioned(graph, version, n), { endpoint: s.update, credentials: s.credentials, batchSize: 50 });
    done = true;
    await reader;
    expect(seen.length).toBeGreaterThan(3);
    for (const reading of seen) expect(['v0', 'v1', 'v2', 'v3'].map((v) => `${v}:${n}`)).toContain(reading);
  });

  test('a failure part-way leaves the published graph as it was, drops the temporary one and says what was sent', async () => {
    const graph = 'https://example.org/graph/fail';
    await publishQuads(versioned(graph, 'old', 100), { endpoint: s.update, credentials: s.credentials });
    let batches = 0;
    const error = await failureOf(
      publishQuads(versioned(graph, 'new', 100), {
        endpoint: s.update,
        credentials: s.credentials,
        batchSize: 30,
        onProgress: () => {
          if (++batches === 2) throw new Error('connection lost');
        },
      }),
    );
    expect(error.code).toBe('publish_incomplete');
    expect(error.value).toEqual({ graph, sent: 60, total: 100, requests: 3 });
    const rows = await select('test', { query: s.query }, `SELECT ?g ?v (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <https://example.org/version> ?v } FILTER(STRSTARTS(STR(?g), "${graph}")) } GROUP BY ?g ?v`);
    expect(rows).toEqual([{ g: graph, v: 'old', n: '100' }]);
  });

  test('with the Graph Store Protocol the data goes there, and the swap is the same', async () => {
    const graph = 'https://example.org/graph/gsp';
    await publishQuads(versioned(graph, 'gsp', 120), { endpoint: s.update, graphStore: s.graphStore, credentials: s.credentials, batchSize: 50 });
    const rows = await select('test', { query: s.query }, `SELECT ?v (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?v } } GROUP BY ?v`);
    expect(rows).toEqual([{ v: 'gsp', n: '120' }]);
  });

  test('credentials: a wrong password is remote_credentials, and no password appears in an error', async () => {
    const wrong = { user: s.credentials.user, password: 'not-the-password-7f3a' };
    const error = await failureOf(publishQuads(versioned('https://example.org/graph/x', 'x', 1), { endpoint: s.update, credentials: wrong }));
    expect(error.code).toBe('remote_credentials');
    expect(JSON.stringify({ message: error.message, value: error.value })).not.toContain(wrong.password);
    const none = await failureOf(publishQuads(versioned('https://example.org/graph/x', 'x', 1), { endpoint: s.update }));
    expect(none.code).toBe('remote_credentials');
    expect((await failureOf(publishQuads([], { endpoint: 'http://u:p@127.0.0.1/sparql' }))).code).toBe('remote_credentials');
    expect((await failureOf(readCredentials({ UNTOC_KG_ENDPOINT_USER: 'u' }))).code).toBe('remote_credentials');
    await expect(readCredentials({ UNTOC_KG_ENDPOINT_USER: 'u', UNTOC_KG_ENDPOINT_PASSWORD: 'p' })).resolves.toEqual({ user: 'u', password: 'p' });
  });

  test('the CLI publishes with credentials from the environment and asks the store with --endpoint', async () => {
    const before = { ...process.env };
    process.env.UNTOC_KG_ENDPOINT_USER = s.credentials.user;
    process.env.UNTOC_KG_ENDPOINT_PASSWORD = s.credentials.password;
    try {
      const published = await runCli('publish', '--endpoint', s.update, '--graph', 'instrument/untoc', '--graph', 'tool', '--json');
      expect(published.code, published.err).toBe(0);
      expect(`${published.out}${published.err}`).not.toContain(s.credentials.password);
      expect(JSON.parse(published.out).graphs.length).toBeGreaterThan(1);
      const remote = await runCli('tools', 'art. 27 para. 1(e)', '--endpoint', s.query, '--json');
      const local = await runCli('tools', 'art. 27 para. 1(e)', '--json');
      expect(canonical(JSON.parse(remote.out))).toEqual(canonical(JSON.parse(local.out)));
      const shown = await runCli('show', 'SOM Protocol art. 8(6)', '--endpoint', s.query, '--json');
      expect(canonical(JSON.parse(shown.out))).toEqual(canonical(JSON.parse((await runCli('show', 'SOM Protocol art. 8(6)', '--json')).out)));
      process.env.UNTOC_KG_ENDPOINT_PASSWORD = 'wrong-password-91c2';
      const refused = await runCli('publish', '--endpoint', s.update, '--graph', 'themes');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('[remote_credentials]');
      expect(refused.err).not.toContain('wrong-password-91c2');
      expect((await runCli('publish', '--endpoint', s.update, '--password', 'x')).code).toBe(2);
    } finally {
      process.env = before;
    }
  });
});
