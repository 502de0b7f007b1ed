/**
 * Query benchmark, on the bundled graph, in one run:
 * - the median time of toolsAddressing (exact, broader, narrower) over every provision of the graph;
 * - the same question asked of Oxigraph (SPARQL with an eli:is_part_of+ path over the exported Turtle) and of a
 *   hand-written walk over the N3 Store; their ratios (targets: 20× faster than Oxigraph, 5× faster than the walk);
 * - the whole-process time of `untoc-kg tools "art. 27 para. 1(e)" --json` against `node -e 0` (target: within 1.5×).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import oxigraph from 'oxigraph';
import { DataFactory, type Store } from 'n3';
import { loadCore, loadGraph, toTurtle, toolsAddressing } from '../dist/index.js';
import { measure, ratio, summarize } from './harness.js';

const ELI_PART = 'http://data.europa.eu/eli/ontology#is_part_of';
const ADDRESSES = 'https://w3id.org/untoc-kg/ontology#addresses';

function sparql(provision: string): string {
  return `PREFIX ukg: <https://w3id.org/untoc-kg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?subject ?via ?match WHERE {
  { BIND(<${provision}> AS ?via) ?subject ukg:addresses ?via . BIND("exact" AS ?match) }
  UNION { <${provision}> eli:is_part_of+ ?via . ?subject ukg:addresses ?via . BIND("broader" AS ?match) }
  UNION { ?via eli:is_part_of+ <${provision}> . ?subject ukg:addresses ?via . BIND("narrower" AS ?match) }
}`;
}

/** The same answer by walking the N3 Store by hand: parents up, children down, then who addresses each. */
function n3Walk(store: Store, provision: string): string[] {
  const { namedNode } = DataFactory;
  const part = namedNode(ELI_PART);
  const addresses = namedNode(ADDRESSES);
  const out: string[] = [];
  const addressing = (via: string, match: string) => {
    for (const q of store.getQuads(null, addresses, namedNode(via), null)) out.push(`${q.subject.value} ${via} ${match}`);
  };
  addressing(provision, 'exact');
  const up = new Set<string>();
  const upStack = [provision];
  while (upStack.length) {
    for (const q of store.getQuads(namedNode(upStack.pop()!), part, null, null)) {
      if (!up.has(q.object.value)) {
        up.add(q.object.value);
        upStack.push(q.object.value);
        addressing(q.object.value, 'broader');
      }
    }
  }
  const down = new Set<string>();
  const downStack = [provision];
  while (downStack.length) {
    for (const q of store.getQuads(null, part, namedNode(downStack.pop()!), null)) {
      if (!down.has(q.subject.value)) {
        down.add(q.subject.value);
        downStack.push(q.subject.value);
        addressing(q.subject.value, 'narrower');
      }
    }
  }
  return out;
}

function processTime(command: string, args: string[], runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - t0) / 1000;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    if (i >= 2) times.push(elapsed); // two warm-up runs (disk cache)
  }
  return summarize(times, runs);
}

export async function run() {
  const kg = loadGraph();
  const core = loadCore();
  const provisions = [...kg.dataset.provisions.map((p) => p.id as string), ...kg.dataset.instruments.map((i) => i.iri as string)];

  // Build the peers' data once, outside the timings.
  const oxi = new oxigraph.Store();
  oxi.load(toTurtle(kg.store.getQuads(null, null, null, null)), { format: 'text/turtle' });
  const store = kg.store;

  let i = 0;
  const ours = measure(() => toolsAddressing(core, provisions[i++ % provisions.length]!));
  i = 0;
  const walk = measure(() => n3Walk(store, provisions[i++ % provisions.length]!));
  i = 0;
  const sparqlTiming = measure(() => oxi.query(sparql(provisions[i++ % provisions.length]!)), { samples: 21 });

  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const runs = 15;
  const bare = processTime(process.execPath, ['-e', '0'], runs);
  const tools = processTime(process.execPath, [cli, 'tools', 'art. 27 para. 1(e)', '--json'], runs);

  return {
    graph: { provisions: provisions.length, triples: kg.store.size },
    toolsAddressing: ours,
    oxigraph_sparql_partOf: sparqlTiming,
    n3_store_walk: walk,
    ratio_oxigraph_vs_toolsAddressing: ratio(sparqlTiming.median_us, ours.median_us),
    ratio_n3_walk_vs_toolsAddressing: ratio(walk.median_us, ours.median_us),
    cli: {
      node_e_0_ms: Math.round(bare.median_us / 100) / 10,
      untoc_kg_tools_json_ms: Math.round(tools.median_us / 100) / 10,
      ratio_to_bare_node: ratio(tools.median_us, bare.median_us),
      runs,
    },
    targets: { vs_oxigraph: '>= 20', vs_n3_walk: '>= 5', cli_vs_node: '<= 1.5' },
  };
}
