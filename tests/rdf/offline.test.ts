/**
 * No JSON-LD processing touches the network. With every way out of the process stubbed to fail loudly (fetch, http,
 * https, net, tls), the JSON-LD exports and imports run; a document whose context names a remote URL fails at once
 * with a typed `remote_context` error instead of a request; and jsonld.js's global document loader is never set.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { writeExport } from '../../src/export/formats.js';
import { loadGraph } from '../../src/kg.js';
import { CONTEXT_URL } from '../../src/model/ids.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { importRdf } from '../../src/import/rdf.js';
import { staticDocumentLoader } from '../../src/import/jsonld.js';
import { parseRdf } from '../../src/import/read.js';
import { lines } from '../helpers/rdf.js';

const attempts: string[] = [];
const refuse = (what: string) => () => {
  attempts.push(what);
  throw new Error(`network access attempted: ${what}`);
};
const globalLoader = (jsonld as { documentLoader?: unknown }).documentLoader;

beforeAll(() => {
  vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
  for (const [name, module] of [['http', http], ['https', https]] as const) {
    vi.spyOn(module, 'request').mockImplementation(refuse(`${name}.request`));
    vi.spyOn(module, 'get').mockImplementation(refuse(`${name}.get`));
  }
  vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect'));
  vi.spyOn(net, 'createConnection').mockImplementation(refuse('net.createConnection'));
  vi.spyOn(tls, 'connect').mockImplementation(refuse('tls.connect'));
});
afterAll(() => vi.restoreAllMocks());

const kg = loadGraph();

describe('with the network unreachable', () => {
  test('the stubs do refuse (so the tests below would notice a request)', () => {
    expect(() => fetch('https://example.org/')).toThrow(/network access attempted/);
    attempts.length = 0;
  });

  test('JSON-LD exports, expanded, compacted and framed, and their import', async () => {
    const expected = lines(exportQuads(kg.dataset));
    for (const format of ['jsonld', 'jsonld-compact'] as const) {
      const imported = await importRdf([...writeExport(kg, format)].join(''), { format: 'jsonld' });
      expect(lines(exportQuads(imported.dataset))).toEqual(expected);
    }
    // Framed documents name the context by its URL; the static loader serves it from the package.
    const first = [...writeExport(kg, 'jsonld-framed')].join('').split('\n')[0]!;
    expect(JSON.parse(first)['@context']).toBe(CONTEXT_URL);
    expect((await parseRdf(first, 'jsonld')).length).toBeGreaterThan(5);
    expect(attempts).toEqual([]);
  });

  test('a context that names a remote URL fails at once with a clear, typed error', async () => {
    const doc = JSON.stringify({ '@context': 'https://example.org/remote-context.jsonld', '@id': 'https://example.org/a', 'title': 'x' });
    const started = Date.now();
    await expect(parseRdf(doc, 'jsonld')).rejects.toMatchObject({
      code: 'remote_context',
      value: 'https://example.org/remote-context.jsonld',
      message: expect.stringMatching(/remote context <https:\/\/example\.org\/remote-context\.jsonld>.*never fetches/),
      suggestions: [CONTEXT_URL],
    });
    await expect(importRdf(doc, { format: 'jsonld' })).rejects.toMatchObject({ code: 'remote_context' });
    // A remote context nested inside an inline one is refused the same way.
    const nested = JSON.stringify({ '@context': [{ ex: 'https://example.org/' }, 'http://example.org/other.jsonld'], '@id': 'https://example.org/a', 'ex:p': 'x' });
    await expect(parseRdf(nested, 'jsonld')).rejects.toMatchObject({ code: 'remote_context' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(attempts).toEqual([]);
  });

  test('the loader serves only the bundled context; the global loader is never set', async () => {
    const served = await staticDocumentLoader()(CONTEXT_URL);
    expect(served.document).toMatchObject({ '@context': { ukg: 'https://w3id.org/untoc-kg/ontology#' } });
    await expect(staticDocumentLoader()('https://w3id.org/untoc-kg/other.jsonld')).rejects.toMatchObject({ code: 'remote_context' });
    expect((jsonld as { documentLoader?: unknown }).documentLoader).toBe(globalLoader);
    expect(attempts).toEqual([]);
  });
});
