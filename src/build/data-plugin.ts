/**
 * Build-time compilation of the curated data: reads `data/`, validates it (shape and integrity) and serves the
 * dataset as the module `virtual:untoc-kg/dataset`, whose default export is the dataset's JSON text. Used by tsup (as an
 * esbuild plugin) and by vitest (as a vite plugin); not part of the published library. A data error fails the build
 * with every issue listed.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { formatDataIssue, isDataValidationError } from '../errors.js';
import { buildDataset } from '../load/build.js';
import { readDataFiles, withLines } from '../node/files.js';
import { curatedDataPaths } from '../node/package.js';

export const VIRTUAL_ID = 'virtual:untoc-kg/dataset';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let compiled: Promise<string> | undefined;

/**
 * The dataset as JSON text with every non-ASCII character escaped: V8 reads a one-byte (ASCII) string several times
 * faster than a two-byte one, both as a module's string literal and in JSON.parse.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Validates `data/` and returns the dataset's JSON text; memoized per process. */
export function compileData(root = ROOT): Promise<string> {
  return (compiled ??= (async () => {
    const files = await readDataFiles(curatedDataPaths(join(root, 'data')), root);
    try {
      return asciiJson(buildDataset(files));
    } catch (error) {
      if (isDataValidationError(error)) {
        const lines = withLines(error.issues, files).map(formatDataIssue);
        throw new Error(`the curated data in data/ is invalid:\n  ${lines.join('\n  ')}`);
      }
      throw error;
    }
  })());
}

/** The module that embeds the dataset as a string literal (for the library, which must run in a browser). */
async function embeddedModule(): Promise<string> {
  return `export default ${JSON.stringify(await compileData())};\n`;
}

/**
 * The module that reads the dataset from `dataset.json` next to it (for the CLI, Node only: reading and parsing a
 * file is faster than compiling a module that holds the same text).
 */
const FILE_MODULE = `import { readFileSync } from 'node:fs';\nexport default readFileSync(new URL('./dataset.json', import.meta.url), 'utf8');\n`;

/**
 * The esbuild plugin (tsup). `embed` (the library) puts the dataset in the bundle; `file` (the CLI) writes
 * `dataset.json` into the output folder and reads it at run time.
 */
export function esbuildDataPlugin(mode: 'embed' | 'file' = 'embed') {
  return {
    name: 'untoc-kg-data',
    setup(build: {
      initialOptions: { outdir?: string };
      onResolve: (options: { filter: RegExp }, callback: () => { path: string; namespace: string }) => void;
      onLoad: (options: { filter: RegExp; namespace: string }, callback: () => Promise<{ contents: string; loader: 'js' }>) => void;
    }) {
      build.onResolve({ filter: /^virtual:untoc-kg\/dataset$/ }, () => ({ path: VIRTUAL_ID, namespace: 'untoc-kg-data' }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-data' }, async () => {
        if (mode === 'embed') return { contents: await embeddedModule(), loader: 'js' };
        const outdir = build.initialOptions.outdir ?? 'dist';
        await mkdir(outdir, { recursive: true });
        await writeFile(join(outdir, 'dataset.json'), await compileData());
        return { contents: FILE_MODULE, loader: 'js' };
      });
    },
  };
}

/** The vite plugin (vitest). */
export function viteDataPlugin() {
  const resolved = `\0${VIRTUAL_ID}`;
  return {
    name: 'untoc-kg-data',
    resolveId(id: string) {
      return id === VIRTUAL_ID ? resolved : undefined;
    },
    load(id: string) {
      return id === resolved ? embeddedModule() : undefined;
    },
  };
}
