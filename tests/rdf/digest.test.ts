/**
 * The export text, pinned: a SHA-256 of what `writeExport` writes, in every RDF and JSON-LD format, for the curated
 * graph with the example corpus and for a small generated graph (synthetic instruments, whose labels are written
 * without the citation formatter). The streamed writers are tuned for speed; this says their text did not move.
 * The other tests say the text is right (read back, compared with the in-memory path); this one only that it is the
 * same as before. When the data, the package version or an export is changed on purpose, print the new digests
 * (`UNTOC_KG_PRINT_DIGESTS=1`) and update them here in the same change. Provision labels, which the emitter writes
 * from the eId's numbering, are checked against `provisionLabel` (the citation formatter) directly.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { provisionLabel } from '../../src/citation/format.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { writeExport, type ExportFormat } from '../../src/export/formats.js';
import { loadGraph, withCorpora, type KnowledgeGraph } from '../../src/kg.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { RDFS } from '../../src/vocab/terms.js';
import { exampleLines } from '../corpus/helpers.js';
import { generatedGraph } from '../helpers/generated.js';

const curated = loadGraph();
const { corpus } = readCorpusLines(curated, exampleLines());
const withExample = withCorpora(curated, [corpus!]);
const generated = generatedGraph(3_000, 5);

const FORMATS: readonly ExportFormat[] = ['nquads', 'trig', 'ntriples', 'turtle', 'jsonld', 'jsonld-compact'];

const DIGESTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'the curated graph with the example corpus': {
    nquads: '3574e409b43766c58014a8cc19505cc6781da014fbbb3e4f6fddfff062c9733a',
    trig: 'de5e7ef4260a349709980be7129ad8ab0622b24d1f7fe5a906f36cb73fe24d99',
    ntriples: '888d83ac92096d66ebc576d87069d8495aa9b146b7edad3da209d6f12be6f1ee',
    turtle: '814b0e741c1bcd7c0c6680f851b4e0f688bb91b936d8e81e7fd2685584b2d20d',
    jsonld: '33f456b5e32feb5e033d52eb02cd048385d254739cca5d5c4b851d57d4d58d2c',
    'jsonld-compact': '80393f15bc6a5621d0a6a788164ef2db49b0494f5109b3483c195adbb898d7ae',
  },
  'a generated graph': {
    nquads: '1e868dedaddd7e3fd703c96144a64dda93f9b5b55a45ceb3fc92dc22636b28df',
    trig: '4c3c70cefa64822ea62ea25af41ca548d3b79233fc64cb2a87da283682625e4b',
    ntriples: '5c9ebbc34afe44de38cb64932ae675ebd2ff019728de42c3e4c72c7da93fa323',
    turtle: 'c58f7cd013cb2b7643f30acd1aea10809aab972bd6a4badf617d12e4f747a847',
    jsonld: 'bc2ff4708e93be67c24b9e20a8c67effcfb06a9d9400ea82f57a86ceddbff987',
    'jsonld-compact': 'e62d83e10ecdc3931a71c6ef42630ac8c614ffccdce8ee84d1f3850d3a202b6d',
  },
};

function digest(kg: KnowledgeGraph, format: ExportFormat): string {
  const hash = createHash('sha256');
  for (const chunk of writeExport(kg, format)) hash.update(chunk);
  return hash.digest('hex');
}

describe.each([
  ['the curated graph with the example corpus', withExample],
  ['a generated graph', generated],
] as const)('%s', (name, kg: KnowledgeGraph) => {
  test.each(FORMATS)('%s: the same text as before', (format) => {
    const found = digest(kg, format);
    if (process.env['UNTOC_KG_PRINT_DIGESTS']) process.stderr.write(`${name} ${format} ${found}\n`);
    expect(found).toBe(DIGESTS[name]![format]);
  });
});

describe('provision labels', () => {
  test.each([
    ['the curated graph with the example corpus', withExample],
    ['a generated graph', generated],
  ] as const)('%s: each provision’s rdfs:label is provisionLabel', (_, kg: KnowledgeGraph) => {
    const labels = new Map(datasetQuads(kg.dataset).filter((q) => q.predicate.value === RDFS.label).map((q) => [q.subject.value, q.object.value]));
    const abbreviation = new Map(kg.dataset.instruments.map((i) => [i.id as string, i.abbreviation]));
    for (const p of kg.dataset.provisions) expect(labels.get(p.id), p.id).toBe(provisionLabel(p, abbreviation.get(p.instrument) ?? p.instrument));
  });
});
