/**
 * Scale benchmark (`npm run bench -- scale`): the research-corpus query `documentsAddressing` on SYNTHETIC
 * SHERLOC-shaped corpora of about 10k, 100k and 1M triples (`UNTOC_KG_BENCH_SCALE`, a comma-separated list), made by
 * the package's own `generateCorpus` (`untoc-kg/data`), each against the same two peers as the `queries` suite over
 * the same triples: the N3 Store walk and Oxigraph's best query (rows checked first). The peers load the triples the
 * package exports for the corpus (`corpusQuads` of `untoc-kg/rdf`, written as N-Triples). For each size:
 * - time to queryable: `readCorpus` over the JSON Lines + `withCorpora` (index and corpus lookup built), against
 *   Oxigraph loading the same corpus as N-Triples and N3 parsing it into a Store;
 * - `documentsAddressing` first calls (a fresh graph, each provision once) and repeated calls, `RUNS` runs;
 * - memory per triple: heap growth of the corpus and its graph, and of the N3 Store's share;
 * and how each cost grows from the smallest size to the largest, with what one more result costs each side.
 * Everything runs from the built package (`dist/`). Each phase is a progress line on stderr, and its seconds are in
 * the report (`phase_seconds`). From {@link SAMPLE_FROM} triples on, the Oxigraph formulation that is not compared
 * (it scans every link triple: about a second a call at 1M) is timed on a fixed sample of the provisions.
 */
import type { Quad } from '@rdfjs/types';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Parser, Store, Writer } from 'n3';
import oxigraph from 'oxigraph';
import { generateCorpus, readCorpus } from '../dist/data.js';
import { documentsAddressing, loadGraph, withCorpora } from '../dist/index.js';
import { corpusQuads } from '../dist/rdf.js';
import { compareWithPeers, msSince, Phases, ratio, RUNS, runsOf, target, type Sample } from './harness.js';
import { CORPUS_LINKS, documentRows, n3Walk, nTriples } from './peers.js';

const SIZES = (process.env['UNTOC_KG_BENCH_SCALE'] ?? '10000,100000,1000000').split(',').map(Number);

/**
 * The size (requested triples) from which the Oxigraph formulation that is not compared is timed on a sample
 * (`UNTOC_KG_BENCH_SAMPLE_FROM`, default 100,000; the headline comparisons are never sampled).
 */
const SAMPLE_FROM = Number(process.env['UNTOC_KG_BENCH_SAMPLE_FROM'] ?? 100_000);
/** Every how many provisions (from the first, in the graph's order) one is in that sample: 12 of 612. */
const SAMPLE_EVERY = 51;

/** The fixed sample of provisions on which, at large sizes, the formulation that is not compared is timed. */
function sampleOf(provisions: readonly string[]): Sample {
  const inputs = provisions.filter((_, i) => i % SAMPLE_EVERY === 0);
  return { inputs, note: `${inputs.length} of ${provisions.length} provisions (one in ${SAMPLE_EVERY}, from the first; sizes from ${SAMPLE_FROM} triples on)` };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Quads as N-Triples (their graph dropped): the triples the peers load. */
function quadsAsNTriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  for (const q of quads) writer.addQuad(q.subject, q.predicate, q.object);
  let out = '';
  writer.end((error, text) => {
    if (error) throw error;
    out = text;
  });
  return out;
}

/** Frees an Oxigraph store's memory now (its WebAssembly side), rather than when the garbage collector finalizes it. */
function free(store: object): void {
  if ('free' in store && typeof store.free === 'function') store.free();
}

