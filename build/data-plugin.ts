/**
 * Build-time compilation of the curated data: reads `data/`, validates it (shape and integrity) and serves the
 * dataset as the module `virtual:untoc-kg/dataset`, whose default export is the dataset's JSON text; and serves the
 * files of `ontology/` as strings from `virtual:untoc-kg/resources`, so the RDF exports carry the ontology without
 * reading a file at run time. Used by tsup (as an esbuild plugin) and by vitest (as a vite plugin); not part of the
 * published library. A data error fails the build with every issue listed.
 *
 * @module
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDataIssue, isDataValidationError } from '../src/errors.js';
import { buildDataset } from '../src/load/build.js';
import { readDataFiles, withLines } from '../src/node/files.js';
import { curatedDataPaths } from '../src/node/package.js';

export const VIRTUAL_ID = 'virtual:untoc-kg/dataset';
/** The module holding the ontology, the shapes and the JSON-LD context as text, and the package version. */
export const RESOURCES_ID = 'virtual:untoc-kg/resources';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

let compiled: Promise<string> | undefined;

/**
 * The dataset as JSON text with every non-ASCII character escaped: V8 reads a one-byte (ASCII) string several times
 * faster than a two-byte one, both as a module's string literal and in JSON.parse.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Validates `data/` (but not its `examples/`) and returns the dataset's JSON text; memoized per process. */
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

/** The module source of {@link RESOURCES_ID}: the files of `ontology/` as strings, read at build time, never copied by hand. */
export async function compileResources(root = ROOT): Promise<string> {
  const read = (name: string) => readFile(join(root, 'ontology', name), 'utf8');
  const [ontology, shapes, context, manifest] = await Promise.all([read('untoc-kg.ttl'), read('shapes.ttl'), read('context.jsonld'), readFile(join(root, 'package.json'), 'utf8')]);
  const version = (JSON.parse(manifest) as { version: string }).version;
  return Object.entries({ ontology, shapes, context, version })
    .map(([name, text]) => `export const ${name} = ${JSON.stringify(text)};\n`)
    .join('');
}

/** The module that embeds the dataset as a string literal (for the library, which must run in a browser). */
async function embeddedDataModule(): Promise<string> {
  return `export default ${JSON.stringify(await compileData())};\n`;
}

/**
 * The module that reads the dataset from `dataset.json` next to it (for the CLI, Node only: reading and parsing a
 * file is faster than compiling a module that holds the same text), as an ES module or, for a CommonJS build (which
 * has no `import.meta`), from `__dirname`.
 */
function fileDataModule(url: string, format: string | undefined): string {
  const where = format === 'cjs' ? `join(__dirname, ${JSON.stringify(url)})` : `new URL(${JSON.stringify(url)}, import.meta.url)`;
  return `import { readFileSync } from 'node:fs';\n${format === 'cjs' ? "import { join } from 'node:path';\n" : ''}export default readFileSync(${where}, 'utf8');\n`;
}

/** The source of each virtual module, when the dataset is embedded. */
const MODULES: Record<string, () => Promise<string>> = {
  [VIRTUAL_ID]: () => embeddedDataModule(),
  [RESOURCES_ID]: () => compileResources(),
};

/**
 * The esbuild plugin (tsup). `embed` (the library) puts the dataset in the bundle; `file` (the CLI) writes
 * `dataset.json` into the output folder and reads it at run time, from `datasetUrl` relative to the output file
 * (`./dataset.json`; `../dataset.json` for the CLI's commands in `dist/commands/`). The resources are always embedded.
 */
export function esbuildDataPlugin(mode: 'embed' | 'file' = 'embed', datasetUrl = './dataset.json') {
  return {
    name: 'untoc-kg-data',
    setup(build: {
      initialOptions: { outdir?: string; format?: string };
      onResolve: (options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; namespace: string }) => void;
      onLoad: (options: { filter: RegExp; namespace: string }, callback: (args: { path: string }) => Promise<{ contents: string; loader: 'js' }>) => void;
    }) {
      build.onResolve({ filter: /^virtual:untoc-kg\/(dataset|resources)$/ }, (args) => ({ path: args.path, namespace: 'untoc-kg-data' }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-data' }, async (args) => {
        if (args.path === VIRTUAL_ID && mode === 'file') {
          const outdir = build.initialOptions.outdir ?? 'dist';
          await mkdir(outdir, { recursive: true });
          await writeFile(join(outdir, 'dataset.json'), await compileData());
          return { contents: fileDataModule(datasetUrl, build.initialOptions.format), loader: 'js' };
        }
        return { contents: await MODULES[args.path]!(), loader: 'js' };
      });
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
