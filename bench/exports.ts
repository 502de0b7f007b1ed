/**
 * Export benchmark, on a generated graph of about a million triples (the curated graph plus synthetic instruments,
 * tools and links): Turtle and N-Quads export throughput against N3's Writer on the same quads (target: at least as
 * fast), and JSON-LD export time against jsonld.js's fromRDF + compact on the same data (target: at most a quarter of
 * its time). jsonld.js's fromRDF is far too slow to run on a million triples, so it is timed on subsets and its time
 * for the whole graph extrapolated linearly from the largest subset (which flatters it: it does not scale linearly).
 */
import { Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import jsonldModule from 'jsonld';
import { bundledDataset } from '../dist/index.js';
import { buildDataset } from '../dist/data.js';
import { exportQuads, jsonldContext, rdfToString, staticDocumentLoader, writeJsonLd, writeRdf } from '../dist/rdf.js';
import { syntheticDataFiles } from './generate.js';
import { measureAsync, ratio, type Timing } from './harness.js';

const TRIPLES = Number(process.env['UNTOC_KG_BENCH_TRIPLES'] ?? 1_000_000);
const SUBSETS = [5_000, 10_000, 20_000];

interface JsonLd {
  fromRDF(input: string, options: { format: string }): Promise<unknown>;
  compact(input: unknown, context: unknown, options: { documentLoader: unknown }): Promise<unknown>;
}
const jsonld = jsonldModule as unknown as JsonLd;

/** Drains a chunk generator, returning the characters written (so nothing is optimised away). */
function drain(chunks: Iterable<string>): number {
  let n = 0;
  for (const chunk of chunks) n += chunk.length;
  return n;
}

function n3Write(quads: readonly Quad[], format: 'Turtle' | 'N-Quads', prefixes?: Record<string, string>): number {
  const writer = new Writer({ format, ...(prefixes && { prefixes }) });
  for (const q of quads) {
    if (format === 'Turtle') writer.addQuad(q.subject, q.predicate, q.object);
    else writer.addQuad(q);
  }
  let length = 0;
  writer.end((error, text) => {
    if (error) throw error;
    length = text.length;
  });
  return length;
}

const share = (ours: number, theirs: number) => Math.round((ours / theirs) * 10_000) / 10_000;
const ms = (t: Timing) => Math.round(t.median_us / 100) / 10;
const perSecond = (count: number, t: Timing) => Math.round(count / (t.median_us / 1e6));

export async function run() {
  const started = process.hrtime.bigint();
  const dataset = buildDataset(syntheticDataFiles({ triples: TRIPLES }), { base: bundledDataset() });
  const quads = exportQuads(dataset);
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { PREFIXES } = await import('../dist/index.js');
  const prefixes = { ...PREFIXES } as Record<string, string>;

  const turtle = await measureAsync(async () => drain(writeRdf(quads, 'turtle')), 3);
  const n3Turtle = await measureAsync(async () => n3Write(quads, 'Turtle', prefixes), 3);
  const nquads = await measureAsync(async () => drain(writeRdf(quads, 'nquads')), 3);
  const n3Nquads = await measureAsync(async () => n3Write(quads, 'N-Quads'), 3);
  const compacted = await measureAsync(async () => drain(writeJsonLd(quads, 'compacted')), 3);
  const expanded = await measureAsync(async () => drain(writeJsonLd(quads, 'expanded')), 3);

  // jsonld.js on subsets: N-Quads text in, fromRDF, then compact with the same context (no network: static loader).
  const context = jsonldContext()['@context'];
  const subsets = [];
  for (const size of SUBSETS) {
    const part = quads.slice(0, size);
    const text = rdfToString(part, 'nquads');
    const peer = await measureAsync(async () => jsonld.compact(await jsonld.fromRDF(text, { format: 'application/n-quads' }), { '@context': context }, { documentLoader: staticDocumentLoader() }), 1);
    const ours = await measureAsync(async () => drain(writeJsonLd(part, 'compacted')), 3);
    subsets.push({ quads: size, jsonld_js_fromRDF_compact_ms: ms(peer), ours_compacted_ms: ms(ours), ours_share_of_jsonld_js_time: share(ours.median_us, peer.median_us) });
  }
  const largest = subsets[subsets.length - 1]!;
  const extrapolatedMs = Math.round((largest.jsonld_js_fromRDF_compact_ms * quads.length) / largest.quads);

  return {
    graph: { quads: quads.length, requested_triples: TRIPLES, build_and_export_quads_ms: Math.round(buildMs) },
    turtle: {
      ours_ms: ms(turtle),
      n3_writer_ms: ms(n3Turtle),
      ours_quads_per_s: perSecond(quads.length, turtle),
      n3_quads_per_s: perSecond(quads.length, n3Turtle),
      speedup_vs_n3: ratio(n3Turtle.median_us, turtle.median_us),
      target: 'at least as fast as N3 (speedup ≥ 1); ours also groups by subject and drops duplicate quads',
    },
    nquads: {
      ours_ms: ms(nquads),
      n3_writer_ms: ms(n3Nquads),
      ours_quads_per_s: perSecond(quads.length, nquads),
      n3_quads_per_s: perSecond(quads.length, n3Nquads),
      speedup_vs_n3: ratio(n3Nquads.median_us, nquads.median_us),
      target: 'at least as fast as N3 (speedup ≥ 1)',
    },
    jsonld: {
      ours_compacted_ms: ms(compacted),
      ours_expanded_ms: ms(expanded),
      jsonld_js_subsets: subsets,
      jsonld_js_fromRDF_compact_extrapolated_ms: extrapolatedMs,
      share_of_jsonld_js_time: share(ms(compacted), extrapolatedMs),
      note: `jsonld.js fromRDF + compact was timed on the first ${SUBSETS.join(', ')} quads only (one run each) and extrapolated linearly to ${quads.length} quads from the largest subset; its time grows faster than linearly, so the extrapolation understates it`,
      target: 'at most a quarter of jsonld.js time (share ≤ 0.25)',
    },
  };
}
