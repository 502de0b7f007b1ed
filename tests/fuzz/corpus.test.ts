/**
 * Fuzzing the corpus readers: whatever the bytes, JSON Lines and CSV corpora are read or refused with the typed
 * error (`corpus_invalid`), every problem with a line ≥ 1 and a known code; with `keepGood` they always return.
 * The reader's hand-written record check agrees with the zod schema on good records and on records broken at random.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { loadCore } from '../../src/core.js';
import { fastCheck } from '../../src/corpus/check.js';
import { CORPUS_CSV_FILES, readCorpusCsv } from '../../src/corpus/csv.js';
import { generateCorpus } from '../../src/corpus/generate.js';
import { isCalendarDate, readCorpusLines } from '../../src/corpus/read.js';
import { CorpusLine } from '../../src/corpus/records.js';
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

/** Good records of every type, with every optional field, and the generator's own records. */
const GOOD: readonly Record<string, unknown>[] = [
  { type: 'corpus', id: 'example-1', title: 'Example corpus', synthetic: true, note: 'A note.' },
  { type: 'source', id: 'SHERLOC-db', title: 'SHERLOC', url: 'https://sherloc.unodc.org/cld/en/v3/sherloc/' },
  { type: 'legislation', id: 'it-tui', state: 'IT', title: 'Testo unico', officialId: 'D.Lgs. 286/1998', date: '1998-07-25', url: 'https://example.org/tui', languages: ['it', 'en-GB'], abbreviations: ['TUI'], crimeTypes: ['Smuggling of migrants'], note: 'n' },
  { type: 'section', legislation: 'it-tui', number: '12', parent: '3', heading: { en: 'Provisions', it: 'Disposizioni' }, text: 'Whoever …', implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'source', source: 'sherloc', locator: 'p. 3', note: 'n' }] },
  { type: 'case', id: 'ITAx041', state: 'ITA', title: 'A case', court: 'Court', decisionDate: '2014-02-28', crimeTypes: ['x'], legalSystem: 'Civil law', factSummary: { en: 'Facts.' }, charges: [{ section: 'it-tui#12', charge: 'c', verdict: 'v', sentence: 's' }, {}], sources: ['s'], crossCuttingIssues: ['i'], url: 'http://example.org/c', applies: [{ section: 'it-tui#12', basis: 'curated', note: 'why' }, { provision: 'art. 6', basis: 'text' }], note: 'n' },
  ...[...generateCorpus({ laws: 2, cases: 3, seed: 5 })].map((line) => JSON.parse(line) as Record<string, unknown>),
];

/** Values that test each check's edges: spaces zod trims, empty and long texts, other JSON types, odd URLs and keys. */
const ODD = fc.oneof(
  fc.constantFrom('', ' ', 'x', ' x', 'x ', '\u00a0x', 'x\u3000', '\ufeffx', 'x\u180e', '\u2028', 'a\tb', 'IT', '2014-02-30', '12345678901', 'source', 'text', 'curated', 'it', 'en-GB', 'EN', 'example-1', 'Ex_1'),
  fc.constantFrom('https://example.org/a', 'https://example.org/ a', ' https://example.org/a', 'https://exa\tmple.org/', 'not a url', 'mailto:x@example.org', 'http://[::1]/', 'HTTP://EXAMPLE.ORG'),
  fc.string({ maxLength: 8 }),
  fc.string({ minLength: 35, maxLength: 45 }),
  fc.constantFrom(null, true, false, 0, 1.5, [], {}, ['x'], [1], { en: 'x' }, { EN: 'x' }, { en: ' x' }, { __proto__: 'x' }),
);

type Mutation = { readonly at: 'top' | 'item'; readonly key: string; readonly value: unknown; readonly remove: boolean };
const KEYS = ['type', 'id', 'title', 'state', 'url', 'date', 'languages', 'abbreviations', 'synthetic', 'note', 'legislation', 'number', 'parent', 'heading', 'text', 'implements', 'applies', 'charges', 'provision', 'section', 'basis', 'source', 'locator', 'charge', 'verdict', 'decisionDate', 'factSummary', 'extra', '__proto__', 'en'];
const mutation = fc.record({ at: fc.constantFrom('top' as const, 'item' as const), key: fc.constantFrom(...KEYS), value: ODD, remove: fc.boolean() });

