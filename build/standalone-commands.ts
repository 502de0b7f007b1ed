/**
 * How the CLI is built into files (used by tsup only; not part of the package).
 *
 * The bin, dist/cli.cjs, is CommonJS: Node starts a CommonJS entry without its ES module loader. Its query commands
 * are standalone CommonJS files (`dist/commands/{name}.cjs`, no shared chunks) that it loads as they are, compiled from
 * a V8 code cache (src/cli/code-cache.ts); the other commands are ES modules (`dist/commands/{name}.js`, sharing
 * chunks) that it imports when they run. dist/cli.js is the same dispatcher as an ES module, with standalone ES module
 * builds of the query commands beside it. The commands named standalone must not import anything lazily but the
 * `--data` loader and the `--endpoint` client: a standalone build would inline it.
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The commands built standalone: the questions a user asks most, which load only the core. */
export const STANDALONE_COMMANDS = ['tools', 'addressed-by', 'search', 'path', 'cite'] as const;

/** Every other command (src/cli/commands/*.ts), built as ES modules that share chunks. */
export const SPLIT_COMMANDS: readonly string[] = readdirSync(new URL('../src/cli/commands/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .filter((name) => !(STANDALONE_COMMANDS as readonly string[]).includes(name))
  .sort();

/** The part of esbuild's plugin interface these plugins use. */
interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: { path: string; namespace: string }) => { path: string; external?: boolean; namespace?: string }): void;
  onLoad(options: { filter: RegExp; namespace: string }, callback: (args: { path: string }) => { contents: string; loader: 'js'; resolveDir?: string }): void;
}

/** The bin's loader of its CommonJS command files (with a V8 code cache). */
const CODE_CACHE = fileURLToPath(new URL('../src/cli/code-cache.ts', import.meta.url));

const standaloneImport = new RegExp(`^\\./commands/(${STANDALONE_COMMANDS.join('|')})\\.js$`);

/** The esbuild plugin of dist/cli.js: `import('./commands/{name}.js')` of a standalone command stays as it is. */
export function standaloneCommands() {
  return {
    name: 'untoc-kg-standalone-commands',
    setup(build: PluginBuild) {
      build.onResolve({ filter: standaloneImport }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * The esbuild plugin of the bin's CommonJS build: `import('./commands/{name}.js')` of a standalone command loads its
 * CommonJS file with `requireCached` (src/cli/code-cache.ts; an `import()` would start the ES module loader), and of
 * any other command stays an `import()` of its ES module.
 */
export function commonJsCommands() {
  return {
    name: 'untoc-kg-commonjs-commands',
    setup(build: PluginBuild) {
      build.onResolve({ filter: standaloneImport }, (args) => ({ path: args.path, namespace: 'untoc-kg-commonjs-command' }));
      build.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-commonjs-command' }, (args) => ({
        contents: [
          `const { requireCached } = require(${JSON.stringify(CODE_CACHE)});`,
          `module.exports = requireCached(require('node:path').join(__dirname, ${JSON.stringify(args.path.replace(/\.js$/, '.cjs'))}));`,
        ].join('\n'),
        resolveDir: dirname(CODE_CACHE),
        loader: 'js',
      }));
    },
  };
}

/**
 * The esbuild plugin of the standalone commands' builds: the `--data` loader (`../load-data.js`, which brings zod and
 * the file readers) and the `--endpoint` client (`../endpoint.js`, which brings N3 and the corpus reader) stay ES
 * modules of their own, built beside cli.js, instead of being inlined into every command. In the CommonJS build their
 * `import()` becomes a `require` of the same ES module (Node 20.19 and later require ES modules), since the bin
 * compiles these files from a code cache, where `import()` is not available.
 */
export function sharedLoader(format: 'esm' | 'cjs' = 'esm') {
  const filter = /^\.\.\/(?:load-data|endpoint)\.js$/;
  return {
    name: 'untoc-kg-shared-loader',
    setup(build: PluginBuild) {
      if (format === 'esm') {
        build.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
        return;
      }
      build.onResolve({ filter }, (args) => (args.namespace === 'untoc-kg-shared-loader' ? { path: args.path, external: true } : { path: args.path, namespace: 'untoc-kg-shared-loader' }));
      build.onLoad({ filter: /.*/, namespace: 'untoc-kg-shared-loader' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});\n`, loader: 'js' }));
    },
  };
}
