/**
 * The CLI's main question loads only what it needs. The bin (package.json `bin`: dist/cli.cjs) is CommonJS, so Node
 * starts it without its ES module loader, and loads a query command's own CommonJS file (dist/commands/{name}.cjs);
 * the other commands are ES modules (dist/commands/{name}.js and the chunks they import). The files the `tools`
 * command and the other everyday questions load import neither zod, N3, graphology, YAML, jsonld nor oxigraph, whose
 * loading alone costs more than answering. The bench measures the time; this test keeps the structure.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const DIST = join(ROOT, 'dist');
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');

/**
 * `--data`'s loader and `--endpoint`'s client, which the standalone CommonJS commands require only when the option is
 * given (esbuild's lazy `__commonJS` wrapper around the `require`).
 */
const LAZY = /var require_(?:load_data|endpoint) = __commonJS\(\{\s*"[^"]+"\(exports\d*, module\d*\) \{\s*"use strict";\s*module\d*\.exports = require\("\.\.\/(?:load-data|endpoint)\.js"\);/g;

/** What a built file imports or requires (specifiers as written), lazily loaded or not, but for {@link LAZY}. */
function loads(file: string): string[] {
  const code = read(file).replace(LAZY, '');
  const esm = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);
  const cjs = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
  return [...esm, ...cjs];
}

/** Every file of dist/ reached from `entries` through static imports and requires, relative paths resolved. */
function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file).replace(LAZY, '');
    const staticOnly = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|\brequire\(["'](\.[^"']+)["']\)/g)];
    for (const m of staticOnly) visit(normalize(join(dirname(file), m[1] ?? m[2] ?? m[3]!)));
  };
  entries.forEach(visit);
  return seen;
}

const HEAVY = ['zod', 'n3', 'graphology', 'yaml', 'jsonld', 'oxigraph', 'iso-3166'];
const BIN = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['untoc-kg']!;

/** The files the bin loads for a command: itself and the command's CommonJS file, or its ES module and chunks. */
function commandFiles(command: string): Set<string> {
  const bin = read('cli.cjs');
  const standalone = bin.includes(`"./commands/${command}.cjs"`) ? `commands/${command}.cjs` : undefined;
  const module = bin.includes(`import("./commands/${command}.js")`) ? `commands/${command}.js` : undefined;
  expect(standalone ?? module, `the bin loads the ${command} command when it runs`).toBeDefined();
  return closure(['cli.cjs', (standalone ?? module)!]);
}

test('the bin is dist/cli.cjs, CommonJS: it loads no ES module to start', () => {
  expect(normalize(BIN)).toBe(normalize('./dist/cli.cjs'));
  const bin = read('cli.cjs');
  expect(bin.startsWith('#!/usr/bin/env node\n"use strict";')).toBe(true);
  expect(loads('cli.cjs').every((s) => s.startsWith('node:') || ['fs', 'path', 'url', 'vm', 'module', 'util'].includes(s))).toBe(true);
});

test.each(['tools', 'show', 'addressed-by', 'search', 'cite'])('untoc-kg %s loads no heavy dependency', (command) => {
  const files = commandFiles(command);
  const external = [...files].flatMap((f) => loads(f)).filter((s) => !s.startsWith('.'));
  expect(external.filter((s) => HEAVY.some((h) => s === h || s.startsWith(`${h}/`)))).toEqual([]);
  // Bundled copies count too: no heavy package's code is inside the files loaded.
  for (const f of files) expect(read(f), f).not.toMatch(/node_modules\/(?:zod|n3|graphology|yaml|jsonld|oxigraph|iso-3166)\//);
});

test('the main question loads the bin and its command file, whose requires are Node built-ins', () => {
  const files = commandFiles('tools');
  expect([...files]).toEqual(['cli.cjs', join('commands', 'tools.cjs')]);
  expect(loads('commands/tools.cjs').filter((s) => !s.startsWith('node:'))).toEqual([]);
  // --data and --endpoint load modules of their own, never inlined, and only when given.
  expect(read('commands/tools.cjs').match(LAZY)).toHaveLength(2);
  expect(read('commands/tools.cjs')).not.toMatch(/node_modules\//);
});

test('the check can fail: the export command does load N3', () => {
  const external = [...commandFiles('export')].flatMap((f) => loads(f));
  expect(external).toContain('n3');
  expect(read('dataset.json').length).toBeGreaterThan(0);
});
