/**
 * Directory benchmark: the time and memory to import a generated directory of 100,000 authorities (CSV and JSON),
 * to index it, and to answer `authorities()` on it. Memory is the growth of the V8 heap (after a full garbage
 * collection) while the imported dataset is alive, and the size of the CSV text for scale.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { authorities, loadCore } from '../dist/index.js';
import { generateDirectory, importDirectory } from '../dist/data.js';
import { measure } from './harness.js';

const AUTHORITIES = 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `fn` `samples` times; the median wall time (ms) and the heap growth (MiB) of the last result kept alive. */
function timeAndHeap<T>(fn: () => T, samples = 3): { median_ms: number; runs_ms: number[]; heap_delta_mb: number; result: T } {
  const runs: number[] = [];
  let result!: T;
  let delta = 0;
  for (let i = 0; i < samples; i++) {
    result = undefined as T;
    gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    result = fn();
    runs.push(Math.round(performance.now() - t0));
    gc();
    delta = process.memoryUsage().heapUsed - before;
  }
  return { median_ms: median(runs), runs_ms: runs, heap_delta_mb: mb(delta), result };
}

export async function run() {
  const csv = generateDirectory({ authorities: AUTHORITIES, seed: 1 });
  const json = generateDirectory({ authorities: AUTHORITIES, seed: 1, format: 'json' });
  const csvImport = timeAndHeap(() => importDirectory(csv, { asOf: '2000-01-01', example: true }));
  const jsonImport = timeAndHeap(() => importDirectory(json));
  const { result, ...csvStats } = csvImport;
  const { result: _json, ...jsonStats } = jsonImport;
  const index = timeAndHeap(() => loadCore(result.dataset));
  const kg = index.result;
  const byProvision = measure(() => authorities(kg, { provision: 'SOM art. 8(6)' }), { samples: 11, minSampleMs: 20 });
  const byStateAndCategory = measure(() => authorities(kg, { state: 'DE', category: 'extradition' }), { samples: 11 });
  return {
    authorities: result.authorities.length,
    csv_mb: mb(Buffer.byteLength(csv)),
    json_mb: mb(Buffer.byteLength(json)),
    import_csv: csvStats,
    import_json: jsonStats,
    index: { median_ms: index.median_ms, heap_delta_mb: index.heap_delta_mb },
    query_by_provision: { ...byProvision, matches: authorities(kg, { provision: 'SOM art. 8(6)' }).authorities.length },
    query_by_state_and_category: byStateAndCategory,
  };
}
