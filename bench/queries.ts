/**
 * Query benchmark, on the bundled graph, in one run (`npm run bench -- queries`):
 * - `toolsAddressing` (exact, broader, narrower) over every provision and instrument of the graph: first calls (a
 *   fresh index, each provision once) and repeated calls, `RUNS` runs each, with their minimum and median;
 * - the same question asked of a hand-written walk over the N3 Store and of Oxigraph (SPARQL over the same triples),
 *   both formulations of bench/peers.ts timed, the best one compared; every peer's rows are checked against the
 *   library's for every provision first;
 * - the whole-process time of `untoc-kg tools "art. 27 para. 1(e)" --json` against `node -e 0`.
 * Ratios are taken within the run (the machine may be loaded); targets are those of issue 14.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import oxigraph from 'oxigraph';
import { loadCore, loadGraph, toolsAddressing } from '../dist/index.js';
import { firstAndRepeated, msSince, ratio, runsOf, RUNS, target, type FirstAndRepeated, type QuerySide } from './harness.js';
import { ADDRESSES, BEST, n3Walk, nTriples, rowSet, sparqlRows, toolRows, TOWARDS, type SparqlStore } from './peers.js';

/** The wall time of one process, in ms; throws if it fails. */
function processTime(command: string, args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = msSince(t0);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return elapsed;
}

/**
 * Whole-process times of several commands, interleaved (one of each, then the next round), so that a change of load
 * on the machine reaches every side alike; two warm-up rounds (disk cache, the CLI's code cache) are not kept.
 */
function processTimes(commands: readonly (readonly string[])[], runs: number): number[][] {
  const times = commands.map((): number[] => []);
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach((args, k) => {
      const elapsed = processTime(process.execPath, args);
      if (i >= 2) times[k]!.push(elapsed);
    });
  }
  return times;
}

/** Checks that a peer's rows equal the library's for every input; the first disagreement, or none. */
export function agreement(inputs: readonly string[], ours: (x: string) => string[], theirs: (x: string) => string[]): { identical: boolean; checked: number; first_difference?: string } {
  for (const x of inputs) {
    const a = rowSet(ours(x));
    const b = rowSet(theirs(x));
    if (a.join('\n') !== b.join('\n')) return { identical: false, checked: inputs.length, first_difference: `${x}: library ${a.length} rows, peer ${b.length}` };
  }
  return { identical: true, checked: inputs.length };
}

/**
 * The library and its peers over the same inputs, timed interleaved: the library, the N3 walk, and Oxigraph with each
 * formulation of bench/peers.ts. Every peer's rows are checked against the library's first; the faster formulation
 * (first calls, median) is the one compared, and the report says which query ran.
 */
export function compareWithPeers(inputs: readonly string[], sides: { library: QuerySide; ours: (x: string) => string[]; walk: (x: string) => string[]; oxigraph: SparqlStore; predicates: readonly string[] }) {
  const { ours, oxigraph: store, predicates } = sides;
  const formulations = [BEST, TOWARDS];
  const timings = firstAndRepeated(
    [sides.library, { name: 'n3 walk', fresh: () => sides.walk }, ...formulations.map((f): QuerySide => ({ name: f.name, fresh: () => (x) => store.query(f.text(x, predicates)) }))],
    inputs,
  );
  const [library, walk, ...sparql] = timings as [FirstAndRepeated, FirstAndRepeated, ...FirstAndRepeated[]];
  const timed = formulations.map((formulation, i) => ({ formulation, rows: agreement(inputs, ours, (x) => sparqlRows(store, formulation, x, predicates)), timing: sparql[i]! }));
  timed.sort((a, b) => a.timing.first_call_us.median - b.timing.first_call_us.median);
  const best = timed[0]!;
  const oxigraph = {
    query_ran: best.formulation.name,
    query_text_example: best.formulation.text(inputs[0]!, predicates),
    rows_identical_to_library: best.rows,
    ...best.timing,
    other_formulations: timed.slice(1).map((t) => ({ query: t.formulation.name, rows_identical_to_library: t.rows, ...t.timing })),
  };
  return {
    library,
    n3_store_walk: { rows_identical_to_library: agreement(inputs, ours, sides.walk), ...walk },
    oxigraph,
    targets: comparison(library, walk, best.timing),
  };
}

/** Ratios of a peer's per-call times to the library's, and the targets of issue 14 on them. */
function comparison(ours: FirstAndRepeated, walk: FirstAndRepeated, sparql: FirstAndRepeated) {
  const first = (t: typeof ours) => t.first_call_us.median;
  const repeated = (t: typeof ours) => t.repeated_call_us.median;
  return {
    first_call_vs_n3_walk: target(ratio(first(walk), first(ours)), '>=', 5),
    repeated_call_vs_n3_walk: target(ratio(repeated(walk), repeated(ours)), '>=', 20),
    first_call_vs_oxigraph_best: target(ratio(first(sparql), first(ours)), '>=', 20),
    repeated_call_vs_oxigraph_best: ratio(repeated(sparql), repeated(ours)),
  };
}

export async function run() {
  const kg = loadGraph();
  const dataset = kg.dataset;
  const provisions = [...dataset.provisions.map((p): string => p.id), ...dataset.instruments.map((i): string => i.iri)];
  const store = kg.store;
  const oxi = new oxigraph.Store();
  oxi.load(nTriples(store), { format: 'application/n-triples' });

  const core = loadCore(dataset);
  const ours = (x: string) => toolRows(toolsAddressing(core, x).results);
  const walkRows = (x: string) => n3Walk(store, x, ADDRESSES);

  const indexMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    loadCore(dataset);
    indexMs.push(msSince(t0));
  }
  const fresh = (): ((x: string) => unknown) => {
    const graph = loadCore(dataset);
    return (x) => toolsAddressing(graph, x);
  };
  const compared = compareWithPeers(provisions, { library: { name: 'toolsAddressing', fresh }, ours, walk: walkRows, oxigraph: oxi, predicates: ADDRESSES });

  // The file the package's bin names (dist/cli.cjs), as `untoc-kg` runs it.
  const { bin } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
  const cli = fileURLToPath(new URL(`../${bin['untoc-kg']}`, import.meta.url));
  const runs = Math.max(RUNS, 15);
  const [bareTimes, toolsTimes] = processTimes([['-e', '0'], [cli, 'tools', 'art. 27 para. 1(e)', '--json']], runs);
  const bare = runsOf(bareTimes!);
  const tools = runsOf(toolsTimes!);

  return {
    graph: { provisions: provisions.length, triples: store.size, results_per_call_mean: Math.round((provisions.reduce((n, x) => n + ours(x).length, 0) / provisions.length) * 10) / 10 },
    runs: RUNS,
    unit: 'µs per call (min and median of the runs); first calls: a fresh index (loadCore), each provision once',
    index_build_ms: runsOf(indexMs),
    toolsAddressing: compared.library,
    n3_store_walk: compared.n3_store_walk,
    oxigraph: compared.oxigraph,
    targets: compared.targets,
    cli: {
      unit: 'ms, whole process',
      node_e_0: bare,
      untoc_kg_tools_json: tools,
      vs_node_e_0: target(ratio(tools.median, bare.median), '<=', 1.3),
    },
  };
}
