/**
 * The CLI's main question loads only what it needs: the `tools` command's modules (followed through static imports
 * from dist/cli.js and the command's chunk) import neither zod, N3, graphology, YAML, jsonld nor oxigraph, whose
 * loading alone costs more than answering. The bench measures the time; this test keeps the structure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const DIST = join(ROOT, 'dist');

function staticImports(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  return [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]!);
}

function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) if (spec.startsWith('./')) visit(spec.slice(2));
  };
  entries.forEach(visit);
  return seen;
}

const HEAVY = ['zod', 'n3', 'graphology', 'yaml', 'jsonld', 'oxigraph', 'iso-3166'];

/** The files a command loads: cli.js and, followed through static imports, the command's own file or chunk. */
function commandFiles(command: string): Set<string> {
  const cli = readFileSync(join(DIST, 'cli.js'), 'utf8');
  // A standalone command (dist/commands/{name}.js), or a chunk of the split build.
  const standalone = cli.includes(`import("./commands/${command}.js")`) ? `commands/${command}.js` : undefined;
  const chunk = new RegExp(`${command}: \\(\\) => import\\("\\./(${command}-[A-Z0-9]+\\.js)"\\)|"${command}": \\(\\) => import\\("\\./(${command}-[A-Z0-9]+\\.js)"\\)`).exec(cli);
  const file = standalone ?? chunk?.[1] ?? chunk?.[2];
  expect(file, `cli.js lazily imports the ${command} command`).toBeDefined();
  return closure(['cli.js', file!]);
}

test.each(['tools', 'show', 'addressed-by', 'search', 'cite'])('untoc-kg %s loads no heavy dependency', (command) => {
  const files = commandFiles(command);
  const external = [...files].flatMap((f) => staticImports(f)).filter((s) => !s.startsWith('./'));
  expect(external.filter((s) => HEAVY.some((h) => s === h || s.startsWith(`${h}/`)))).toEqual([]);
  // Bundled copies count too: no heavy package's code is inside the files loaded.
  for (const f of files) expect(readFileSync(join(DIST, f), 'utf8'), f).not.toMatch(/node_modules\/(?:zod|n3|graphology|yaml|jsonld|oxigraph|iso-3166)\//);
});

test('the main question loads three modules and its command file, whose imports are Node built-ins', () => {
  const files = commandFiles('tools');
  expect([...files].filter((f) => f.startsWith('commands/'))).toEqual(['commands/tools.js']);
  expect(files.size).toBeLessThanOrEqual(4);
  expect(staticImports('commands/tools.js').every((s) => s.startsWith('node:'))).toBe(true);
});

test('the check can fail: the export command does load N3', () => {
  const cli = readFileSync(join(DIST, 'cli.js'), 'utf8');
  const chunk = /export: \(\) => import\("\.\/(export-[A-Z0-9]+\.js)"\)/.exec(cli)![1]!;
  const external = [...closure([chunk])].flatMap((f) => staticImports(f));
  expect(external).toContain('n3');
  expect(readdirSync(DIST)).toContain('dataset.json');
});
