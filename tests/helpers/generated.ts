import { bundledDataset } from '../../src/bundled.js';
import { KnowledgeGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { syntheticDataFiles } from '../../bench/generate.js';

/** The curated graph plus about `triples` generated triples (bench/generate.ts), loaded by the real loader. */
export function generatedGraph(triples: number, seed: number): KnowledgeGraph {
  return new KnowledgeGraph(buildDataset(syntheticDataFiles({ triples, seed }), { base: bundledDataset() }));
}
