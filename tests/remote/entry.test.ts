/** The `untoc-kg/remote` entry of the built package: declared in package.json, loadable from ESM and CommonJS. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, unknown>; typesVersions: { '*': Record<string, string[]> } };

describe('untoc-kg/remote', () => {
  test('package.json declares it for import, require and older TypeScript', () => {
    expect(pkg.exports['./remote']).toEqual({
      import: { types: './dist/remote.d.ts', default: './dist/remote.js' },
      require: { types: './dist/remote.d.cts', default: './dist/remote.cjs' },
    });
    expect(pkg.typesVersions['*'].remote).toEqual(['./dist/remote.d.cts']);
  });

  test.each([
    ['ESM', `import('${ROOT}dist/remote.js').then((m) => console.log(Object.keys(m).sort().join(',')))`],
    ['CommonJS', `console.log(Object.keys(require('${ROOT}dist/remote.cjs')).sort().join(','))`],
  ])('the built entry loads from %s with publish, publishQuads, readCredentials and remoteGraph', (_, code) => {
    expect(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }).trim()).toBe('publish,publishQuads,readCredentials,remoteGraph');
  });
});
