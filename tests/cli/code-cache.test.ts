/**
 * The bin's code cache (src/cli/code-cache.ts): a command file runs the same with or without its cache; a cache is
 * saved when missing, used when it fits, replaced when V8 refuses it, never read for a changed file; a folder that
 * cannot be written costs the cache, not the command; and the built bin answers byte for byte the same cold, warm and
 * with the cache turned off.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCached } from '../../src/cli/code-cache.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS file in its own folder, as the build writes the commands (a `#!` line first). */
function commandFile(name: string, body: string): string {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const file = join(folder, `${name}.cjs`);
  writeFileSync(file, `#!/usr/bin/env node\n"use strict";\n${body}\n`);
  return file;
}

const caches = (file: string) => (existsSync(join(file, '..', '.cache')) ? readdirSync(join(file, '..', '.cache')) : []);
const BODY = 'const path = require("node:path");\nexports.answer = (x) => `${path.basename(__filename)}:${x * 2}`;\nmodule.exports.dir = __dirname;';

describe('loadCached', () => {
  test('runs the file as require does, saves its cache once, then uses it', () => {
    const file = commandFile('first', BODY);
    const cold = loadCached(file);
    expect((cold.exports as { answer: (x: number) => string }).answer(21)).toBe('first.cjs:42');
    expect((cold.exports as { dir: string }).dir).toBe(join(file, '..'));
    expect(cold.save).toBeDefined();
    expect(caches(file)).toEqual([]);
    cold.save!();
    expect(caches(file)).toHaveLength(1);
    expect(caches(file)[0]).toMatch(new RegExp(`^first\\.cjs\\.${process.version.replaceAll('.', '\\.')}-${process.arch}\\.\\d+-\\d+\\.v8$`));
    const warm = loadCached(file);
    expect(warm.save).toBeUndefined();
    expect((warm.exports as { answer: (x: number) => string }).answer(21)).toBe('first.cjs:42');
  });

  test('a cache V8 refuses is replaced; a changed file never reads the old cache', () => {
    // Each in a process of its own, as the bin runs: within one process V8 reuses what it compiled and reads no cache.
    const inChild = (file: string) => {
      const code = `import { loadCached } from ${JSON.stringify(join(ROOT, 'src', 'cli', 'code-cache.ts'))}; const r = loadCached(${JSON.stringify(file)}); console.log(JSON.stringify({ answer: r.exports.answer(1), saved: r.save !== undefined })); r.save?.();`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      return JSON.parse(child.stdout) as { answer: string; saved: boolean };
    };
    const file = commandFile('refused', BODY);
    expect(inChild(file)).toEqual({ answer: 'refused.cjs:2', saved: true });
    expect(inChild(file)).toEqual({ answer: 'refused.cjs:2', saved: false });
    const [name] = caches(file);
    writeFileSync(join(file, '..', '.cache', name!), 'not a code cache');
    expect(inChild(file)).toEqual({ answer: 'refused.cjs:2', saved: true });
    expect(inChild(file)).toEqual({ answer: 'refused.cjs:2', saved: false });
    // Same length, other text, other time: the cache of the old text is not the new one's.
    writeFileSync(file, `#!/usr/bin/env node\n"use strict";\n${BODY.replace('x * 2', 'x * 3')}\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(inChild(file)).toEqual({ answer: 'refused.cjs:3', saved: true });
    expect(caches(file)).toHaveLength(2);
  });

  test('a folder that cannot be written: the file runs, nothing is saved, nothing throws', (ctx) => {
    if (process.getuid?.() === 0) ctx.skip('root ignores folder permissions (the next test covers a cache folder that cannot be made)');
    const file = commandFile('readonly', BODY);
    chmodSync(join(file, '..'), 0o555);
    try {
      const loaded = loadCached(file);
      expect((loaded.exports as { answer: (x: number) => string }).answer(2)).toBe('readonly.cjs:4');
      expect(() => loaded.save!()).not.toThrow();
      expect(caches(file)).toEqual([]);
    } finally {
      chmodSync(join(file, '..'), 0o755);
    }
  });

  test('a cache that cannot be saved (its folder is a file) leaves nothing behind', () => {
    const file = commandFile('blocked', BODY);
    writeFileSync(join(file, '..', '.cache'), 'a file where the folder would be');
    const loaded = loadCached(file);
    expect(() => loaded.save!()).not.toThrow();
    expect(readdirSync(join(file, '..')).sort()).toEqual(['.cache', 'blocked.cjs']);
  });

  test('errors keep the file name in their stack', () => {
    const file = commandFile('throws', 'exports.fail = () => { throw new Error("boom"); };');
    const { fail } = loadCached(file).exports as { fail: () => void };
    expect(fail).toThrow('boom');
    try {
      fail();
    } catch (error) {
      expect((error as Error).stack).toContain(file);
    }
  });
});

const BIN = join(ROOT, 'dist', 'cli.cjs');

describe.runIf(existsSync(BIN))('the built bin', () => {
  const run = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  test('answers the same with the cache off, cold and warm', () => {
    const args = ['tools', 'art. 27 para. 1(e)', '--json'];
    const off = run({ UNTOC_KG_CODE_CACHE: '0' }, ...args);
    expect(off.status).toBe(0);
    rmSync(join(ROOT, 'dist', 'commands', '.cache'), { recursive: true, force: true });
    const cold = run({}, ...args);
    const warm = run({}, ...args);
    for (const r of [cold, warm]) expect({ status: r.status, out: r.stdout, err: r.stderr }).toEqual({ status: 0, out: off.stdout, err: '' });
    expect(readdirSync(join(ROOT, 'dist', 'commands', '.cache')).some((f) => f.startsWith('tools.cjs.'))).toBe(true);
  });

  test('a usage error is the same with the cache off and on', () => {
    const off = run({ UNTOC_KG_CODE_CACHE: '0' }, 'tools', '--nope');
    const on = run({}, 'tools', '--nope');
    expect(off.status).toBe(2);
    expect({ status: on.status, out: on.stdout, err: on.stderr }).toEqual({ status: off.status, out: off.stdout, err: off.stderr });
  });
});
