/**
 * Build-time compilation of the curated data: reads `data/`, validates it (shape and integrity) and serves the
 * dataset as the module `virtual:untoc-kg/dataset`, whose default export is the dataset's JSON; and serves the files of
 * `ontology/` as strings from `virtual:untoc-kg/resources`, so the RDF exports carry the ontology without reading a
 * file at run time. Used by tsup (as an
 * esbuild plugin) and by vitest (as a vite plugin); not part of the published library. A data error fails the build
 * with every issue listed.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { formatDataIssue, isDataValidationError } from '../errors.js';
import { buildDataset } from '../load/build.js';
import { readDataFiles, withLines } from '../node/files.js';

export const VIRTUAL_ID = 'virtual:untoc-kg/dataset';
/** The module holding the ontology, the shapes and the JSON-LD context as text, and the package version. */
export const RESOURCES_ID = 'virtual:untoc-kg/resources';
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

/** The module source of {@link RESOURCES_ID}: the files of `ontology/` as strings, read at build time, never copied by hand. */
export async function compileResources(root = ROOT): Promise<string> {
  const read = (name: string) => readFile(join(root, 'ontology', name), 'utf8');
  const [ontology, shapes, context, manifest] = await Promise.all([read('untoc-kg.ttl'), read('shapes.ttl'), read('context.jsonld'), readFile(join(root, 'package.json'), 'utf8')]);
  const version = (JSON.parse(manifest) as { version: string }).version;
  return Object.entries({ ontology, shapes, context, version })
    .map(([name, text]) => `export const ${name} = ${JSON.stringify(text)};\n`)
    .join('');
}

const MODULES: Record<string, () => Promise<string>> = {
  [VIRTUAL_ID]: () => compileData(),
  [RESOURCES_ID]: () => compileResources(),
};

/** The esbuild plugin (tsup). */
export function esbuildDataPlugin() {
  return {
    name: 'untoc-kg-data',
    setup(build: {
      onResolve: (options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; namespace: string }) => void;
      onLoad: (options: { filter: RegExp; namespace: string }, callback: (args: { path: string }) => Promise<{ contents: string; loader: 'js' }>) => void;
    }) {
      build.onResolve({ filter: /^virtual:untoc-kg\/(dataset|resources)$/ }, (args) => ({ path: args.path, namespace: 'untoc-kg-data' }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-data' }, async (args) => ({ contents: await MODULES[args.path]!(), loader: 'js' }));
    },
  };
}

/** The vite plugin (vitest). */
export function viteDataPlugin() {
  return {
    name: 'untoc-kg-data',
    resolveId(id: string) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id: string) {
      return id.startsWith('\0') && id.slice(1) in MODULES ? MODULES[id.slice(1)]!() : undefined;
    },
  };
}
