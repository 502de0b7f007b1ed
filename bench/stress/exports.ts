/**
 * Stress cases of the streamed exports (`writeDatasetRdf`, `writeDatasetJsonLd`): a dataset whose sources carry
 * titles full of what N-Quads and Turtle must escape (quotes, backslashes, control characters, line breaks) and
 * non-ASCII text, from 1 KB to 1 MB of titles, one long title, and many small sources; and a node with very many
 * values (a theme scheme whose every theme is a top concept), which the JSON-LD writer, dropping duplicates within
 * each node, must not compare pairwise. Each export is drained; each must stay linear and end without a defect.
 */
import { buildDataset } from '../../dist/data.js';
import { writeDatasetJsonLd, writeDatasetRdf } from '../../dist/rdf.js';
import type { Dataset } from '../../dist/index.js';
import type { StressCase } from '../stress.js';

const NASTY = 'a "quote" \\ back\\slash\n\r\t\u0001\u007f é 中文 🙂 ';

/** A dataset of sources whose titles add up to about `bytes` characters, `per` characters each. */
function sources(bytes: number, per: number): Dataset {
  const count = Math.max(1, Math.round(bytes / per));
  const title = NASTY.repeat(Math.max(1, Math.round(per / NASTY.length)));
  return buildDataset([{ file: 'sources.yaml', data: { type: 'sources', sources: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, title: `${i} ${title}` })) } }]);
}

/** A theme scheme of about `bytes / 60` themes, every one a top concept: one node (the scheme) holds them all. */
function topConcepts(bytes: number): Dataset {
  const themes = Array.from({ length: Math.max(1, Math.round(bytes / 60)) }, (_, i) => ({ id: `t-${i}`, label: `Theme ${i}`, sources: ['s0'] }));
  return buildDataset([
    { file: 'sources.yaml', data: { type: 'sources', sources: [{ id: 's0', title: 'Source' }] } },
    { file: 'themes.yaml', data: { type: 'themes', title: 'Many top concepts', themes } },
  ]);
}

function drain(chunks: Iterable<string>): number {
  let n = 0;
  for (const chunk of chunks) n += chunk.length;
  return n;
}

export const cases: StressCase<Dataset>[] = [
  { name: 'nquads: one long title full of escapes', make: (bytes) => sources(bytes, bytes), run: (d) => drain(writeDatasetRdf(d, 'nquads')) },
  { name: 'turtle: many sources with escaped titles', make: (bytes) => sources(bytes, 200), run: (d) => drain(writeDatasetRdf(d, 'turtle')) },
  { name: 'trig: many sources with escaped titles', make: (bytes) => sources(bytes, 200), run: (d) => drain(writeDatasetRdf(d, 'trig')) },
  { name: 'jsonld compacted: many sources with escaped titles', make: (bytes) => sources(bytes, 200), run: (d) => drain(writeDatasetJsonLd(d, 'compacted')) },
  { name: 'jsonld compacted: one node with very many values', make: topConcepts, run: (d) => drain(writeDatasetJsonLd(d, 'compacted')) },
];
