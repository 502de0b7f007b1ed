/**
 * Fuzzing the CSV exports' cell writer: whatever the text, a reader gets it back (with a leading `'` exactly when it
 * starts with a formula trigger), and no written cell starts with a trigger, inside quotes or not.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { csvCell } from '../../src/export/csv.js';

const TRIGGER = /^[=+\-@\t\r]/;

test('csvCell: read back intact, never starting with a trigger', () => {
  const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'", 'a', '1', 'é'), maxLength: 12 });
  fc.assert(
    fc.property(text, (value) => {
      const cell = csvCell(value);
      expect(TRIGGER.test(cell.replace(/^"/, ''))).toBe(false);
      const [row] = parseCsv(`${cell},end\r\n`, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
      expect(row).toEqual([TRIGGER.test(value) ? `'${value}` : value, 'end']);
    }),
    { seed: 42, numRuns: 2000 },
  );
});
