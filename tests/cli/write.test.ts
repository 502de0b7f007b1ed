/**
 * Every `--out` goes through one write module (src/node/write.ts): a regular file appears whole or not at all and
 * keeps its mode; a FIFO and a character device are written through, never replaced; a symbolic link is followed
 * and stays a link; a failure of the file system is a typed error with a stable code (a missing folder, a parent
 * that is a file, a folder as target, and a permission error, the last one mocked since the tests run as root and a
 * read-only folder does not stop root); a failure of the producer leaves the target as it was; and no warning is
 * emitted however many chunks are written.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { isUntocKgError, UntocKgError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/node/write.js';
import { runCli } from '../helpers/io.js';
import { ROOT } from '../helpers/paths.js';

/** The system error `open` throws for a file whose name matches `failing.pattern` (none by default). */
const failing = vi.hoisted(() => ({ pattern: undefined as RegExp | undefined, code: 'EACCES' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = (path, ...rest) => {
    if (failing.pattern?.test(String(path))) {
      return Promise.reject(Object.assign(new Error(`${failing.code}: mocked, open '${String(path)}'`), { code: failing.code, syscall: 'open', path: String(path) }));
    }
    return actual.open(path, ...rest);
  };
  return { ...actual, open };
});

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files a write left beside its target. */
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.partial'));

/** The typed error a write throws (fails the test when it does not throw one). */
async function failure(write: Promise<unknown>): Promise<UntocKgError> {
  const error = await write.then(() => undefined, (e: unknown) => e);
  if (!isUntocKgError(error)) throw new Error(`expected an UntocKgError, got ${String(error)}`);
  return error;
}

function* chunks(count: number, text = 'x'.repeat(100)): Generator<string> {
  for (let i = 0; i < count; i++) yield `${i} ${text}\n`;
}

describe('regular files', () => {
  test('a new file appears whole, nothing is left beside it', async () => {
    const file = join(dir, 'new.txt');
    const written = await writeFileAtomic(file, chunks(5000), 'test');
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBe(written);
    expect(text.split('\n')).toHaveLength(5001);
    expect(leftovers(dir)).toEqual([]);
  });

  test('an existing file is replaced, keeping its mode; a string is one chunk', async () => {
    const file = join(dir, 'existing.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    expect(await writeFileAtomic(file, 'new text', 'test')).toBe(8);
    expect(readFileSync(file, 'utf8')).toBe('new text');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  test('a producer that fails leaves the old file as it was, and no temporary file', async () => {
    const file = join(dir, 'kept.txt');
    writeFileSync(file, 'old');
    const broken = (function* () {
      yield 'partial text';
      throw new UntocKgError('invalid_input', 'producer', 'gave up');
    })();
    expect((await failure(writeFileAtomic(file, broken, 'test'))).code).toBe('invalid_input');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
  });

  test('writing many small chunks emits no warning (no listener piles up)', async () => {
    const warnings: Error[] = [];
    const listen = (warning: Error) => void warnings.push(warning);
    process.on('warning', listen);
    try {
      const result = await runCli('export', '--format', 'nquads', '--out', join(dir, 'graph.nq'));
      expect(result.code).toBe(0);
      await writeFileAtomic(join(dir, 'many.txt'), chunks(20_000, ''), 'test');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.map((w) => w.name)).toEqual([]);
  });
});

describe('what is not a regular file', () => {
  test('a symbolic link is followed: the file it names is replaced, the link stays', async () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync('real.txt', link);
    await writeFileAtomic(link, 'through the link', 'test');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('through the link');
  });

  test('a dangling link, and a chain of links, are followed to the file they name', async () => {
    mkdirSync(join(dir, 'targets'));
    symlinkSync(join(dir, 'targets', 'later.txt'), join(dir, 'dangling.txt'));
    symlinkSync('dangling.txt', join(dir, 'chain.txt'));
    await writeFileAtomic(join(dir, 'chain.txt'), 'made', 'test');
    expect(lstatSync(join(dir, 'chain.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'targets', 'later.txt'), 'utf8')).toBe('made');
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect((await failure(writeFileAtomic(join(dir, 'loop-a'), 'x', 'test'))).code).toBe('output_unwritable');
  });

  test('a FIFO is written through and stays a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = readFile(fifo, 'utf8');
    const written = await runCli('export', '--format', 'ntriples', '--out', fifo);
    expect(written.code).toBe(0);
    const text = await read;
    expect(text.length).toBeGreaterThan(100_000);
    expect(text.endsWith('.\n')).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  test('a character device (a private /dev/null) is written through and stays a device', async () => {
    const device = join(dir, 'null');
    try {
      execFileSync('mknod', [device, 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      return; // mknod needs root (CAP_MKNOD); the FIFO case covers writing through without it.
    }
    const result = await runCli('export', '--format', 'turtle', '--out', device);
    expect(result.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readFileSync(device, 'utf8')).toBe('');
  });
});

describe('typed errors', () => {
  test.each([
    ['a missing folder', () => join(dir, 'no-such-folder', 'x.nt'), 'output_no_folder'],
    ['a parent that is a file', () => (writeFileSync(join(dir, 'plain-file'), ''), join(dir, 'plain-file', 'x.nt')), 'output_no_folder'],
    ['a folder as target', () => dir, 'output_unwritable'],
  ] as const)('%s', async (_, target, code) => {
    const path = target();
    const error = await failure(writeFileAtomic(path, 'text', 'export'));
    expect(error.code).toBe(code);
    expect(error.operation).toBe('export');
    expect(error.value).toBe(path);
    const cli = await runCli('export', '--format', 'ntriples', '--out', path);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(`[${code}]`);
    expect(cli.err).not.toMatch(/unexpected failure/);
  });

  test('a folder the process may not write in (mocked EACCES): output_denied, the old file stays', async () => {
    const file = join(dir, 'guarded.txt');
    writeFileSync(file, 'old');
    failing.pattern = /\.partial$/;
    try {
      expect((await failure(writeFileAtomic(file, 'new', 'export'))).code).toBe('output_denied');
      failing.code = 'EROFS';
      expect((await failure(writeFileAtomic(file, 'new', 'export'))).code).toBe('output_denied');
    } finally {
      failing.pattern = undefined;
      failing.code = 'EACCES';
    }
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a long path is echoed cut to 80 characters', async () => {
    const path = join(dir, 'missing', 'a'.repeat(200));
    const error = await failure(writeFileAtomic(path, 'text', 'export'));
    expect(String(error.value).length).toBeLessThanOrEqual(80);
  });
});

describe('authorities import --out', () => {
  const csv = join(ROOT, 'data', 'examples', 'example-directory.csv');

  test('replaces the file whole through the same module', async () => {
    const out = join(dir, 'snapshot.json');
    writeFileSync(out, 'old');
    symlinkSync('snapshot.json', join(dir, 'snapshot-link.json'));
    const result = await runCli('authorities', 'import', csv, '--as-of', '2000-01-01', '--example', '--out', join(dir, 'snapshot-link.json'));
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, 'snapshot-link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('authorities');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a missing folder is a typed error', async () => {
    const result = await runCli('authorities', 'import', csv, '--as-of', '2000-01-01', '--out', join(dir, 'nowhere', 'snapshot.yaml'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/\[output_no_folder\]/);
  });
});
