import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledDataset } from '../../src/bundled.js';
import { loadGraph, type KnowledgeGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { ROOT } from '../helpers/paths.js';

/** Texts and data written for the tests (invented treaties; no treaty wording copied). */
export const FIXTURES = join(ROOT, 'tests', 'text', 'fixtures');

/** A fixture's text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The curated graph plus the invented Lighthouse Convention of lighthouses.yaml (optionally edited). */
export function lighthouseGraph(edit: (yaml: string) => string = (y) => y): KnowledgeGraph {
  return loadGraph({ dataset: buildDataset([{ file: 'lighthouses.yaml', data: parse(edit(fixture('lighthouses.yaml'))) }], { base: bundledDataset() }) });
}