async function one(triples: number) {
  const phases = new Phases(`scale ${triples}`);
  const base = loadGraph();
  const provisions = [...base.dataset.provisions.map((p): string => p.id), ...base.dataset.instruments.map((i): string => i.iri)];
  const lines = await phases.run('generate', () => [...generateCorpus({ triples, seed: 1 })]);

  // Time to queryable, RUNS runs, each side in turn within a run (the library, Oxigraph, N3), each after a full
  // garbage collection, so that a change of the machine's load or a collection owed by the previous side moves every
  // side of a run alike. The heap growth is the first run's (a later one finds part of the previous graph's memory
  // still held until the next load replaces it, and would show less than one graph holds).
  const loads: number[] = [];
  const oxiLoads: number[] = [];
  const n3Loads: number[] = [];
  let kg = base;
  let bytes = 0;
  let n3Bytes = 0;
  let nt = '';
  const baseNt = nTriples(base.store);
  let oxi = new oxigraph.Store();
  let store = new Store();
  for (let r = 0; r < RUNS; r++) {
    kg = base;
    const before = heap();
    await phases.run('library load', async () => {
      const t0 = process.hrtime.bigint();
      const { corpus } = await readCorpus(base, lines);
      kg = withCorpora(base, [corpus]);
      loads.push(msSince(t0));
    });
    if (r === 0) {
      bytes = heap() - before;
      const loaded = kg.corpus.corpora[0]!;
      nt = await phases.run('serialize', () => quadsAsNTriples(corpusQuads(loaded)));
    }
    free(oxi);
    oxi = new oxigraph.Store();
    oxi.load(baseNt, { format: 'application/n-triples' });
    gc();
    await phases.run('oxigraph load', () => {
      const t0 = process.hrtime.bigint();
      oxi.load(nt, { format: 'application/n-triples' });
      oxiLoads.push(msSince(t0));
    });
    store = new Store(base.store.getQuads(null, null, null, null));
    const n3Before = heap();
    await phases.run('n3 load', () => {
      const t0 = process.hrtime.bigint();
      store.addQuads(new Parser({ format: 'N-Triples' }).parse(nt));
      n3Loads.push(msSince(t0));
    });
    if (r === 0) n3Bytes = heap() - n3Before;
  }
  const corpus = kg.corpus.corpora[0]!;
  const count = nt.split('\n').length - 1;

  const ours = (x: string) => documentRows(documentsAddressing(kg, x).results);
  const fresh = (): ((x: string) => unknown) => {
    const graph = withCorpora(base, [corpus]);
    return (x) => documentsAddressing(graph, x);
  };
  const sides = { library: { name: 'documentsAddressing', fresh }, ours, walk: (x: string) => n3Walk(store, x, CORPUS_LINKS), oxigraph: oxi, predicates: CORPUS_LINKS };
  const compared = await compareWithPeers(provisions, sides, { phases, ...(triples >= SAMPLE_FROM ? { sample: sampleOf(provisions) } : {}) });
  const load = runsOf(loads);
  const oxiLoad = runsOf(oxiLoads);
  const results = await phases.run('answer sizes', () => provisions.map((x) => ours(x).length).sort((a, b) => a - b));
  free(oxi);
  return {
    corpus: {
      requested_triples: triples,
      triples: count,
      json_lines: lines.length,
      links: corpus.links.length,
      provisions_queried: provisions.length,
      results_per_call_mean: Math.round((results.reduce((a, b) => a + b, 0) / results.length) * 10) / 10,
      results_per_call_median: results[Math.floor(results.length / 2)]!,
      results_per_call_max: results.at(-1)!,
    },
    load_ms: { readCorpus_and_withCorpora: load, oxigraph_load_ntriples: oxiLoad, n3_parse_into_store: runsOf(n3Loads) },
    memory_bytes_per_triple: { ours_corpus_and_graph: Math.round(bytes / count), n3_store: Math.round(n3Bytes / count) },
    documentsAddressing: compared.library,
    n3_store_walk: compared.n3_store_walk,
    oxigraph: compared.oxigraph,
    phase_seconds: phases.seconds,
    targets: {
      ...compared.targets,
      load_vs_oxigraph_ntriples: target(ratio(load.median, oxiLoad.median), '<=', 1),
      memory_bytes_per_triple: target(Math.round(bytes / count), '<=', 300),
    },
  };
}

