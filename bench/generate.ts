/**
 * A deterministic generator of synthetic data files in the project's format, at any size, for tests and benchmarks:
 * instruments with articles, paragraphs and subparagraphs and the references between them, themes, and tools with
 * parts and links (to the provisions named by `targets`, by default articles of the curated Convention). The files
 * go through the real loader (`buildDataset(files, { base })`), so what they produce is valid by construction of the
 * loader, not of this file. Everything is clearly synthetic: ids start with `gen-`, titles say "Synthetic".
 *
 * Not part of the published package. Imports nothing at run time, so the benchmarks can load it with tsx and hand
 * the files to the built package.
 *
 * @module
 */
import type { RawFile } from '../src/load/shape.js';
import { seededRandom } from '../src/util/random.js';

/** Options of {@link syntheticDataFiles}. */
export interface SyntheticOptions {
  /** About how many triples the files should add to the graph (the result is within a few percent). */
  readonly triples: number;
  /** The seed of the pseudo-random choices (default 1): the same seed and size give the same files. */
  readonly seed?: number;
  /**
   * Citations (or provision IRIs of the known instruments) that tools may address. Default: articles 1–41 of the
   * Convention, which the curated base dataset holds.
   */
  readonly targets?: readonly string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Triples one article (4 paragraphs of 5 subparagraphs, 2 references) and its share of a tool add, measured. */
const TRIPLES_PER_ARTICLE = 320;
const ARTICLES_PER_INSTRUMENT = 50;
const ARTICLES_PER_TOOL = 10;

/**
 * Synthetic data files adding about `triples` triples to a base dataset, to be loaded on top of the curated one.
 *
 * @example
 * ```ts
 * const dataset = buildDataset(syntheticDataFiles({ triples: 100_000 }), { base: bundledDataset() })
 * ```
 */
export function syntheticDataFiles(options: SyntheticOptions): RawFile[] {
  const next = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const targets = options.targets ?? Array.from({ length: 41 }, (_, i) => `UNTOC art. ${i + 1}`);
  const articles = Math.max(1, Math.round(options.triples / TRIPLES_PER_ARTICLE));
  const instruments = Math.ceil(articles / ARTICLES_PER_INSTRUMENT);
  const themes = Math.max(3, Math.min(200, Math.round(articles / 20)));
  const files: RawFile[] = [];

  files.push({
    file: 'gen/sources.yaml',
    data: {
      type: 'sources',
      sources: [
        { id: 'gen', title: 'Synthetic source (generated test data)' },
        { id: 'gen-2', title: 'Second synthetic source (generated test data)', url: 'https://example.org/synthetic', date: '2024-01-01' },
      ],
    },
  });
  const themeIds = Array.from({ length: themes }, (_, i) => `gen-theme-${i + 1}`);
  files.push({
    file: 'gen/themes.yaml',
    data: {
      type: 'themes',
      title: 'Synthetic themes',
      themes: themeIds.map((id, i) => ({
        id,
        label: `Synthetic theme ${i + 1} with "quotes", a comma, and accents: é ü ß`,
        ...(i >= 3 && { broader: [themeIds[i % 3]!] }),
        sources: ['gen'],
      })),
    },
  });

  let remaining = articles;
  for (let n = 1; n <= instruments; n++) {
    const count = Math.min(ARTICLES_PER_INSTRUMENT, remaining);
    remaining -= count;
    const cite = () => `art. ${1 + Math.floor(next() * count)}(${1 + Math.floor(next() * 4)})(${pick(LETTERS.slice(0, 5).split(''))})`;
    files.push({
      file: `gen/instruments/gen-${n}.yaml`,
      data: {
        type: 'instrument',
        id: `gen-${n}`,
        eli: `eli/gen/convention/2024/gen-${n}`,
        kind: 'convention',
        title: `Synthetic Convention ${n} (generated test data)`,
        abbreviation: `GEN${n}`,
        adopted: { year: 2024, sources: ['gen'] },
        structure: { completeness: 'complete', sources: ['gen'], note: 'Generated: not a real instrument.' },
        articles: Array.from({ length: count }, (_, a) => ({
          number: a + 1,
          heading: `Synthetic article ${a + 1}\twith a tab, a "quote" and a line\nbreak`,
          paragraphs: Array.from({ length: 4 }, (_, p) => ({ number: p + 1, subparagraphs: LETTERS.slice(0, 5).split('') })),
        })),
        references: Array.from({ length: count }, (_, a) => ({
          from: `art. ${a + 1}(1)`,
          to: [cite(), cite()],
          note: 'generated reference',
          source: 'gen',
        })).filter((r) => r.to[0] !== r.to[1]),
      },
    });
  }

  const tools = Math.max(1, Math.round(articles / ARTICLES_PER_TOOL));
  for (let t = 1; t <= tools; t++) {
    const parts = [
      { path: 'module_1', label: 'Module 1', sources: ['gen'] },
      { path: 'module_1/sec_1', label: 'Module 1, section 1', title: 'A synthetic section', sources: ['gen'] },
      { path: 'module_2', label: 'Module 2', summary: 'Generated; addresses nothing real.', pages: '10–12', sources: ['gen-2'] },
    ];
    const chosen = new Set<string>();
    while (chosen.size < Math.min(12, targets.length)) chosen.add(pick(targets));
    const list = [...chosen];
    files.push({
      file: `gen/tools/gen-tool-${t}.yaml`,
      data: {
        type: 'tool',
        id: `gen-tool-${t}`,
        kind: pick(['training-manual', 'issue-paper', 'legislative-guide', 'assessment-guide'] as const),
        title: `Synthetic tool ${t} (generated test data)`,
        url: `https://example.org/gen-tool-${t}`,
        publication: { year: 2020 + (t % 5), publisher: 'Nobody (synthetic)', pages: 10 + t, sources: ['gen'] },
        structure: { completeness: 'partial', note: 'Generated.' },
        parts,
        links: [
          { addresses: list.slice(0, 4), themes: [pick(themeIds)], basis: 'curated', source: 'gen', note: 'generated link' },
          { part: 'module_1/sec_1', addresses: list.slice(4, 8), basis: 'source', source: 'gen-2', locator: 'p. 3' },
          { part: 'module_2', addresses: list.slice(8), themes: [pick(themeIds)], basis: 'text', source: 'gen' },
        ],
        counts: [{ what: 'synthetic things', value: t, qualifier: 'about', asOf: '2024', source: 'gen' }],
        sources: ['gen'],
      },
    });
  }
  return files;
}
