/**
 * The core entry runs in a browser: the built `dist/index.js` and every chunk it imports stay free of Node built-ins
 * (`node:` imports and bare `fs`, `path`, …). Node-only code lives in `untoc-kg/node` and the CLI. So do the
 * `untoc-kg/data`, `untoc-kg/rdf` and `untoc-kg/sparql` entries, which load zod, jsonld.js and Oxigraph; the core
 * entry loads none of them, nor a YAML reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const DIST = join(ROOT, 'dist');

function importsOf(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3]!);
}

function closure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const imports = importsOf(file);
    seen.set(file, imports);
    for (const spec of imports) if (spec.startsWith('./')) visit(spec.slice(2));
  };
  visit(entry);
  return seen;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

test.each(['index.js', 'index.cjs', 'data.js', 'data.cjs', 'rdf.js', 'rdf.cjs', 'sparql.js', 'sparql.cjs'])('dist/%s and its chunks import no Node built-in', (entry) => {
  const offenders: string[] = [];
  for (const [file, imports] of closure(entry)) {
    for (const spec of imports) if (spec.startsWith('node:') || builtins.has(spec)) offenders.push(`${file} → ${spec}`);
  }
  expect(offenders).toEqual([]);
});

test('the node entry does use Node built-ins (so the check above can fail)', () => {
  const all = [...closure('node.js').values()].flat();
  expect(all.some((spec) => builtins.has(spec))).toBe(true);
});

test('the core entry does not load jsonld or oxigraph; the rdf and sparql entries load them only on use', () => {
  const imports = (entry: string) => [...closure(entry).values()].flat();
  for (const entry of ['index.js', 'index.cjs']) expect(imports(entry).filter((spec) => /^(jsonld|oxigraph)$/.test(spec))).toEqual([]);
  const code = (entry: string) => [...closure(entry).keys()].map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
  expect(code('rdf.js')).toMatch(/import\(\s*["']jsonld["']\s*\)/);
  expect(code('sparql.js')).toMatch(/import\(\s*["']oxigraph["']\s*\)/);
  expect(code('rdf.js')).not.toMatch(/^import[^;]*["'](jsonld|oxigraph)["']/m);
});

test.each(['index.js', 'index.cjs'])('dist/%s loads neither zod nor a YAML reader; the data entry loads zod', (entry) => {
  const imports = (file: string) => [...closure(file).values()].flat();
  expect(imports(entry).filter((spec) => /^(zod|yaml)(\/|$)/.test(spec))).toEqual([]);
  expect(imports(entry.replace('index', 'data')).some((spec) => /^zod(\/|$)/.test(spec))).toBe(true);
});
