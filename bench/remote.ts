/**
 * `npm run bench -- remote`: the local index against a store (a throw-away Virtuoso started by scripts/virtuoso.sh,
 * or the one UNTOC_KG_BENCH_VIRTUOSO names: a file holding the output of `scripts/virtuoso.sh start`).
 * - the main queries (toolsAddressing, provision, search, and documentsAddressing and coverage over a synthetic
 *   corpus of UNTOC_KG_BENCH_CORPUS_TRIPLES triples, default 20,000, published beside the graph): the first call (a
 *   fresh graph or client) and repeated calls, five runs each, median;
 * - publishing UNTOC_KG_BENCH_TRIPLES synthetic triples (default 1,000,000) with `publishQuads` (Graph Store
 *   Protocol, then the swap) against Virtuoso's own bulk loader (ld_dir + rdf_loader_run through isql) on the same
 *   N-Quads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { coverage, documentsAddressing, loadGraph, provision, search, toolsAddressing, withCorpora, type KnowledgeGraph } from '../dist/index.js';
import { generateCorpus, readCorpusLines } from '../dist/data.js';
import { rdfToString } from '../dist/rdf.js';
import { publish, publishQuads, remoteGraph } from '../dist/remote.js';
import { summarize, ratio } from './harness.js';

const SCRIPT = fileURLToPath(new URL('../scripts/virtuoso.sh', import.meta.url));
const RUNS = 5;

interface Server {
  dir: string;
  query: string;
  update: string;
  graphStore: string;
  isqlPort: string;
  password: string;
  owned: boolean;
}

function start(): Server {
  const reuse = process.env.UNTOC_KG_BENCH_VIRTUOSO;
  const text = reuse ? readFileSync(reuse, 'utf8') : spawnSync('bash', [SCRIPT, 'start'], { encoding: 'utf8' }).stdout;
  const env = Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  if (!env.VIRTUOSO_DIR) throw new Error('bench remote: scripts/virtuoso.sh start failed; run it to see why');
  return {
    dir: env.VIRTUOSO_DIR,
    query: env.VIRTUOSO_QUERY_ENDPOINT!,
    update: env.VIRTUOSO_ENDPOINT!,
    graphStore: env.VIRTUOSO_GRAPH_STORE!,
    isqlPort: env.VIRTUOSO_ISQL_PORT!,
    password: readFileSync(`${env.VIRTUOSO_DIR}/password`, 'utf8'),
    owned: !reuse,
  };
}

async function time(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Median of five runs, in milliseconds. */
async function median(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await time(fn));
  return Math.round(summarize(times.map((ms) => ms * 1000), RUNS).median_us) / 1000;
}

function synthetic(n: number, graph: string): Quad[] {
  const { namedNode, literal, quad } = DataFactory;
  const g = namedNode(graph);
  const out: Quad[] = [];
  for (let i = 0; i < n; i++) {
    const doc = namedNode(`https://w3id.org/untoc-kg/doc/xxx/legislation/bench${Math.floor(i / 10)}`);
    out.push(i % 2 === 0 ? quad(doc, namedNode(`https://example.org/p${i % 10}`), literal(`value ${i} "quoted" é`), g) : quad(doc, namedNode(`https://example.org/p${i % 10}`), namedNode(`https://example.org/o${i}`), g));
  }
  return out;
}

export async function run(): Promise<unknown> {
  const server = start();
  const credentials = { user: 'untoc', password: server.password };
  try {
    const base = loadGraph();
    const corpusTriples = Number(process.env.UNTOC_KG_BENCH_CORPUS_TRIPLES ?? 20_000);
    const { corpus } = readCorpusLines(base, [...generateCorpus({ triples: corpusTriples, seed: 1 })].join('\n'));
    const kg = withCorpora(base, [corpus]);
    await publish(kg, { endpoint: server.update, credentials });
    const questions: [string, (store: ReturnType<typeof remoteGraph>) => Promise<unknown>, (graph: KnowledgeGraph) => unknown][] = [
      ['toolsAddressing art. 27 para. 1(e)', (r) => r.toolsAddressing('art. 27 para. 1(e)'), (g) => toolsAddressing(g, 'art. 27 para. 1(e)')],
      ['provision SOM art. 8(6)', (r) => r.provision('SOM Protocol art. 8(6)'), (g) => provision(g, 'SOM Protocol art. 8(6)')],
      ['search liaison officers', (r) => r.search('liaison officers'), (g) => search(g, 'liaison officers')],
      ['documentsAddressing SOM art. 6', (r) => r.documentsAddressing('SOM Protocol art. 6'), (g) => documentsAddressing(g, 'SOM Protocol art. 6')],
      ['documentsAddressing UNTOC art. 5, IT and FR', (r) => r.documentsAddressing('art. 5', { state: ['IT', 'FR'] }), (g) => documentsAddressing(g, 'art. 5', { state: ['IT', 'FR'] })],
      ['coverage SOM art. 6', (r) => r.coverage('SOM Protocol art. 6'), (g) => coverage(g, 'SOM Protocol art. 6')],
    ];
    const queries: Record<string, unknown> = {};
    for (const [name, remote, local] of questions) {
      const first = await median(() => remote(remoteGraph(server.query)));
      const store = remoteGraph(server.query);
      await remote(store);
      const repeated = await median(() => remote(store));
      const localFirst = await median(() => local(withCorpora(loadGraph(), [corpus])));
      const localRepeated = await median(() => local(kg));
      queries[name] = { virtuoso_first_ms: first, virtuoso_repeated_ms: repeated, local_first_ms: localFirst, local_repeated_ms: localRepeated, ratio_repeated: ratio(repeated, localRepeated) };
    }

    const triples = Number(process.env.UNTOC_KG_BENCH_TRIPLES ?? 1_000_000);
    const quads = synthetic(triples, 'https://example.org/graph/bench-publish');
    const publishMs = await time(() => publishQuads(quads, { endpoint: server.update, graphStore: server.graphStore, credentials }));
    // A new file name each run: the bulk loader skips a file its load list has seen (a reused server).
    const file = `bench-${Date.now()}.nq`;
    writeFileSync(`${server.dir}/load/${file}`, rdfToString(synthetic(triples, 'https://example.org/graph/bench-bulk'), 'nquads'));
    const isql = (sql: string) => {
      const r = spawnSync('isql-vt', [server.isqlPort, 'dba', server.password], { input: sql, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`isql failed: ${r.stderr.slice(0, 200)}`);
    };
    const bulkMs = await time(() => isql(`ld_dir('${server.dir}/load', '${file}', 'https://example.org/graph/unused');\nrdf_loader_run();\ncheckpoint;\n`));
    return {
      runs: RUNS,
      corpus: { note: 'SYNTHETIC (generateCorpus, seed 1)', triples_asked: corpusTriples, laws: corpus.legislation.length, cases: corpus.cases.length, links: corpus.links.length },
      queries,
      publish: { triples, publishQuads_gsp_ms: Math.round(publishMs), virtuoso_bulk_loader_ms: Math.round(bulkMs), ratio: ratio(publishMs, bulkMs) },
    };
  } finally {
    if (server.owned) spawnSync('bash', [SCRIPT, 'stop', server.dir]);
  }
}