type Size = Awaited<ReturnType<typeof one>>;

/**
 * What one more result costs a call, from the smallest size to the largest: the growth of the median time per call
 * over the growth of the mean answer (the same provisions, the same tree to walk; only the answers grow). The ratio of
 * the walk's figure to ours is the ratio a call with a large answer tends to.
 */
function costPerResult(small: Size, large: Size) {
  const more = large.corpus.results_per_call_mean - small.corpus.results_per_call_mean;
  if (more <= 0) return { note: 'needs two sizes whose answers differ' };
  const per = (f: (s: Size) => number) => Math.round(((f(large) - f(small)) / more) * 1000) / 1000;
  const ours = { first_call_us: per((s) => s.documentsAddressing.first_call_us.median), repeated_call_us: per((s) => s.documentsAddressing.repeated_call_us.median) };
  const walk = { first_call_us: per((s) => s.n3_store_walk.first_call_us.median), repeated_call_us: per((s) => s.n3_store_walk.repeated_call_us.median) };
  return {
    note: 'µs per result: (median per call at the largest size − at the smallest) / (mean results per call there − here); meaningful when the answers grow several-fold (10k to 100k or 1M), noise otherwise',
    documentsAddressing: ours,
    n3_store_walk: walk,
    first_call_vs_n3_walk: ratio(walk.first_call_us, ours.first_call_us),
    repeated_call_vs_n3_walk: ratio(walk.repeated_call_us, ours.repeated_call_us),
  };
}

export async function run() {
  const sizes: Record<string, Size> = {};
  for (const triples of SIZES) {
    process.stderr.write(`bench: scale ${triples}…\n`);
    const result = await one(triples);
    sizes[String(triples)] = result;
    // Each size as it is done, for long runs: the full figures come in the JSON on stdout at the end.
    process.stderr.write(`bench: scale ${triples}: ${JSON.stringify({ corpus: result.corpus, targets: result.targets })}\n`);
  }
  const [small, large] = [sizes[String(Math.min(...SIZES))]!, sizes[String(Math.max(...SIZES))]!];
  const grow = (f: (s: typeof small) => number) => ratio(f(large), f(small));
  return {
    note: 'SYNTHETIC corpora (generateCorpus of untoc-kg/data). Ratios are taken within one run, the sides interleaved; the machine may be loaded.',
    runs: RUNS,
    sampling: `from ${SAMPLE_FROM} requested triples on, the Oxigraph formulation that is not compared (other_formulations) is timed, and its rows checked, on a fixed sample of provisions (one in ${SAMPLE_EVERY}), and the one compared is picked by a pilot over that sample (oxigraph.chosen_by); the library, the N3 walk and the compared formulation are timed over every provision`,
    sizes,
    growth: {
      from: small.corpus.triples,
      to: large.corpus.triples,
      triples: ratio(large.corpus.triples, small.corpus.triples),
      results_per_call_median: ratio(large.corpus.results_per_call_median, Math.max(1, small.corpus.results_per_call_median)),
      results_per_call_mean: ratio(large.corpus.results_per_call_mean, Math.max(0.1, small.corpus.results_per_call_mean)),
      load_ours: grow((s) => s.load_ms.readCorpus_and_withCorpora.median),
      load_oxigraph: grow((s) => s.load_ms.oxigraph_load_ntriples.median),
      first_call_ours: grow((s) => s.documentsAddressing.first_call_us.median),
      repeated_call_ours: grow((s) => s.documentsAddressing.repeated_call_us.median),
      first_call_n3_walk: grow((s) => s.n3_store_walk.first_call_us.median),
      first_call_oxigraph: grow((s) => s.oxigraph.first_call_us.median),
      memory_per_triple_ours: grow((s) => s.memory_bytes_per_triple.ours_corpus_and_graph),
    },
    cost_per_result: costPerResult(small, large),
  };
}
