/**
 * Hostile data files (issue 11): whatever a file holds, reading and loading it fails with the library's typed
 * error (`data_invalid`, with an issue naming the file), never with an unexpected failure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isDataValidationError, type DataIssue } from '../../src/errors.js';
import { loadDataset, readDataFiles } from '../../src/node/index.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the scratch folder and returns its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The issues `readDataFiles` (or `loadDataset`) reports for a path; fails the test if it reads. */
async function issuesOf(read: () => Promise<unknown>): Promise<DataIssue[]> {
  try {
    await read();
  } catch (error) {
    if (isDataValidationError(error)) return [...error.issues];
    throw error;
  }
  expect.fail('the file was read, but it is hostile');
}

/** A "billion laughs" document: each level names the one before it ten times. */
function aliasBomb(levels: number): string {
  const lines = ['type: sources', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push(`sources: *a${levels - 1}`);
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases', () => {
  test.each([
    ['readDataFiles', (path: string) => readDataFiles([path], dir)],
    ['loadDataset', (path: string) => loadDataset(path)],
  ])('an alias bomb is data_invalid with a yaml_aliases issue naming the file (%s)', async (_name, read) => {
    const path = write('bomb.yaml', aliasBomb(9));
    const issues = await issuesOf(() => read(path));
    expect(issues).toEqual([expect.objectContaining({ code: 'yaml_aliases', path: [] })]);
    expect(issues[0]!.file).toContain('bomb.yaml');
  });

  test('a few aliases are still read (a shared list named twice)', async () => {
    const path = write('aliases.yaml', 'type: sources\nx: &x [a, b]\ny: *x\n');
    const [file] = await readDataFiles([path], dir);
    expect(file!.data).toEqual({ type: 'sources', x: ['a', 'b'], y: ['a', 'b'] });
  });
});

describe('files that cannot be read', () => {
  test('a path that is not a regular file or folder is file_unreadable, not an unexpected failure', async () => {
    // A folder named like a data file: collected as a folder, so this reads nothing. A broken link is what fails.
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'sub', 'broken.yaml'));
    const issues = await issuesOf(() => readDataFiles([join(dir, 'sub')], dir));
    expect(issues).toEqual([expect.objectContaining({ code: 'file_unreadable', path: [] })]);
  });
});
