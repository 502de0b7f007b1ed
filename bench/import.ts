/**
 * Import benchmark (`npm run bench -- import`): `importRdf` reading back what the package exports, against the peer a
 * user would pick to read the same text, N3's `Parser` into an N3 `Store`. For each size of `UNTOC_KG_BENCH_SCALE`
 * (default 10k, 100k and 1M triples of SYNTHETIC corpus, made by `generateCorpus`):
 * - the text: the curated graph plus the generated corpus, loaded (`readCorpusLines` + `withCorpora`) and exported as
 *   N-Quads with the package's own `writeExport`, built once, outside the timing;
 * - `RUNS` runs, the two sides interleaved in each run: `importRdf(text, { format: 'nquads' })` (parse, SHACL and
 *   records of the curated part, the corpus read back and checked, the graph and its lookup built: a graph the
 *   queries answer from) against `new Store()` + `store.addQuads(new Parser({ format: 'N-Quads' }).parse(text))`;
 * - the ratio of the medians (target ≤ 1.2) and how each side's time grows from the smallest size to the largest
 *   against how the quads grow (linear: the same factor).
 */
import { Parser, Store } from 'n3';
import { loadGraph, withCorpora } from '../dist/index.js';
import { generateCorpus, readCorpusLines } from '../dist/data.js';
import { importRdf, writeExport } from '../dist/rdf.js';
import { msSince, ratio, RUNS, runsOf, target } from './harness.js';

const SIZES = (process.env['UNTOC_KG_BENCH_SCALE'] ?? '10000,100000,1000000').split(',').map(Number);

/** The N-Quads export of the curated graph with a generated corpus of about `triples` triples. */
function exportText(triples: number): string {
  const kg = loadGraph();
  const { corpus } = readCorpusLines(kg, generateCorpus({ triples }));
  return [...writeExport(withCorpora(kg, [corpus]), 'nquads')].join('');
}

async function one(triples: number) {
  const text = exportText(triples);
  let quads = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) quads++;
  const ours: number[] = [];
  const n3: number[] = [];
  let corpora = 0;
  for (let r = 0; r < RUNS; r++) {
    let t0 = process.hrtime.bigint();
    const kg = await importRdf(text, { format: 'nquads', name: 'bench.nq' });
    ours.push(msSince(t0));
    corpora = kg.corpus.corpora.length;
    t0 = process.hrtime.bigint();
    const store = new Store();
    store.addQuads(new Parser({ format: 'N-Quads' }).parse(text));
    n3.push(msSince(t0));
    if (store.size !== quads) throw new Error(`bench: N3 read ${store.size} quads of ${quads}`);
  }
  const [a, b] = [runsOf(ours), runsOf(n3)];
  return {
    text: { requested_triples: triples, quads, bytes: text.length, corpora_read_back: corpora },
    ms: { importRdf: a, n3_parse_into_store: b },
    targets: { importRdf_vs_n3_parse_and_store: target(ratio(a.median, b.median), '<=', 1.2) },
  };
}

export async function run() {
  const sizes: Record<string, Awaited<ReturnType<typeof one>>> = {};
  for (const triples of SIZES) {
    process.stderr.write(`bench: import ${triples}…\n`);
    const result = await one(triples);
    sizes[String(triples)] = result;
    process.stderr.write(`bench: import ${triples}: ${JSON.stringify({ text: result.text, targets: result.targets })}\n`);
  }
  const sorted = [...SIZES].sort((x, y) => x - y);
  const [small, previous, large] = [sizes[String(sorted[0])]!, sizes[String(sorted.at(-2) ?? sorted[0])]!, sizes[String(sorted.at(-1))]!];
  // Linear: from the next-to-largest size to the largest, time per quad grows at most 1.5× (the smallest size is
  // mostly the curated graph's fixed cost, which hides how the rest grows).
  const perQuadGrowth = ratio(large.ms.importRdf.median / large.text.quads, previous.ms.importRdf.median / previous.text.quads);
  return {
    note: 'SYNTHETIC corpora (generateCorpus) with the curated graph, exported as N-Quads by writeExport. Ratios are taken within one run, the sides interleaved; the machine may be loaded.',
    runs: RUNS,
    sizes,
    growth: {
      from: small.text.quads,
      to: large.text.quads,
      quads: ratio(large.text.quads, small.text.quads),
      importRdf: ratio(large.ms.importRdf.median, small.ms.importRdf.median),
      n3_parse_into_store: ratio(large.ms.n3_parse_into_store.median, small.ms.n3_parse_into_store.median),
      importRdf_time_per_quad_last_step: perQuadGrowth,
    },
    targets: { importRdf_linear: target(perQuadGrowth, '<=', 1.5) },
  };
}
