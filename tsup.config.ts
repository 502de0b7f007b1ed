import { defineConfig } from 'tsup';
import { readFileSync } from 'node:fs';
import { esbuildDataPlugin } from './build/data-plugin.js';
import { sharedLoader, STANDALONE_COMMANDS, standaloneCommands } from './build/standalone-commands.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
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
  },
  {
    // The command line: ESM only; each command is loaded when it runs, so a query loads neither N3 nor graphology.
    // load-data.js is what --data loads (zod, the corpus and data readers), endpoint.js what --endpoint loads (N3, the
    // remote graph): files of their own for the standalone commands.
    entry: { cli: 'src/cli/index.ts', 'load-data': 'src/cli/load-data.ts', endpoint: 'src/cli/endpoint.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __UNTOC_KG_VERSION__: JSON.stringify(version) },
    esbuildPlugins: [esbuildDataPlugin('file'), standaloneCommands()],
  },
  {
    // The query commands, each one file (dist/commands/{name}.js) that cli.js imports as it is: one module to load
    // instead of a dozen shared chunks, which is most of what the answer costs after Node's own start-up.
    entry: Object.fromEntries(STANDALONE_COMMANDS.map((name) => [`commands/${name}`, `src/cli/commands/${name}.ts`])),
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    splitting: false,
    define: { __UNTOC_KG_VERSION__: JSON.stringify(version) },
    esbuildPlugins: [esbuildDataPlugin('file', '../dataset.json'), sharedLoader()],
  },
]);
