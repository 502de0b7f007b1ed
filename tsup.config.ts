import { defineConfig } from 'tsup';
import { readFileSync } from 'node:fs';
import { esbuildDataPlugin } from './src/build/data-plugin.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: ESM and CJS, each with its own declarations. The core entry must run in a browser.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', rdf: 'src/rdf/index.ts', sparql: 'src/sparql/index.ts' },
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
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __UNTOC_KG_VERSION__: JSON.stringify(version) },
    esbuildPlugins: [esbuildDataPlugin('file')],
  },
]);
