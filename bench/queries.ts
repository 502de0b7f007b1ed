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
import { compareWithPeers, msSince, ratio, runsOf, RUNS, target } from './harness.js';
import { ADDRESSES, n3Walk, nTriples, toolRows } from './peers.js';

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
  const compared = await compareWithPeers(provisions, { library: { name: 'toolsAddressing', fresh }, ours, walk: walkRows, oxigraph: oxi, predicates: ADDRESSES });

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
