/**
 * Importing directory files (importDirectory): a good file, and files with each kind of problem a real export has,
 * every one reported with its row, column and code, and nothing half imported. The files are written the way
 * spreadsheets write them (a header row, quoted fields, a BOM and CRLF from Excel). The data is example data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/bundled.js';
import { loadCore } from '../../src/core.js';
import { generateDirectory, generateDirectoryEntries } from '../../src/directory/generate.js';
import { importDirectory } from '../../src/directory/import.js';
import { directorySchemaText, DIRECTORY_SCHEMA_PATH } from '../../build/directory-schema.js';
import { isDirectoryImportError, type RowError } from '../../src/errors.js';
import { buildDataset } from '../../src/load/build.js';
import { authorities } from '../../src/query/authorities.js';
import { ROOT } from '../helpers/paths.js';

const HEADER = 'name,state,categories,provisions,city,email,urgentViaInterpol,notes';
const GOOD = [
  'Example Maritime Authority (example data),DE,smuggling-of-migrants-by-sea,SOM Protocol art. 8(6),Example City,maritime@example.org,yes,Example data',
  '"Example Central Authority, Mutual Legal Assistance (example data)",FRA,mutual-legal-assistance,UNTOC art. 18(13); UNTOC art. 18(14),Example City,mla@example.org,no,"Example data, with ""quotes"""',
  'Example Drug Interdiction Office (example data),it,illicit-traffic-by-sea,,,,,Example data',
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const AS_OF = { asOf: '2000-01-01' };

/** The row errors of a file that must fail (fails the test if it loads). */
function errorsOf(text: string, options = {}): RowError[] {
  try {
    importDirectory(text, { ...AS_OF, ...options });
  } catch (error) {
    if (isDirectoryImportError(error)) return [...error.errors];
    throw error;
  }
  expect.fail('the file was imported, but it is broken');
}

describe('a good file', () => {
  const result = importDirectory(csv(...GOOD), { file: 'good.csv', ...AS_OF });

  test('every row becomes an authority of a snapshot dated as given, on top of the curated graph', () => {
    expect(result.errors).toEqual([]);
    expect(result.rows).toBe(3);
    expect(result.authorities.map((a) => [a.state, a.name])).toEqual([
      ['DE', 'Example Maritime Authority (example data)'],
      ['FR', 'Example Central Authority, Mutual Legal Assistance (example data)'],
      ['IT', 'Example Drug Interdiction Office (example data)'],
    ]);
    expect(result.snapshot).toMatchObject({ id: '2000-01-01', asOf: '2000-01-01', iri: 'https://w3id.org/untoc-kg/graph/directory/2000-01-01' });
    expect(result.dataset.authorities.length).toBe(bundledDataset().authorities.length + 3);
  });

  test('ids are cna/{alpha-3}/{slug of the name, at most 60 characters}; quoted commas and quotes survive; lists split on ";"', () => {
    const [, mla, drugs] = result.authorities;
    // The slug is cut at a hyphen to at most 60 characters.
    expect(mla!.id).toBe('https://w3id.org/untoc-kg/cna/fra/example-central-authority-mutual-legal-assistance-example');
    expect(mla!.notes).toBe('Example data, with "quotes"');
    expect(mla!.designatedUnder.map((p) => p.split('/').slice(-2).join('/'))).toEqual(['art_18/para_13', 'art_18/para_14']);
    expect(mla!.urgentViaInterpol).toBe(false);
    expect(drugs!.id).toBe('https://w3id.org/untoc-kg/cna/ita/example-drug-interdiction-office-example-data');
  });

  test('a category with one confirmed designation clause gives the provision, flagged as inferred', () => {
    const drugs = result.authorities[2]!;
    expect(drugs.designationInferred).toBe(true);
    expect(drugs.designatedUnder).toEqual([expect.stringMatching(/\/convention\/1988\/drugs\/art_17\/para_7$/)]);
  });

  test('the imported authorities answer queries', () => {
    const kg = loadCore(result.dataset);
    // The curated BSH (DE) and Latvia's two ministries (LV), with the imported German authority.
    expect(authorities(kg, { provision: 'SOM art. 8(6)' }).authorities.map((a) => a.state.alpha2)).toEqual(['DE', 'DE', 'LV', 'LV']);
  });

  test('the snapshot comes back as a data file that validates and loads again', () => {
    const again = buildDataset([{ file: 'snapshot.json', data: JSON.parse(JSON.stringify(result.data)) }], { base: bundledDataset() });
    expect(again.authorities.filter((a) => a.snapshot === '2000-01-01')).toEqual(result.authorities);
  });
});

