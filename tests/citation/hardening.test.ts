/**
 * Hostile and malformed citations (issue 11): numbers beyond the bound, chained ranges, malformed eIds and lists that
 * end in a bad item give typed errors or the good part, through every door a citation comes in by (parseCitation,
 * resolveCitation, findCitations, the `cite` command, data files, directory cells). Each case failed before its fix.
 */
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/bundled.js';
import { findCitations } from '../../src/citation/find.js';
import { parseCitation } from '../../src/citation/parse.js';
import { MAX_LIST_ITEMS } from '../../src/citation/reader.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore } from '../../src/core.js';
import { importDirectory } from '../../src/directory/import.js';
import { isDataValidationError, isDirectoryImportError, isUntocKgError, shorten, UntocKgError } from '../../src/errors.js';
import { buildDataset } from '../../src/load/build.js';
import { MAX_NUMBER, digitsValue, numberOrder } from '../../src/model/numbers.js';
import { closest } from '../../src/util/closest.js';
import { runCli } from '../helpers/io.js';

const kg = loadCore();

/** The error a call throws (fails the test when it returns). */
function errorOf(call: () => unknown): UntocKgError {
  try {
    call();
  } catch (error) {
    if (isUntocKgError(error)) return error;
    throw error;
  }
  expect.fail('the call returned, but it should have failed');
}

const BEYOND = [
  ['chapter 100000000000', 8],
  ['chapter 0', 8],
  ['art. 10000', 5],
  ['art. 100000000000', 5],
  ['art. 1000000000000000000000', 5],
  ['art. 0', 5],
  ['art. 5(100000000000)', 6],
  ['art. 5(1000000000000000000000)', 6],
  ['art. 5.100000000000', 7],
  ['art. 5 para. 100000000000', 13],
  ['art. 5 para. 0', 13],
  ['paragraph 99999999999 of article 5', 10],
  ['art. 1 of article 99999999999', 18],
  ['arts. 5, 6 and 100000000000', 15],
] as const;

describe('numbers beyond the bound are syntax errors naming it', () => {
  test.each(BEYOND)('%s', (input, offset) => {
    const error = errorOf(() => parseCitation(input));
    expect(error).toMatchObject({ code: 'syntax', offset });
    expect(error.expected).toContain(String(MAX_NUMBER));
    expect(error.message).not.toMatch(/e\+|Infinity/);
  });

  test.each(BEYOND)('resolveCitation %s', (input) => {
    expect(errorOf(() => resolveCitation(kg, input)).code).toBe('syntax');
  });

  test('a number of a million digits fails at once, with a short message', () => {
    const input = `chapter ${'1'.repeat(1_000_000)}`;
    const error = errorOf(() => parseCitation(input));
    expect(error.code).toBe('syntax');
    expect(error.message.length).toBeLessThan(400);
    expect(error.value).toBe(input);
  });

  test('eIds with numbers out of bounds, and chp_a, are syntax errors like other malformed eIds', () => {
    for (const eid of ['chp_a', 'chp_0', 'art_0', 'art_100000000000', 'art_5__para_0', 'art_5__para_99999', `art_5__point_${'a'.repeat(100)}`]) {
      expect(errorOf(() => parseCitation(eid)).code, eid).toBe('syntax');
    }
  });

  test('articles from 1000 up to the bound parse as themselves, not as art. 999', () => {
    for (const n of ['1000', '1234 bis', '9999']) {
      const citation = parseCitation(`art. ${n}`);
      expect(citation).toMatchObject({ kind: 'article', path: [{ element: 'art', num: n }] });
    }
    expect(numberOrder('1000', false)[0]).toBeGreaterThan(numberOrder('999', false)[0]);
    const error = errorOf(() => resolveCitation(kg, 'art. 1000'));
    expect(error.code).toBe('unknown_provision');
    expect(error.message).toContain('article 1000');
  });

  test('digitsValue reads leading zeros and refuses zero and the unbounded', () => {
    expect([digitsValue('01'), digitsValue('9999'), digitsValue('0'), digitsValue('00'), digitsValue('10000'), digitsValue('1'.repeat(100))]).toEqual([
      1, 9999, undefined, undefined, undefined, undefined,
    ]);
  });
});

describe('the other doors a citation comes in by', () => {
  test('findCitations skips an out-of-bound citation and keeps the others', () => {
    for (const text of ['see chapter 100000000000 and art. 5', 'see art. 100000000000000000000000 and art. 5', 'see art. 0; art. 5']) {
      expect(findCitations(text).map((f) => f.text)).toEqual(['art. 5']);
    }
  });

  test('the cite command reports a usage error (exit 2) naming the bound', async () => {
    const result = await runCli('cite', 'art. 100000000000');
    expect(result.code).toBe(2);
    expect(result.err).toContain(String(MAX_NUMBER));
  });

  test('a data file (validate) reports invalid_citation', () => {
    const tool = {
      type: 'tool',
      id: 'test-guide',
      kind: 'legislative-guide',
      title: 'Test Guide',
      structure: { completeness: 'complete' },
      sources: ['seed'],
      parts: [{ path: 'chp_1', label: 'Chapter 1', sources: ['seed'] }],
      links: [{ part: 'chp_1', addresses: ['UNTOC art. 100000000000'], basis: 'curated', source: 'seed', note: 'test' }],
    };
    try {
      buildDataset([{ file: 't.yaml', data: tool }], { base: bundledDataset() });
      expect.fail('the file loaded');
    } catch (error) {
      if (!isDataValidationError(error)) throw error;
      expect(error.issues).toEqual([expect.objectContaining({ code: 'invalid_citation', path: ['links', 0, 'addresses', 0] })]);
    }
  });

  test('a directory cell reports invalid_citation on its row', () => {
    const csv = 'name,state,categories,provisions\nExample Authority (example data),DE,smuggling-of-migrants-by-sea,SOM Protocol art. 8(100000000000)\n';
    try {
      importDirectory(csv, { asOf: '2000-01-01' });
      expect.fail('the file loaded');
    } catch (error) {
      if (!isDirectoryImportError(error)) throw error;
      expect(error.errors).toEqual([expect.objectContaining({ row: 2, column: 'provisions', code: 'invalid_citation' })]);
    }
  });
});

