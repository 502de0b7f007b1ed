/**
 * Fuzzing the corpus readers: whatever the bytes, JSON Lines and CSV corpora are read or refused with the typed
 * error (`corpus_invalid`), every problem with a line ≥ 1 and a known code; with `keepGood` they always return.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { loadCore } from '../../src/core.js';
import { CORPUS_CSV_FILES, readCorpusCsv } from '../../src/corpus/csv.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { isUntocKgError } from '../../src/errors.js';

const kg = loadCore();
const CODES = new Set(['invalid_json', 'unknown_type', 'unknown_field', 'missing_value', 'invalid_value', 'duplicate_id', 'unknown_state', 'bad_date', 'unknown_provision', 'unknown_legislation', 'unknown_section', 'unknown_source', 'missing_locator', 'missing_note']);

/** Text made of the characters that matter to CSV and to the records. */
const csvText = fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', ';', '#', ':', ' ', 'a', '1', 'IT', 'id', 'state', 'title', 'from', 'basis', 'curated', 'SOM art. 6'), maxLength: 40 });

test('readCorpusCsv: any files are read or refused with corpus_invalid', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom(...CORPUS_CSV_FILES), csvText), (files) => {
      try {
        readCorpusCsv(kg, files);
      } catch (error) {
        expect(isUntocKgError(error) && error.code).toBe('corpus_invalid');
      }
      const { errors } = readCorpusCsv(kg, files, { keepGood: true });
      for (const e of errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(CODES.has(e.code)).toBe(true);
        expect(CORPUS_CSV_FILES).toContain(e.file);
      }
    }),
    { seed: 42, numRuns: 300 },
  );
});

test('readCorpusLines: any lines of JSON-ish text are read or refused with corpus_invalid', () => {
  const value = fc.oneof(fc.constantFrom('legislation', 'section', 'case', 'source', 'corpus', 'IT', 'XX', '2014-02-30', 'SOM art. 6', 'x#1'), fc.string({ maxLength: 6 }), fc.integer());
  const record = fc.dictionary(fc.constantFrom('type', 'id', 'state', 'title', 'legislation', 'number', 'decisionDate', 'implements', 'applies'), value).map((r) => JSON.stringify(r));
  const line = fc.oneof(record, fc.string({ maxLength: 12 }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
      try {
        readCorpusLines(kg, lines);
      } catch (error) {
        expect(isUntocKgError(error) && error.code).toBe('corpus_invalid');
      }
      for (const e of readCorpusLines(kg, lines, { keepGood: true }).errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.line).toBeLessThanOrEqual(lines.length);
        expect(CODES.has(e.code)).toBe(true);
      }
    }),
    { seed: 42, numRuns: 500 },
  );
});