describe('each problem is reported with its row and column, and nothing is imported', () => {
  test.each<{ problem: string; text: string; expected: Partial<RowError>; message?: RegExp; suggests?: string }>([
    {
      problem: 'a bad ISO code, with the nearest codes',
      text: csv(GOOD[0]!, GOOD[1]!.replace(',FRA,', ',FRX,')),
      expected: { row: 3, column: 'state', code: 'invalid_state' },
      suggests: 'FRA',
    },
    { problem: 'a missing name', text: csv(GOOD[0]!, ',DE,smuggling-of-migrants-by-sea,,,,,'), expected: { row: 3, line: 3, column: 'name', code: 'missing_value' } },
    {
      problem: 'an unknown category, with the nearest',
      text: csv(GOOD[0]!.replace('smuggling-of-migrants-by-sea', 'smugling-by-sea')),
      expected: { row: 2, column: 'categories', code: 'unknown_category', suggestions: ['smuggling-of-migrants-by-sea'] },
    },
    {
      problem: 'a citation of a provision that does not exist, with what does',
      text: csv(GOOD[0]!.replace('SOM Protocol art. 8(6)', 'SOM Protocol art. 8(9)')),
      expected: { row: 2, column: 'provisions', code: 'unknown_provision' },
      message: /paragraphs 1–7/,
      suggests: 'SOM Protocol art. 8(7)',
    },
    {
      problem: 'a row with stray columns (an unquoted comma)',
      text: csv(GOOD[0]!, 'Ministry of Example, Central Authority (example data),DE,mutual-legal-assistance,UNTOC art. 18(13),,,,'),
      expected: { row: 3, code: 'extra_fields', column: '#9' },
      message: /9 fields, the header 8/,
    },
    { problem: 'a row with too few fields', text: csv('Example Authority (example data),DE'), expected: { row: 2, code: 'missing_fields', column: 'categories' } },
    {
      problem: 'an unknown column in the header, with the nearest column (a problem with the whole file)',
      text: csv(GOOD[0]!).replace('email', 'emial'),
      expected: { row: 1, column: 'emial', code: 'unknown_column', suggestions: ['email'] },
    },
    {
      problem: 'a duplicate authority, naming the row it repeats',
      text: csv(GOOD[0]!, GOOD[1]!, GOOD[0]!),
      expected: { row: 4, code: 'duplicate_authority' },
      message: /repeats row 2/,
    },
    {
      problem: 'a conflicting record for the same authority, naming the row and the fields that differ',
      text: csv(GOOD[0]!, GOOD[0]!.replace('maritime@example.org', 'other@example.org')),
      expected: { row: 3, code: 'conflicting_authority', column: 'email' },
      message: /as row 2, but with a different email/,
    },
    {
      problem: 'a quote inside an unquoted field',
      text: csv('Ministry of "Example" (example data),DE,prevention,,,,,'),
      expected: { row: 2, code: 'invalid_quote', column: 'name' },
    },
  ])('$problem', ({ text, expected, message, suggests }) => {
    const errors = errorsOf(text);
    expect(errors).toEqual([expect.objectContaining(expected)]);
    if (message) expect(errors[0]!.message).toMatch(message);
    if (suggests) expect(errors[0]!.suggestions).toContain(suggests);
  });

  test('a State name, a user-assigned code and a reserved code are each explained', () => {
    const errors = errorsOf(csv(GOOD[0]!.replace(',DE,', ',Germany,'), GOOD[0]!.replace(',DE,', ',XK,'), GOOD[0]!.replace(',DE,', ',EU,')));
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'invalid_state'],
      [3, 'invalid_state'],
      [4, 'invalid_state'],
    ]);
    expect(errors[0]!.message).toMatch(/give its ISO 3166-1 code: DE/);
    expect(errors[1]!.message).toMatch(/user-assigned/);
    expect(errors[2]!.message).toMatch(/reserved/);
  });

  test('a documented alias and a label are accepted as categories', () => {
    const result = importDirectory(csv(GOOD[0]!.replace('smuggling-of-migrants-by-sea', 'smuggling-by-sea'), GOOD[1]!.replace('mutual-legal-assistance', 'MLA')), AS_OF);
    expect(result.authorities.map((a) => a.categories)).toEqual([['smuggling-of-migrants-by-sea'], ['mutual-legal-assistance']]);
  });

  test('a citation that does not parse, and a whole instrument instead of a provision', () => {
    const errors = errorsOf(csv(GOOD[0]!.replace('SOM Protocol art. 8(6)', 'art. 8 para.'), GOOD[0]!.replace('SOM Protocol art. 8(6)', 'SOM Protocol')));
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'provisions', 'invalid_citation'],
      [3, 'provisions', 'invalid_value'],
    ]);
  });

  test('a header without the required columns', () => {
    expect(errorsOf('name,city\nX (example data),Example City\n').map((e) => [e.code, e.column])).toEqual([
      ['missing_column', 'state'],
      ['missing_column', 'categories'],
    ]);
  });

  test('bad values: an e-mail, a yes/no, a date', () => {
    const text = ['name,state,categories,email,urgentViaInterpol,updated', 'A (example data),DE,prevention,not-an-email,,', 'B (example data),DE,prevention,,perhaps,', 'C (example data),DE,prevention,,,2000-13-01'].join('\r\n');
    expect(errorsOf(text).map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'email', 'invalid_value'],
      [3, 'urgentViaInterpol', 'invalid_value'],
      [4, 'updated', 'invalid_value'],
    ]);
  });

  test('every bad row is reported at once, in row order, whatever kind of problem it has', () => {
    const errors = errorsOf(
      csv(GOOD[0]!, GOOD[1]!.replace(',FRA,', ',FRX,'), ',DE,prevention,,,,,', GOOD[2]!.replace('illicit-traffic-by-sea', 'drugs'), GOOD[0]!),
    );
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'invalid_state'],
      [4, 'missing_value'],
      [5, 'unknown_category'],
      [6, 'duplicate_authority'],
    ]);
  });

  test('the error is typed, says nothing was imported, and the curated graph is unchanged', () => {
    const before = bundledDataset().authorities.length;
    const error = (() => {
      try {
        importDirectory(csv(GOOD[0]!, GOOD[0]!), AS_OF);
      } catch (e) {
        return e;
      }
    })();
    expect(isDirectoryImportError(error)).toBe(true);
    expect((error as Error).message).toMatch(/nothing was imported/);
    expect(bundledDataset().authorities.length).toBe(before);
  });
});

