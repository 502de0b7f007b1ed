import { defineConfig, type Options } from 'tsup';
import { readFileSync } from 'node:fs';
import { esbuildDataPlugin } from './build/data-plugin.js';
import { commonJsCommands, SPLIT_COMMANDS, sharedLoader, STANDALONE_COMMANDS, standaloneCommands } from './build/standalone-commands.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// UNTOC_KG_BUILD=cli rebuilds the command line only (quick, while working on it); `npm run build` builds everything.
const cliOnly = process.env['UNTOC_KG_BUILD'] === 'cli';

const library: Options = {
  // The library: ESM and CJS, each with its own declarations. The core entry must run in a browser and load no zod.
  entry: { index: 'src/index.ts', data: 'src/data.ts', node: 'src/node/index.ts', rdf: 'src/rdf/index.ts', sparql: 'src/sparql/index.ts', remote: 'src/remote/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  removeNodeProtocol: false,
  esbuildPlugins: [esbuildDataPlugin()],
};

/** What every build of the command line shares. */
const cli: Options = {
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  removeNodeProtocol: false,
  define: { __UNTOC_KG_VERSION__: JSON.stringify(version) },
};

const standalone = Object.fromEntries(STANDALONE_COMMANDS.map((name) => [`commands/${name}`, `src/cli/commands/${name}.ts`]));

export default defineConfig([
  ...(cliOnly ? [] : [library]),
  {
    // The command line's ES modules: the other commands (dist/commands/{name}.js, sharing chunks), which the bin
    // imports when they run, so that a query loads neither N3 nor graphology; load-data.js is what --data loads (zod,
    // the corpus and data readers) and endpoint.js what --endpoint loads (the remote client, N3, the corpus reader):
    // files of their own for the standalone commands. dist/cli.js is the same dispatcher as the bin, for
    // `node dist/cli.js`.
    ...cli,
    entry: {
      cli: 'src/cli/index.ts',
      'load-data': 'src/cli/load-data.ts',
      endpoint: 'src/cli/endpoint.ts',
      ...Object.fromEntries(SPLIT_COMMANDS.map((name) => [`commands/${name}`, `src/cli/commands/${name}.ts`])),
    },
    format: ['esm'],
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [esbuildDataPlugin('file'), standaloneCommands()],
  },
  {
    // The query commands, each one file (dist/commands/{name}.js) that cli.js imports as it is: one module to load
    // instead of a dozen shared chunks, which is most of what the answer costs after Node's own start-up.
    ...cli,
    entry: standalone,
    format: ['esm'],
    splitting: false,
    esbuildPlugins: [esbuildDataPlugin('file', '../dataset.json'), sharedLoader()],
  },
  {
    // The bin (dist/cli.cjs) and its query commands (dist/commands/{name}.cjs) as CommonJS: Node starts a CommonJS
    // entry without its ES module loader, which is a good part of what an answer costs after Node's own start-up.
    // The other commands, --data and --endpoint are the ES modules above, imported when they run.
    ...cli,
    entry: { cli: 'src/cli/index.ts', ...standalone },
    format: ['cjs'],
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [esbuildDataPlugin('file', '../dataset.json'), sharedLoader('cjs'), commonJsCommands()],
  },
]);
