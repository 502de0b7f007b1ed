/**
 * The State table (iso-3166) stays off the CLI's fast path: the query core, the index and `authoritiesFor` (which
 * `provision()` and `toolsAddressing()` call) never import it, and the built CLI loads it only with the commands that
 * check States. Checked on the source's static imports and on the built chunks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Every source file a module reaches through static (not dynamic, not type-only) imports. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) visit(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  };
  visit(join(ROOT, 'src', entry));
  return seen;
}

const STATES = join(ROOT, 'src', 'model', 'states.ts');

test.each(['core.ts', 'query/designations.ts', 'lookup/build.ts', 'cli/commands/cite.ts'])('src/%s does not import the State table', (entry) => {
  expect(closure(entry).has(STATES)).toBe(false);
});

test('the check can fail: the authorities query and the loader do import it', () => {
  expect(closure('query/authorities.ts').has(STATES)).toBe(true);
  expect(closure('load/build.ts').has(STATES)).toBe(true);
});

test('in the built CLI, only chunks loaded by the directory and validation commands hold the table', () => {
  const dist = join(ROOT, 'dist');
  const withTable = readdirSync(dist).filter((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('Bolivia, Plurinational State of'));
  expect(withTable.length).toBeGreaterThan(0);
  expect(withTable).not.toContain('cli.js');
  // Which chunks does the entry import statically? None of them may hold the table.
  const entry = readFileSync(join(dist, 'cli.js'), 'utf8');
  const staticImports = [...entry.matchAll(/^import\s[^'"]*?from\s*['"]\.\/([^'"]+)['"]/gm)].map((m) => m[1]!);
  expect(staticImports.filter((f) => withTable.includes(f))).toEqual([]);
});

test('in the built CLI, the cite command loads no chunk that holds the table', () => {
  const dist = join(ROOT, 'dist');
  const read = (f: string) => readFileSync(join(dist, f), 'utf8');
  const cite = /cite: \(\) => import\("\.\/([^"]+)"\)/.exec(read('cli.js'))![1]!;
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of read(f).matchAll(/^import\s[^'"]*?from\s*['"]\.\/([^'"]+)['"]/gm)) visit(m[1]!);
  };
  visit('cli.js');
  visit(cite);
  // cite is a standalone command file (commands/cite.js): everything it runs is in it.
  expect(seen).toContain('commands/cite.js');
  expect([...seen].filter((f) => read(f).includes('Bolivia, Plurinational State of'))).toEqual([]);
});