describe('files as spreadsheets write them', () => {
  test('a BOM and Windows line ends (Excel "CSV UTF-8"), as bytes', () => {
    const text = '\uFEFF' + csv(...GOOD).replaceAll('\n', '\r\n');
    const result = importDirectory(new TextEncoder().encode(text), { file: 'excel.csv', ...AS_OF });
    expect(result.authorities.map((a) => a.name)).toEqual([
      'Example Maritime Authority (example data)',
      'Example Central Authority, Mutual Legal Assistance (example data)',
      'Example Drug Interdiction Office (example data)',
    ]);
    expect(result.authorities[0]!.notes).toBe('Example data');
  });

  test('an address with a line break inside quotes; errors after it name both the row and the line', () => {
    const text = ['name,state,categories,address', '"A (example data)",DE,prevention,"1 Example Street', 'Example City"', 'B (example data),ZZ,prevention,'].join('\r\n');
    expect(errorsOf(text)).toEqual([expect.objectContaining({ row: 3, line: 4, column: 'state', code: 'invalid_state' })]);
  });

  test('header names are read loosely: case, spaces and a few aliases', () => {
    const result = importDirectory('Name,State,Category,E-mail,Time zone\nA (example data),DE,prevention,a@example.org,Europe/Berlin\n', AS_OF);
    expect(result.authorities[0]).toMatchObject({ email: 'a@example.org', timeZone: 'Europe/Berlin', categories: ['prevention'] });
  });

  test('bytes that are not UTF-8', () => {
    const error = (() => {
      try {
        importDirectory(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]), AS_OF);
      } catch (e) {
        return e;
      }
    })();
    expect(isDirectoryImportError(error) && error.errors[0]!.code).toBe('invalid_encoding');
  });
});

describe('keepGoodRows', () => {
  test('imports the good rows and returns the bad ones', () => {
    const result = importDirectory(csv(GOOD[0]!, GOOD[1]!.replace(',FRA,', ',FRX,'), GOOD[2]!, GOOD[0]!), { ...AS_OF, keepGoodRows: true });
    expect(result.authorities.map((a) => a.state)).toEqual(['DE', 'IT']);
    expect(result.rows).toBe(4);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'invalid_state'],
      [5, 'duplicate_authority'],
    ]);
    expect(result.data.authorities).toHaveLength(2);
  });

  test('still fails on a problem with the whole file', () => {
    expect(errorsOf(csv(GOOD[0]!).replace('email', 'emial'), { keepGoodRows: true })[0]!.code).toBe('unknown_column');
  });
});

