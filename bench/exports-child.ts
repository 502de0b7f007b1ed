/**
 * One measure of the export benchmark in a process of its own, for its peak memory: builds the generated dataset
 * (and, for the peers, its export quads) first, then runs the measure once and prints, as JSON, its time and how far
 * it raised the process's peak resident set above what it was before (`process.resourceUsage().maxRSS`).
 *
 * `node --import tsx bench/exports-child.ts MEASURE TRIPLES`; bench/exports.ts runs it.
 */
import { bundledDataset } from '../dist/index.js';
import { buildDataset } from '../dist/data.js';
import { exportQuads } from '../dist/rdf.js';
import { syntheticDataFiles } from './generate.js';
import { EXPORT_MEASURES, type ExportMeasure } from './exports-measures.js';

const [name, triples] = process.argv.slice(2);
const measure = EXPORT_MEASURES[name as ExportMeasure];
if (!measure) {
  process.stderr.write(`exports-child: unknown measure ${name}; measures: ${Object.keys(EXPORT_MEASURES).join(', ')}\n`);
  process.exit(2);
}
const dataset = buildDataset(syntheticDataFiles({ triples: Number(triples) }), { base: bundledDataset() });
const quads = measure.needsQuads ? exportQuads(dataset) : [];
const before = process.resourceUsage().maxRSS;
const t0 = process.hrtime.bigint();
await measure.run(dataset, quads);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const after = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ measure: name, ms: Math.round(ms), peak_rss_growth_mb: Math.round(((after - before) / 1024) * 10) / 10, peak_rss_mb: Math.round((after / 1024) * 10) / 10 })}\n`);
