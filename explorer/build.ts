/**
 * Builds the explorer page into `dist/explorer/`: `index.html`, `style.css` and one bundled, minified `main.js` that
 * holds the core (queries, citation parser) with the curated dataset, graphology, sigma.js and ForceAtlas2. Plain
 * files, no CDN: they work offline and behind any static server. Run by `npm run build` after tsup; not part of the
 * library's entries.
 *
 * @module
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildDataPlugin } from '../build/data-plugin.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Where the page is written. */
export const EXPLORER_OUT = join(HERE, '..', 'dist', 'explorer');

/** Bundles the page's script and copies its HTML and CSS. */
export async function buildExplorer(outdir = EXPLORER_OUT): Promise<void> {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [join(HERE, 'main.ts')],
    outfile: join(outdir, 'main.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [esbuildDataPlugin()],
  });
  await Promise.all(['index.html', 'style.css'].map((name) => copyFile(join(HERE, name), join(outdir, name))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildExplorer();
