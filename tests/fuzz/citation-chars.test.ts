/**
 * Property tests (seeded, bounded) of the char-code checks that stand in for regexes on the citation path: an eId
 * number (`isEidNum`, which `mintEid` and `parseEid` use) is exactly what `/^[0-9a-z]+(?:-[0-9a-z]+)*$/` accepts,
 * `mintEid` writes what its template wrote, `plainDashes` is `text.replace(DASHES, '-')` on the scanner's inputs
 * (ASCII and typographic dashes), and the name matcher's gap between words (`nextWord`) is where its GAP regex ends.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DASHES, plainDashes, WORD_CHAR } from '../../src/citation/chars.js';
import { nextWord } from '../../src/citation/names.js';
import { mintEid, parseEid } from '../../src/model/ids.js';
import { isEidNum } from '../../src/model/numbers.js';

const RUNS = { seed: 42, numRuns: 3000 };
const NUM = /^[0-9a-z]+(?:-[0-9a-z]+)*$/;

/** Strings over the characters that decide: digits, letters of both cases, hyphens, dots, spaces, underscores. */
const numLike = fc.string({ unit: fc.constantFrom(...'09az-AZ._ é'), maxLength: 8 });

describe('isEidNum', () => {
  test.each(['27', 'e', 'ii', '2bis', '5-a', '1-2-3'])('accepts %s', (value) => {
    expect(isEidNum(value)).toBe(true);
  });
  test.each(['', '-', '5-', '-5', '5--a', '5.A', 'E', '5 a', '5_a', 'é'])('refuses "%s"', (value) => {
    expect(isEidNum(value)).toBe(false);
  });
  test('accepts exactly what the regex accepts', () => {
    fc.assert(fc.property(numLike, (value) => isEidNum(value) === NUM.test(value)), RUNS);
  });
  test('mintEid refuses what it refused before, and parseEid reads back what mintEid writes', () => {
    fc.assert(
      fc.property(numLike, numLike, (a, b) => {
        const segments = [{ element: 'art', num: a }, { element: 'para', num: b }] as const;
        const ok = NUM.test(a) && NUM.test(b);
        if (ok) expect(parseEid(mintEid(segments))).toEqual(segments);
        else expect(() => mintEid(segments)).toThrow(TypeError);
      }),
      RUNS,
    );
  });
});

describe('mintEid', () => {
  test('writes `element_num` joined by `__`, as its template did, for every element', () => {
    const segment = fc.record({ element: fc.constantFrom('art', 'para', 'point', 'chp'), num: fc.constantFrom('27', 'e', 'ii', '5-a', '2bis') });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        expect(mintEid(segments)).toBe(segments.map((s) => `${s.element}_${s.num}`).join('__'));
      }),
      RUNS,
    );
  });
});

describe('nextWord', () => {
  const GAP = new RegExp(`[ \\t\\n\\r]*,?[ \\t\\n\\r]+|[ \\t\\n\\r]*,(?=[${WORD_CHAR}])`, 'y');
  /** The gap as the matcher read it before: plain spaces by codes, anything with a comma by GAP. */
  const reference = (text: string, end: number): number => {
    let at = end;
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    if (text[at] !== ',') return at > end ? at : -1;
    GAP.lastIndex = end;
    return GAP.exec(text) ? GAP.lastIndex : -1;
  };
  test('ends where GAP ends', () => {
    const text = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', ',', 'a', 'Z', '1', '-', '.', '\u00e9', '\u00d7'), maxLength: 8 });
    fc.assert(
      fc.property(text, fc.nat(8), (value, at) => {
        const end = Math.min(at, value.length);
        expect(nextWord(value, end)).toBe(reference(value, end));
      }),
      RUNS,
    );
  });
});

describe('plainDashes', () => {
  test('is the dash replacement the reader does', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab 7-9()', '\u2010', '\u2013', '\u2014', '\u2015', '\u2212'), maxLength: 16 });
    fc.assert(fc.property(text, (value) => plainDashes(value) === value.replace(DASHES, '-')), RUNS);
  });
});
