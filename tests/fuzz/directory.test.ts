/**
 * Fuzzing the directory import (issue 11): random CSV and JSON text, random JSON documents, and mutations of the
 * example files in data/examples/. Whatever the input, `importDirectory` returns or throws the library's typed error,
 * and every row error names a row the file has. Seeded and bounded, so the suite runs in a few seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/bundled.js';
import { parseCsv } from '../../src/directory/csv.js';
import { DIRECTORY_COLUMNS, importDirectory, type ImportDirectoryOptions } from '../../src/directory/import.js';
import { isDirectoryImportError, isUntocKgError } from '../../src/errors.js';
import { ROOT } from '../helpers/paths.js';

const base = bundledDataset();
const OPTIONS: ImportDirectoryOptions = { base, asOf: '2000-01-01', example: true };
const RUNS = { seed: 42, numRuns: 60 };

/**
 * Imports `source`; fails the property unless it returns or throws an UntocKgError, and unless every row error names
 * a row in `rows` (the row numbers the file has).
 */
function check(source: string | object, options: ImportDirectoryOptions, rows: (errorRow: number) => boolean): void {
  try {
    const result = importDirectory(source, { ...OPTIONS, ...options });
    for (const e of result.errors) if (e.row !== undefined) expect(rows(e.row), `row ${e.row}`).toBe(true);
  } catch (error) {
    expect(isUntocKgError(error), String(error)).toBe(true);
    if (isDirectoryImportError(error)) for (const e of error.errors) if (e.row !== undefined) expect(rows(e.row), `row ${e.row}`).toBe(true);
  }
}

/** The rows a CSV text has: the rows its records and syntax problems start on. */
function csvRowCheck(text: string): (row: number) => boolean {
  const { records, problems } = parseCsv(text);
  const rows = new Set([...records.map((r) => r.row), ...problems.map((p) => p.row)]);
  return (row) => rows.has(row);
}

const CELL_PIECES = [
  ',', '"', '""', ';', '\n', '\r\n', ' ', 'DE', 'FRA', 'xx', 'Germany', 'yes', 'no', 'maybe',
  'smuggling-of-migrants-by-sea', 'mla', 'SOM Protocol art. 8(6)', 'UNTOC art. 18(13)', 'art. 99', 'SOM art. 100000000000',
  'a@example.org', 'not an e-mail', 'https://example.org', 'Europe/Berlin', 'UTC+99', '2000-01-01', '2000-13-45', '\uFEFF', 'é', '\u0000',
];
const cell = fc.array(fc.oneof(fc.constantFrom(...CELL_PIECES), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((parts) => parts.join(''));
const column = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DIRECTORY_COLUMNS, 'Category', 'E-mail', 'Time zone') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
const csvText = fc
  .tuple(fc.uniqueArray(column, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([header, rows, eol]) => [header.join(','), ...rows.map((r) => r.join(','))].join(eol));

const jsonEntry = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      name: fc.oneof(fc.constant('Example Authority (example data)'), fc.anything()),
      state: fc.oneof(fc.constantFrom('DE', 'FRA', 'xx', 'Germany'), fc.anything()),
      categories: fc.oneof(fc.constant(['smuggling-of-migrants-by-sea']), fc.array(fc.string({ maxLength: 8 })), fc.anything()),
      provisions: fc.oneof(fc.constant(['SOM Protocol art. 8(6)']), fc.array(fc.constantFrom(...CELL_PIECES)), fc.anything()),
      email: fc.anything(),
      urgentViaInterpol: fc.anything(),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: fc.anything() },
);
const jsonDocument = fc.oneof(
  fc.array(jsonEntry, { maxLength: 6 }),
  fc.record(
    {
      type: fc.oneof(fc.constant('directory'), fc.anything()),
      id: fc.oneof(fc.constant('fuzz'), fc.anything()),
      asOf: fc.oneof(fc.constant('2000-01-01'), fc.anything()),
      title: fc.anything(),
      source: fc.anything(),
      sources: fc.oneof(fc.constant([{ id: 'fuzz-source', title: 'Fuzz' }]), fc.anything()),
      example: fc.anything(),
      authorities: fc.oneof({ weight: 4, arbitrary: fc.array(jsonEntry, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.anything() }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

/** How many authorities a parsed JSON document lists (its rows), or none. */
function jsonRowCheck(value: unknown): (row: number) => boolean {
  const list = Array.isArray(value) ? value : (value as { authorities?: unknown } | null)?.authorities;
  const count = Array.isArray(list) ? list.length : 0;
  return (row) => row >= 1 && row <= count;
}

/** One edit of a text: cut a slice, insert text, or repeat a slice. */
const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('cut', 'insert', 'repeat'), fc.oneof(fc.constantFrom(...CELL_PIECES, '{', '}', '[', ']', ':', 'null', '5'), fc.string({ maxLength: 10 })));
function mutate(text: string, edits: readonly [number, number, string, string][]): string {
  let out = text;
  for (const [at, length, kind, piece] of edits) {
    const i = at % (out.length + 1);
    if (kind === 'cut') out = out.slice(0, i) + out.slice(i + length);
    else if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i);
    else out = out.slice(0, i) + out.slice(i, i + length).repeat(3) + out.slice(i);
  }
  return out;
}

describe('importDirectory throws only its typed error, and row errors name rows that exist', () => {
  test('random CSV text', () => {
    fc.assert(fc.property(csvText, (text) => check(text, { format: 'csv' }, csvRowCheck(text))), RUNS);
  });

  test('random JSON documents, as text and as objects', () => {
    fc.assert(
      fc.property(jsonDocument, (document) => {
        let text: string;
        try {
          text = JSON.stringify(document) ?? 'null';
        } catch {
          text = 'null'; // fc.anything() may hold a BigInt: the object itself is still imported below
        }
        check(text, { format: 'json' }, jsonRowCheck(JSON.parse(text)));
        if (document !== null && typeof document === 'object') check(document, {}, jsonRowCheck(document));
      }),
      RUNS,
    );
  });

  test.each([['example-directory.csv', 'csv'], ['example-directory.json', 'json']] as const)('mutations of data/examples/%s', (name, format) => {
    const text = readFileSync(join(ROOT, 'data', 'examples', name), 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const mutated = mutate(text, edits);
        let rows: (row: number) => boolean = csvRowCheck(mutated);
        if (format === 'json') {
          try {
            rows = jsonRowCheck(JSON.parse(mutated));
          } catch {
            rows = () => false; // not JSON: only file errors, with no row
          }
        }
        check(mutated, { format }, rows);
      }),
      RUNS,
    );
  });

  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => check(bytes, {}, () => true)), RUNS);
  });
});
