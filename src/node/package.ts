/**
 * Where the installed package lives (to find its shipped `data/` and `ontology/` folders).
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of the untoc-kg package: the nearest parent folder whose package.json is named `untoc-kg`. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'untoc-kg') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('packageRoot: cannot find the untoc-kg package folder');
    dir = up;
  }
}

/**
 * The files and folders of a data folder that make up the curated graph: everything but `examples/` (example files,
 * shipped for users to try imports on, never part of the graph).
 */
export function curatedDataPaths(dataDir: string): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() ? entry.name !== 'examples' : /\.(ya?ml|json)$/.test(entry.name)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(dataDir, name));
}
