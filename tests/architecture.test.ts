/**
 * The shape of src/: no import cycle (type-only imports count, as in `npx madge --circular`), and no source file over
 * 500 lines (STYLE.md). The first asks madge; the second lists the offenders by name, so a failure says which file to
 * split.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import madge from 'madge';
import { expect, test } from 'vitest';
import { ROOT } from './helpers/paths.js';

const SRC = join(ROOT, 'src');
const MAX_LINES = 500;

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Lines as `wc -l` counts them, plus a last line without its newline. */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const OPTIONS = {
  fileExtensions: ['ts'],
  tsConfig: join(ROOT, 'tsconfig.json'),
  detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
} as const;

test('the cycle check can fail: two files that import only types from each other are a cycle', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-cycle-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js';\nexport interface A { readonly b?: B }\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a.js';\nexport interface B { readonly a?: A }\n");
    expect((await madge(dir, OPTIONS)).circular()).toEqual([['a.ts', 'b.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('src/ has no import cycle, type-only imports included', { timeout: 120_000 }, async () => {
  const result = await madge(SRC, OPTIONS);
  expect(Object.keys(result.obj()).length).toBeGreaterThan(50);
  expect(result.circular()).toEqual([]);
});

test(`no source file in src/ has more than ${MAX_LINES} lines`, () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  const offenders = files
    .map((file) => ({ file: relative(ROOT, file), lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
  expect(offenders).toEqual([]);
});
