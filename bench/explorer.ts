/**
 * Explorer benchmark: what the explorer page (`dist/explorer/`, built by `npm run build`) costs a browser to
 * download: each file's size and gzip size, and the total against the target of 400 KB gzip. Everything the page
 * loads is in that folder (no CDN); `corpus.json`, served only with `untoc-kg explore --data`, is the user's data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIR = fileURLToPath(new URL('../dist/explorer/', import.meta.url));
const KB = 1000;
const TARGET_GZIP_KB = 400;

/** The page's files with their sizes, and the total against the target. */
export async function run() {
  const files = readdirSync(DIR)
    .filter((name) => statSync(join(DIR, name)).isFile())
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(DIR, name));
      return { file: name, kb: Math.round(bytes.length / KB * 10) / 10, gzip_kb: Math.round(gzipSync(bytes, { level: 9 }).length / KB * 10) / 10 };
    });
  const total = files.reduce((sum, f) => sum + f.gzip_kb, 0);
  return {
    files,
    total_kb: Math.round(files.reduce((sum, f) => sum + f.kb, 0) * 10) / 10,
    total_gzip_kb: Math.round(total * 10) / 10,
    target: { measure: 'gzip', below_kb: TARGET_GZIP_KB },
    ok: total < TARGET_GZIP_KB,
  };
}
