/**
 * The CSV exports neutralise formulas (OWASP's advice on CSV injection): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with `'` and quoted; numbers stay as they are; the directory writer
 * (`toCsv`), whose files must read back as written, keeps every value as it is.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../src/directory/csv.js';
import { csvCell, LINK_COLUMNS, writeLinksCsv, writeProvisionsCsv } from '../../src/export/csv.js';
import { loadGraph } from '../../src/kg.js';

const kg = loadGraph();
const read = (text: string) => parseCsv(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

describe('csvCell', () => {
  // The triggers are OWASP's list (CSV Injection, "=", "+", "-", "@", tab, carriage return); the payloads are its examples.
  test.each([
    ['=1+2', `"'=1+2"`],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+49 40 123', `"'+49 40 123"`],
    ['-2+3+cmd|\' /C calc\'!A0', `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(1+9)*cmd|\' /C calc\'!A0', `"'@SUM(1+9)*cmd|' /C calc'!A0"`],
    ['\t=1+2', `"'\t=1+2"`],
    ['\r=1+2', `"'\r=1+2"`],
    ['-5', `"'-5"`],
  ])('text %j is neutralised: %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
    expect(csvField(value, { neutralizeFormulas: true })).toBe(cell);
    expect(read(`x\r\n${cell}\r\n`)[0]!['x']).toBe(`'${value}`);
  });

  test.each([
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    [' =1', '" =1"'],
    ['A, B', '"A, B"'],
    ['', ''],
  ])('text %j that no spreadsheet runs is written as before: %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test.each([
    [-5, '-5'],
    [3.5, '3.5'],
    [true, 'true'],
    [undefined, ''],
  ])('%j is written as it is', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('the directory writer keeps every value as it is (its files read back as written)', () => {
    expect(csvField('+49 40 123')).toBe('+49 40 123');
    expect(toCsv([['phone'], ['+49 40 123'], ['=1+2']])).toBe('phone\r\n+49 40 123\r\n=1+2\r\n');
  });
});

describe('the CSV exports', () => {
  test('a link whose note and locator look like formulas is written neutralised', () => {
    const links = kg.dataset.links.map((l, i) => (i === 0 ? { ...l, note: '=1+2', locator: '@A1' } : l));
    const rows = read([...writeLinksCsv({ ...kg.dataset, links })].join(''));
    expect(Object.keys(rows[0]!)).toEqual([...LINK_COLUMNS]);
    expect(rows[0]).toMatchObject({ note: "'=1+2", locator: "'@A1", id: links[0]!.id });
    expect(rows.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r['note']!) && !/^[=+\-@\t\r]/.test(r['heading'] ?? ''))).toBe(true);
  });

  test('a provision heading that looks like a formula is written neutralised', () => {
    const provisions = kg.dataset.provisions.map((p, i) => (i === 1 ? { ...p, heading: '-cmd' } : p));
    const rows = read([...writeProvisionsCsv({ ...kg.dataset, provisions })].join(''));
    expect(rows[1]!['heading']).toBe("'-cmd");
    expect(rows[0]!['heading']).toBe(kg.dataset.provisions[0]!.heading ?? '');
  });
});