describe('JSON', () => {
  const doc = {
    type: 'directory',
    asOf: '2000-01-01',
    example: true,
    authorities: [
      { name: 'Example Authority (example data)', state: 'DE', categories: ['prevention'] },
      { name: 'Other Example Authority (example data)', state: 'DE', categories: ['prevention'], fax: '+00 1' },
    ],
  };

  test('a type: directory document; an unknown field is reported as its column, by position', () => {
    expect(errorsOf(JSON.stringify(doc))).toEqual([expect.objectContaining({ row: 2, column: 'fax', code: 'unknown_column' })]);
  });

  test('every unknown field of an entry is its own error, with the nearest column', () => {
    const two = { ...doc, authorities: [{ ...doc.authorities[0]!, fax: '+00 1', emial: 'x@example.org' }] };
    expect(errorsOf(JSON.stringify(two))).toEqual([
      expect.objectContaining({ row: 1, column: 'fax', code: 'unknown_column' }),
      expect.objectContaining({ row: 1, column: 'emial', code: 'unknown_column', suggestions: ['email'] }),
    ]);
  });

  test('a bare array of entries, and the example flag of the file', () => {
    const good = { ...doc, authorities: doc.authorities.slice(0, 1) };
    expect(importDirectory(JSON.stringify(good)).snapshot).toMatchObject({ id: '2000-01-01', example: true });
    expect(importDirectory(JSON.stringify(good.authorities), AS_OF).authorities).toHaveLength(1);
  });

  test('text that is not JSON', () => {
    expect(errorsOf('{ "authorities": [', { format: 'json' })[0]!.code).toBe('invalid_json');
  });

  test('a snapshot id that is already loaded is a problem with the whole file', () => {
    const first = importDirectory(csv(GOOD[0]!), AS_OF);
    expect(errorsOf(csv(GOOD[1]!), { base: first.dataset })).toEqual([expect.objectContaining({ code: 'duplicate_id' })]);
  });
});

describe('the shipped example files and schema', () => {
  test('both example files import and say they are example data in their content', () => {
    const csvText = readFileSync(join(ROOT, 'data', 'examples', 'example-directory.csv'), 'utf8');
    const json = readFileSync(join(ROOT, 'data', 'examples', 'example-directory.json'), 'utf8');
    const fromCsv = importDirectory(csvText, AS_OF).authorities;
    const fromJson = importDirectory(json);
    expect(fromCsv).toHaveLength(5);
    expect(fromJson.snapshot.example).toBe(true);
    for (const a of [...fromCsv, ...fromJson.authorities]) {
      expect(a.name).toMatch(/\(example data\)$/);
      if (a.email) expect(a.email).toMatch(/@example\.org$/);
      if (a.phone) expect(a.phone).toMatch(/^\+00 /);
    }
  });

  test('data/schema/directory.schema.json is the one the zod schema generates (run npm run schema)', () => {
    expect(readFileSync(join(ROOT, DIRECTORY_SCHEMA_PATH), 'utf8')).toBe(directorySchemaText());
  });
});

describe('the generator', () => {
  test('is deterministic for a seed and differs across seeds', () => {
    expect(generateDirectory({ authorities: 20, seed: 3 })).toBe(generateDirectory({ authorities: 20, seed: 3 }));
    expect(generateDirectory({ authorities: 20, seed: 3 })).not.toBe(generateDirectory({ authorities: 20, seed: 4 }));
  });

  test('writes plainly synthetic entries that import without a problem, as CSV and as JSON', () => {
    const fromCsv = importDirectory(generateDirectory({ authorities: 300, seed: 11 }), AS_OF);
    const fromJson = importDirectory(generateDirectory({ authorities: 300, seed: 11, format: 'json' }));
    expect(fromCsv.authorities).toHaveLength(300);
    expect(fromJson.snapshot.example).toBe(true);
    expect(fromJson.authorities.map((a) => a.id)).toEqual(fromCsv.authorities.map((a) => a.id));
    for (const e of generateDirectoryEntries({ authorities: 50 })) {
      expect(e.name).toMatch(/\(synthetic data\)$/);
      expect(e.email).toMatch(/@example\.org$/);
      expect(e.phone).toMatch(/^\+00 /);
    }
  });
});
