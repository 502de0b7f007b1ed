/**
 * Research corpora in a real store: the hand-written example corpus (with the citations found in its texts) and a
 * generated one of a few thousand triples are published to a throw-away local Virtuoso (scripts/virtuoso.sh, started
 * and stopped by this file), and the store answers `documentsAddressing` and `coverage` as the local graph does, in
 * the library and on the command line. Without a Virtuoso, a "skipped: …" test says why.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { coverage, documentsAddressing, type DocumentsAddressingOptions } from '../../src/query/documents.js';
import { provision } from '../../src/query/provisions.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { publish, remoteGraph } from '../../src/remote/index.js';
import { exampleLines } from '../corpus/helpers.js';
import { runCli } from '../helpers/io.js';
import { failureOf, startVirtuoso, stopVirtuoso, type Virtuoso } from './virtuoso.js';

const started = startVirtuoso();
const server: Virtuoso | undefined = 'reason' in started ? undefined : started;
afterAll(() => {
  if (server) stopVirtuoso(server);
});

if (!server) test(`skipped: no local Virtuoso (${'reason' in started ? started.reason : ''}); .ci/install-test-tools installs it`, () => {});

/** Runs `work` on each item, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)));
}

describe.skipIf(!server)('research corpora in a store (local Virtuoso)', () => {
  const s = server!;
  const base = loadGraph();
  const example = readCorpusLines(base, exampleLines(), { deriveCitations: true }).corpus;
  const generated = readCorpusLines(base, [...generateCorpus({ laws: 30, cases: 30, seed: 3 })].join('\n')).corpus;
  const kg = withCorpora(base, [example, generated]);
  const store = () => remoteGraph(s.query);

  beforeAll(async () => {
    const result = await publish(kg, { endpoint: s.update, credentials: s.credentials });
    expect(result.graphs.map((g) => g.graph)).toEqual(expect.arrayContaining([example.graph, generated.graph]));
  });

  test('the corpora exercise what the comparison needs: derived text citations, several sources, both kinds', () => {
    expect(example.links.some((l) => l.derived && l.locator)).toBe(true);
    expect(new Set(example.links.map((l) => l.basis))).toEqual(new Set(['text', 'source', 'curated']));
    expect(generated.links.length).toBeGreaterThan(100);
    expect(generated.cases.some((c) => c.crimeTypes.includes('Smuggling of migrants'))).toBe(true);
  });

  test('for every provision the corpora cite and every seventh other one, documentsAddressing answers as locally', async () => {
    const cited = new Set<string>([...example.links, ...generated.links].filter((l) => l.toKind === 'provision').map((l) => l.to));
    const others = [...base.dataset.instruments.map((i) => i.iri), ...base.dataset.provisions.map((p) => p.id)].filter((id, i) => !cited.has(id) && i % 7 === 0);
    const remote = store();
    let answered = 0;
    await inBatches([...cited, ...others], 8, async (id) => {
      const there = await remote.documentsAddressing(id);
      expect(there, id).toEqual(documentsAddressing(kg, id));
      answered += there.results.length;
    });
    expect(cited.size).toBeGreaterThan(30);
    expect(answered).toBeGreaterThan(cited.size);
  }, 120_000);

  const filtered: [string, DocumentsAddressingOptions][] = [
    ['SOM Protocol art. 6', { state: ['IT', 'DEU'] }],
    ['SOM Protocol art. 6', { state: 'FR' }],
    ['SOM Protocol art. 6(3)(a)', { kinds: ['case'], crimeType: 'smuggling of  MIGRANTS' }],
    ['SOM Protocol', { kinds: ['legislation'] }],
    ['UNTOC', { kinds: ['case'], crimeType: 'Money laundering', state: ['IT', 'ES', 'MX'] }],
    ['art. 5', { match: ['exact', 'narrower'] }],
    ['SOM Protocol art. 6(1)(a)', { match: ['broader'], state: 'IT' }],
  ];
  test.each(filtered)('documentsAddressing(%j, %j) with filters answers as locally', async (ref, options) => {
    const local = documentsAddressing(kg, ref, options);
    expect(await store().documentsAddressing(ref, options)).toEqual(local);
  });

  test('coverage answers as locally: every State of the store by default, or the ones asked for', async () => {
    const remote = store();
    const cases: [string, { states?: string[] }][] = [
      ['SOM Protocol art. 6', {}],
      ['SOM Protocol', {}],
      ['UNTOC art. 5', {}],
      ['art. 27 para. 1(e)', {}],
      ['SOM Protocol art. 6', { states: ['IT', 'DE', 'FR', 'US'] }],
      ['UNTOC', { states: ['MX'] }],
    ];
    await inBatches(cases, 3, async ([ref, options]) => {
      const local = coverage(kg, ref, options);
      expect(await remote.coverage(ref, options), ref).toEqual(local);
    });
    expect(coverage(kg, 'SOM Protocol').states.length).toBeGreaterThan(10);
  }, 60_000);

  test('the curated questions still answer as locally with the corpora in the store beside the curated graph', async () => {
    const shape = (r: { results: readonly { tool: { id: string }; part: { iri: string } | null; match: string }[] }) => r.results.map((x) => `${x.match} ${x.tool.id} ${x.part?.iri ?? ''}`);
    for (const ref of ['SOM Protocol art. 6', 'art. 5', 'SOM Protocol art. 6(1)(a)']) {
      expect(shape(await store().toolsAddressing(ref)), ref).toEqual(shape(toolsAddressing(kg, ref)));
      expect((await store().provision(ref)).iri).toBe(provision(kg, ref).iri);
    }
  });

  test('bad input fails as locally, with the same codes, before any request', async () => {
    const offline = remoteGraph('http://127.0.0.1:9/sparql');
    expect((await failureOf(offline.documentsAddressing('art. 99'))).code).toBe('unknown_provision');
    expect((await failureOf(offline.documentsAddressing('art. 5', { state: 'XX' }))).code).toBe('unknown_state');
    expect((await failureOf(offline.documentsAddressing('art. 5', { kinds: ['statute' as never] }))).code).toBe('invalid_input');
    expect((await failureOf(offline.documentsAddressing('art. 5', { match: ['near' as never] }))).code).toBe('invalid_input');
    expect((await failureOf(offline.coverage('art. 5', { states: ['IT', '"}'] }))).code).toBe('unknown_state');
    expect((await failureOf(offline.coverage('art. 5'))).code).toBe('remote_unreachable');
  });

  test('a provision no corpus link reaches answers with no documents, as locally', async () => {
    const none = 'TIP Protocol art. 10';
    expect(documentsAddressing(kg, none).results).toEqual([]);
    expect(await store().documentsAddressing(none)).toEqual(documentsAddressing(kg, none));
  });

  test('the CLI publishes a corpus with --data and asks the store with --endpoint: documents and coverage give what --data gives, never the password', async () => {
    const before = { ...process.env };
    process.env.UNTOC_KG_ENDPOINT_USER = s.credentials.user;
    process.env.UNTOC_KG_ENDPOINT_PASSWORD = s.credentials.password;
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/untoc-kg-remote-cli-`);
    try {
      // The generated corpus only (the example one is in the store with the citations its texts hold): the questions
      // below name no provision or State of the example corpus.
      const file = `${dir}/generated.jsonl`;
      await writeFile(file, [...generateCorpus({ laws: 30, cases: 30, seed: 3 })].join('\n'));
      // Published again, by the CLI this time: the questions below are asked of that version.
      const published = await runCli('publish', '--endpoint', s.update, '--data', file, '--graph', 'corpus', '--json');
      expect(published.code, published.err).toBe(0);
      expect(JSON.parse(published.out).graphs).toEqual([{ graph: generated.graph, triples: expect.any(Number) }]);
      for (const args of [
        ['documents', 'art. 5', '--json'],
        ['documents', 'SOM Protocol art. 6', '--state', 'FR,ES', '--paths'],
        ['documents', 'SOM Protocol art. 6(3)(a)', '--kind', 'case', '--crime-type', 'Smuggling of migrants', '--state', 'MX,US,FR'],
        ['coverage', 'art. 5', '--json'],
        ['coverage', 'SOM Protocol art. 6', '--state', 'FR,ES,MX'],
        ['coverage', 'SOM Protocol art. 6', '--state', 'FR,GB', '--csv'],
      ]) {
        const remote = await runCli(...args, '--endpoint', s.query);
        const local = await runCli(...args, '--data', file);
        expect(local.code, `${args.join(' ')}: ${local.err}`).toBe(0);
        expect(remote.code, `${args.join(' ')}: ${remote.err}`).toBe(0);
        expect(remote.out, args.join(' ')).toBe(local.out);
        expect(`${remote.out}${remote.err}`).not.toContain(s.credentials.password);
      }
      expect(JSON.parse((await runCli('documents', 'art. 5', '--json', '--endpoint', s.query)).out).results.length).toBeGreaterThan(0);
      expect((await runCli('documents', 'art. 5', '--endpoint', s.query, '--data', file)).code).toBe(2);
      expect((await runCli('coverage', 'art. 5', '--endpoint', s.query, '--derive-citations')).code).toBe(2);
      const refused = await runCli('documents', 'art. 5', '--endpoint', 'http://127.0.0.1:9/sparql');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('[remote_unreachable]');
    } finally {
      process.env = before;
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
