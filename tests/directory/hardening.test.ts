/**
 * Hostile directory files (issue 11): wrongly typed fields of a JSON document, huge or malformed numbers in cells.
 * Each is the typed directory error (`directory_invalid`) with a row and column, like any other bad input.
 */
import { describe, expect, test } from 'vitest';
import { importDirectory } from '../../src/directory/import.js';
import { isDirectoryImportError, type RowError } from '../../src/errors.js';

const ENTRY = { name: 'Example Authority (example data)', state: 'DE', categories: ['smuggling-of-migrants-by-sea'] };

/** The row errors of a file that must fail (fails the test if it imports). */
function errorsOf(source: string | object, options = {}): RowError[] {
  try {
    importDirectory(source, options);
  } catch (error) {
    if (isDirectoryImportError(error)) return [...error.errors];
    throw error;
  }
  expect.fail('the file was imported, but it is broken');
}

describe('a JSON document whose fields have the wrong type', () => {
  test.each([
    ['asOf', 5],
    ['id', 5],
    ['sources', 5],
    ['sources', 'S1'],
    ['source', 5],
    ['title', ['a']],
    ['example', 'yes'],
    ['note', { text: 'x' }],
    ['type', 7],
  ])('"%s": %j is an invalid_type error on that column, for the whole file', (field, value) => {
    const document = { asOf: '2000-01-01', example: true, [field]: value, authorities: [ENTRY] };
    const errors = errorsOf(JSON.stringify(document));
    expect(errors).toEqual([expect.objectContaining({ column: field, code: 'invalid_type' })]);
    expect(errors[0]!.row).toBeUndefined();
    // The same document given as an object, not text.
    expect(errorsOf(document)).toEqual(errors);
  });

  test('the message names the value, shortened', () => {
    const [long] = errorsOf({ asOf: '2000-01-01', source: 10n ** 200n, authorities: [ENTRY] });
    expect(long).toMatchObject({ column: 'source', code: 'invalid_type' });
    expect(long!.message.length).toBeLessThan(200);
  });
});

describe('huge or malformed numbers in a provision cell', () => {
  test.each([
    'SOM art. 100000000000',
    'UNTOC art. 27(99999999999999999999)',
    'UNTOC art. 1e400',
    'UNTOC art. 27(1)(mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm)',
    `UNTOC art. ${'9'.repeat(400)}`,
    'UNTOC art. -1',
    'UNTOC art. 0x1B',
  ])('%s is a row error on row 2, column "provisions"', (cell) => {
    const errors = errorsOf(`name,state,provisions\nExample Authority (example data),DE,${cell}\n`, { asOf: '2000-01-01' });
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'provisions' })]);
  });
});

describe('deeply nested JSON', () => {
  test('nesting past 64 levels is invalid_json for the whole file, before parsing', () => {
    const deep = `{"asOf":"2000-01-01","note":${'['.repeat(100_000)}${']'.repeat(100_000)},"authorities":[]}`;
    expect(errorsOf(deep)).toEqual([expect.objectContaining({ code: 'invalid_json' })]);
  });

  test('brackets inside strings do not count', () => {
    const document = { asOf: '2000-01-01', example: true, note: '[{'.repeat(100), authorities: [ENTRY] };
    expect(importDirectory(JSON.stringify(document)).authorities).toHaveLength(1);
  });
});
