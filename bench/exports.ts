/**
 * Export benchmark, on a generated graph of about a million triples (`UNTOC_KG_BENCH_TRIPLES`; the curated graph
 * plus synthetic instruments, tools and links), `RUNS` runs, ours and the peer interleaved in each run:
 * - N-Quads and Turtle end to end from the dataset (`writeDatasetRdf`, written straight from the records with the VoID
 *   statistics counted on the way: what `writeExport` runs) against N3's Writer on the same quads (target: at least
 *   as fast);
 * - compacted JSON-LD end to end against jsonld.js's `fromRDF` fed the same quads as objects, then `compact` with
 *   the same context (target: at most a tenth of its time);
 * - the peak memory of each, one child process per measure (bench/exports-child.ts): how far the measure raises the
 *   process's peak resident set above the dataset (and, for the peers, the quads they are given).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundledDataset } from '../dist/index.js';
import { buildDataset } from '../dist/data.js';
import { exportQuads } from '../dist/rdf.js';
import { EXPORT_MEASURES, type ExportMeasure } from './exports-measures.js';
import { syntheticDataFiles } from './generate.js';
import { msSince, ratio, RUNS, runsOf, target } from './harness.js';

const TRIPLES = Number(process.env['UNTOC_KG_BENCH_TRIPLES'] ?? 1_000_000);
const CHILD = fileURLToPath(new URL('./exports-child.ts', import.meta.url));

/** Peak memory of one measure, in a child process. */
function peakMemory(measure: ExportMeasure): unknown {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, measure, String(TRIPLES)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) return { error: result.stderr.slice(0, 500) };
  return JSON.parse(result.stdout) as unknown;
}

export async function run() {
  const t0 = process.hrtime.bigint();
  const dataset = buildDataset(syntheticDataFiles({ triples: TRIPLES }), { base: bundledDataset() });
  const buildMs = msSince(t0);
  const quads = exportQuads(dataset);
  const pairs: [string, ExportMeasure, ExportMeasure][] = [
    ['nquads', 'ours_nquads', 'n3_writer_nquads'],
    ['turtle', 'ours_turtle', 'n3_writer_turtle'],
    ['jsonld_compacted', 'ours_jsonld_compacted', 'jsonld_js_fromRDF_compact'],
  ];
  const out: Record<string, unknown> = {};
  const medians: Record<string, { ours: number; peer: number }> = {};
  for (const [format, ours, peer] of pairs) {
    const times: Record<string, number[]> = { [ours]: [], [peer]: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const m of [ours, peer]) {
        const start = process.hrtime.bigint();
        await EXPORT_MEASURES[m].run(dataset, quads);
        times[m]!.push(msSince(start));
      }
    }
    const a = runsOf(times[ours]!);
    const b = runsOf(times[peer]!);
    medians[format] = { ours: a.median, peer: b.median };
    out[format] = { unit: 'ms', [ours]: a, [peer]: b, memory: { [ours]: peakMemory(ours), [peer]: peakMemory(peer) } };
  }
  return {
    graph: { quads: quads.length, requested_triples: TRIPLES, build_dataset_ms: Math.round(buildMs) },
    runs: RUNS,
    note: 'ours, end to end from the dataset, drained: N-Quads and Turtle by writeDatasetRdf (what writeExport runs), JSON-LD by writeDatasetJsonLd; the peers get the same quads, built beforehand. Memory: one child process per measure.',
    ...out,
    targets: {
      nquads_speedup_vs_n3_writer: target(ratio(medians['nquads']!.peer, medians['nquads']!.ours), '>=', 1),
      turtle_speedup_vs_n3_writer: target(ratio(medians['turtle']!.peer, medians['turtle']!.ours), '>=', 1),
      jsonld_share_of_jsonld_js_time: target(Math.round((medians['jsonld_compacted']!.ours / medians['jsonld_compacted']!.peer) * 1000) / 1000, '<=', 0.1),
    },
  };
}