describe('input of the wrong type', () => {
  test('a context or a text that is not one is invalid_input, never a TypeError', () => {
    const parse = parseCitation as (text: unknown, context?: unknown) => unknown;
    const find = findCitations as (text: unknown, context?: unknown) => unknown;
    for (const call of [() => parse('art. 5', null), () => parse('art. 5', 'untoc'), () => parse(null), () => find(5), () => find('art. 5', null), () => parse('art. 5', { instrument: 'Not An Id' })]) {
      expect(errorOf(call).code).toBe('invalid_input');
    }
  });
});

describe('a range has two ends', () => {
  test.each([
    ['chapters I-II-III', 13],
    ['arts. 5–7–9', 9],
    ['arts. 5 to 7 to 9', 13],
    ['art. 27 para. 1(a)–(c)–(f)', 22],
  ])('%s', (input, offset) => {
    expect(errorOf(() => parseCitation(input))).toMatchObject({ code: 'syntax', offset });
  });

  test('a list of ranges is still fine', () => {
    expect(parseCitation('arts. 5–7 and 9–11')).toMatchObject({ kind: 'list', items: [{ kind: 'range' }, { kind: 'range' }] });
  });
});

describe('findCitations keeps the good citations of a list that ends in a bad item', () => {
  test('art. 5 and art. 27(1)(a)(1)', () => {
    const text = 'art. 5 and art. 27(1)(a)(1)';
    const found = findCitations(text);
    expect(found.map((f) => f.text)).toEqual(['art. 5']);
    for (const f of found) expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
  });

  test('a long list with a bad tail is one citation of its good items', () => {
    const text = `${'art. 1, '.repeat(200)}art. 1(a)(1)`;
    const found = findCitations(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.citation).toMatchObject({ kind: 'list' });
    expect(found[0]!.citation.kind === 'list' && found[0]!.citation.items).toHaveLength(200);
  });

  test('a list holds at most MAX_LIST_ITEMS citations; running text gets them in blocks of that many', () => {
    const list = (n: number) => `arts. ${Array.from({ length: n }, (_, i) => (i % 41) + 1).join(', ')}`;
    expect(parseCitation(list(MAX_LIST_ITEMS))).toMatchObject({ kind: 'list' });
    expect(errorOf(() => parseCitation(list(MAX_LIST_ITEMS + 1))).code).toBe('syntax');
    const text = 'art. 1, '.repeat(MAX_LIST_ITEMS * 2).slice(0, -2);
    const found = findCitations(text);
    expect(found.map((f) => f.citation.kind === 'list' && f.citation.items.length)).toEqual([MAX_LIST_ITEMS, MAX_LIST_ITEMS]);
  });

  test('a chained range in running text keeps what comes before it', () => {
    expect(findCitations('arts. 2, 5–7–9 of the Convention').map((f) => f.text)).toEqual(['arts. 2']);
  });

  test('a second instrument ends the citation in running text (and is found by itself), and is an error alone', () => {
    expect(findCitations('see art. 5 of UNTOC of the Firearms Protocol').map((f) => f.text)).toEqual(['art. 5 of UNTOC', 'the Firearms Protocol']);
    expect(errorOf(() => parseCitation('art. 5 of UNTOC of the Firearms Protocol')).code).toBe('syntax');
  });
});

describe('error messages echo a shortened value; the error keeps it whole', () => {
  test('shorten', () => {
    expect(shorten('abc')).toBe('abc');
    expect(shorten('x'.repeat(100))).toBe(`${'x'.repeat(80)}…`);
  });

  test.each([
    ['parseCitation', () => parseCitation(`art. 5 ${'x'.repeat(100_000)}`)],
    ['resolveCitation', () => resolveCitation(kg, `article 5 of the ${'Xy '.repeat(30_000)}`)],
    ['an eId', () => parseCitation(`art_${'x-'.repeat(50_000)}__`)],
  ])('%s', (_, call) => {
    const error = errorOf(call);
    expect(error.message.length).toBeLessThan(600);
    expect(typeof error.value === 'string' && error.value.length).toBeGreaterThan(50_000);
  });
});

describe('suggestions for a very long value', () => {
  test('a name of 100,000 characters gets no suggestion, and normal names keep theirs', () => {
    const states = ['Germany', 'France', 'Italy', 'Greece', 'Spain'];
    expect(closest('x'.repeat(100_000), states)).toEqual([]);
    expect(closest('Germani', states)).toEqual(['Germany']);
    expect(closest('Ital', states)).toEqual(['Italy']);
    expect(closest('Gree', states, 3, 5)).toEqual(['Greece', 'France', 'Germany']);
  });
});