/** A copy of `record` with each mutation applied at the top or in the first item of one of its lists. */
function mutate(record: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(record);
  for (const m of mutations) {
    const list = ['implements', 'applies', 'charges', 'heading', 'factSummary'].map((k) => copy[k]).find((v) => typeof v === 'object' && v !== null);
    const item = Array.isArray(list) ? list[0] : list;
    const target = (m.at === 'item' && typeof item === 'object' && item !== null ? item : copy) as Record<string, unknown>;
    if (m.remove) delete target[m.key];
    else Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

test('fastCheck accepts exactly the records zod accepts unchanged', () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.constantFrom(...GOOD), fc.array(mutation, { maxLength: 3 }), (record, mutations) => {
      const value = JSON.parse(JSON.stringify(mutate(record, mutations))) as unknown;
      const parsed = CorpusLine.safeParse(value);
      const unchanged = parsed.success && isDeepStrictEqual(parsed.data, value);
      expect(fastCheck(value) !== undefined).toBe(unchanged);
      if (unchanged) accepted++;
    }),
    { seed: 42, numRuns: 3_000 },
  );
  // Both sides of the property were exercised.
  expect(accepted).toBeGreaterThan(300);
  expect(accepted).toBeLessThan(2_700);
});

test('fastCheck accepts every record of a generated corpus, as zod does', () => {
  for (const record of GOOD) {
    expect(CorpusLine.safeParse(record).success).toBe(true);
    expect(fastCheck(record)).toBe(record);
  }
});

/** The calendar check as it was first written (a regular expression and a table per call): the reference. */
function calendarDateByRegex(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}

test('isCalendarDate agrees with the regular expression it replaced, on dates and near-dates', () => {
  const digit = fc.constantFrom(...'0123456789');
  const part = (n: number) => fc.array(fc.oneof(digit, digit, digit, fc.constantFrom('-', '/', ' ', '\n', 'a', '٣', '０')), { minLength: n - 1, maxLength: n + 1 }).map((cs) => cs.join(''));
  const nearDate = fc.tuple(part(4), fc.constantFrom('-', '-', '-', '/'), part(2), fc.constantFrom('-', '-', '-', '.'), part(2)).map((xs) => xs.join(''));
  const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  fc.assert(
    fc.property(fc.oneof(date, nearDate, fc.string({ maxLength: 12 })), (value) => {
      expect(isCalendarDate(value)).toBe(calendarDateByRegex(value));
    }),
    { seed: 42, numRuns: 5_000 },
  );
});

test('fastCheck takes a web address exactly when zod takes it unchanged (plain http(s) ones without zod)', () => {
  const tail = fc.array(fc.oneof(fc.constantFrom(...'abcXYZ019.-_~/?#[]@!$&\'()*+,;=%:'), fc.constantFrom(' ', '\t', '\n', '\\', '^', '`', '{', '|', '}', '"', '<', '>', 'é', '\u00a0', '\u0000')), { maxLength: 24 }).map((cs) => cs.join(''));
  let accepted = 0;
  const head = fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:/', 'https:', 'ftp://', 'mailto:', ' https://', 'https://example.org', 'http://[::1', 'http://999.1.1.1', '');
  fc.assert(
    fc.property(head, tail, (h, t) => {
      const record = { type: 'source', id: 'src', title: 'A source', url: h + t };
      const parsed = CorpusLine.safeParse(record);
      const unchanged = parsed.success && isDeepStrictEqual(parsed.data, record);
      expect(fastCheck(record) !== undefined).toBe(unchanged);
      if (unchanged) accepted++;
    }),
    { seed: 42, numRuns: 3_000 },
  );
  expect(accepted).toBeGreaterThan(300);
  expect(accepted).toBeLessThan(2_700);
});
