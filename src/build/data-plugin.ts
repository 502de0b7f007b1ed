/**
 * Build-time compilation of the curated data: reads `data/`, validates it (shape and integrity) and serves the
 * dataset as the module `virtual:untoc-kg/dataset`, whose default export is the dataset's JSON. Used by tsup (as an
 * esbuild plugin) and by vitest (as a vite plugin); not part of the published library. A data error fails the build
 * with every issue listed.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { formatDataIssue, isDataValidationError } from '../errors.js';
import { buildDataset } from '../load/build.js';
import { readDataFiles, withLines } from '../node/files.js';

export const VIRTUAL_ID = 'virtual:untoc-kg/dataset';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let compiled: Promise<string> | undefined;

/** Validates `data/` and returns the module source; memoized per process. */
export function compileData(root = ROOT): Promise<string> {
  return (compiled ??= (async () => {
    const files = await readDataFiles([join(root, 'data')], root);
    try {
      const dataset = buildDataset(files);
      return `export default ${JSON.stringify(JSON.stringify(dataset))};\n`;
    } catch (error) {
      if (isDataValidationError(error)) {
        const lines = withLines(error.issues, files).map(formatDataIssue);
        throw new Error(`the curated data in data/ is invalid:\n  ${lines.join('\n  ')}`);
      }
      throw error;
    }
  })());
}

/** The esbuild plugin (tsup). */
export function esbuildDataPlugin() {
  return {
    name: 'untoc-kg-data',
    setup(build: {
      onResolve: (options: { filter: RegExp }, callback: () => { path: string; namespace: string }) => void;
      onLoad: (options: { filter: RegExp; namespace: string }, callback: () => Promise<{ contents: string; loader: 'js' }>) => void;
    }) {
      build.onResolve({ filter: /^virtual:untoc-kg\/dataset$/ }, () => ({ path: VIRTUAL_ID, namespace: 'untoc-kg-data' }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-data' }, async () => ({ contents: await compileData(), loader: 'js' }));
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
      return id === resolved ? compileData() : undefined;
    },
  };
}
