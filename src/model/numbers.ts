/**
 * Printed numbers, in one place: roman numerals, the item numerals (i)…(xxxix), Latin suffixes (2 bis, 3 ter …),
 * the shape a number takes at each level, the order of numbers among their siblings, and a bound on every number.
 *
 * Every layer that reads or writes a printed number (the citation parser, the loader, the RDF import, the treaty
 * text reader, `ids.ts`) calls this module; none keeps its own copy. It imports nothing, so anything may call it.
 * Out-of-range values give `undefined`, never a huge string or an exception: callers turn that into their own typed
 * error.
 */

/**
 * The largest number any level may carry (article 9999, chapter MMMCMXCIX is beyond it). Treaties have a few hundred
 * articles at most; the bound keeps hostile input ("chapter 100000000000") from building huge strings or unsafe
 * integers.
 */
export const MAX_NUMBER = 9999;

/** The Latin suffixes of inserted articles, in order: 2 bis comes after 2, 2 ter after 2 bis. */
export const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'] as const;

/** A Latin suffix. */
export type LatinSuffix = (typeof LATIN_SUFFIXES)[number];

/** The suffixes as a regular-expression alternation (`bis|ter|…`), for parsers that embed it. */
export const LATIN_SUFFIX_PATTERN: string = LATIN_SUFFIXES.join('|');

/** The rank of a Latin suffix (bis → 1, ter → 2 …), 0 for none, `undefined` for a word that is not one. */
export function latinRank(suffix: string | undefined): number | undefined {
  if (suffix === undefined || suffix === '') return 0;
  const rank = (LATIN_SUFFIXES as readonly string[]).indexOf(suffix.toLowerCase());
  return rank < 0 ? undefined : rank + 1;
}

const ITEM_NUMERAL = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;
const ROMAN = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const ROMAN_TABLE: readonly (readonly [number, string])[] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'],
  [5, 'V'], [4, 'IV'], [1, 'I'],
];

/**
 * True for a lower-case roman numeral as items are numbered (i … xxxix). `l` and `c` are letters here: an item (c)
 * would be the hundredth, while a subparagraph (c) is the third.
 */
export function isItemNumeral(value: string): boolean {
  return ITEM_NUMERAL.test(value);
}

/** True for a well-formed roman numeral of either case (`II`, `xiv`), up to {@link MAX_NUMBER}. */
export function isRoman(value: string): boolean {
  return value.length <= 16 && ROMAN.test(value);
}

/** A roman numeral's value (II → 2, xiv → 14); `undefined` when it is not a well-formed numeral. */
export function romanToInt(roman: string): number | undefined {
  if (!isRoman(roman)) return undefined;
  const s = roman.toLowerCase();
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total <= MAX_NUMBER ? total : undefined;
}

/** A number as an upper-case roman numeral (2 → II); `undefined` outside 1…3999 or for a non-integer. */
export function intToRoman(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return undefined;
  let out = '';
  for (const [value, glyph] of ROMAN_TABLE) {
    while (n >= value) {
      out += glyph;
      n -= value;
    }
  }
  return out;
}

/** A number written in digits (`27`), between 1 and {@link MAX_NUMBER}; `undefined` otherwise (`0`, `007`, `1e3`). */
export function readArabic(value: string): number | undefined {
  if (value.length === 0 || value.length > 4 || value[0] === '0') return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(value);
}

/**
 * A run of digits as printed in a citation (`27`, `01`) → its value, between 1 and {@link MAX_NUMBER}; `undefined` for
 * zero, a value beyond the bound or anything but digits. A long run is refused by its length, never converted.
 *
 * @example
 * ```ts
 * digitsValue('01') // 1
 * digitsValue('100000000000') // undefined
 * ```
 */
export function digitsValue(digits: string): number | undefined {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  return readArabic(start === 0 ? digits : digits.slice(start));
}

/** A chapter number as printed (`II`, `ii` or `2`) → its value; `undefined` when it is neither shape or out of bounds. */
export function chapterValue(printed: string): number | undefined {
  return readArabic(printed) ?? romanToInt(printed);
}

/** The style a number takes at one level of a provision tree. */
export type NumberStyle = 'arabic' | 'letter' | 'roman' | 'article' | 'lettered-article' | 'chapter';

/** The shape of each number style, as a whole-string pattern. Articles allow every Latin suffix. */
export const NUMBER_SHAPES: Readonly<Record<NumberStyle, RegExp>> = {
  arabic: /^[1-9]\d{0,3}$/,
  letter: /^[a-z]$/,
  roman: /^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/,
  article: new RegExp(`^[1-9]\\d{0,3}(?: ?(?:${LATIN_SUFFIX_PATTERN}))?$`),
  'lettered-article': /^[1-9]\d{0,3}(?:\.[A-Z])?$/,
  chapter: /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/,
};

/** How each style is described in messages. */
export const NUMBER_STYLE_NAMES: Readonly<Record<NumberStyle, string>> = {
  arabic: 'an arabic number (1, 2, …)',
  letter: 'a lower-case letter (a, b, …)',
  roman: 'a lower-case roman numeral (i, ii, …)',
  article: 'an article number (1, 2, 2 bis, …)',
  'lettered-article': 'an article number (1, 2, 5.A, …)',
  chapter: 'an upper-case roman numeral (I, II, …)',
};

const ARTICLE_NUMBER = new RegExp(`^(\\d{1,4})(?:\\s*(${LATIN_SUFFIX_PATTERN})|\\.([A-Za-z]))?$`, 'i');

/**
 * The position of a printed number among its siblings, as a sortable pair: `2` < `2 bis` < `3`, `5` < `5.A`,
 * `ii` < `iv`, `II` < `IV`, `a` < `b`. `roman` says whether a run of i/v/x/l/c letters is a numeral (items and chapters)
 * or not (a subparagraph `c`). Anything else sorts last.
 */
export function numberOrder(printed: string, roman: boolean): readonly [number, number] {
  const m = ARTICLE_NUMBER.exec(printed);
  if (m) {
    const n = Number(m[1]);
    return [n, m[2] ? latinRank(m[2])! : m[3] ? m[3].toLowerCase().charCodeAt(0) - 96 : 0];
  }
  if (roman) {
    const value = romanToInt(printed);
    if (value !== undefined) return [value, 0];
  }
  return /^[a-z]$/i.test(printed) ? [printed.toLowerCase().charCodeAt(0) - 96, 0] : [Number.MAX_SAFE_INTEGER, 0];
}

/** The leading number of an article number (`2 bis` → 2, `5.A` → 5); `NaN` when it has none. */
export function articleOrdinal(number: string): number {
  return Number(/^\d{1,4}/.exec(number)?.[0] ?? Number.NaN);
}

/** True for `2 bis`, `3 ter`: an article inserted after another. */
export function hasLatinSuffix(number: string): boolean {
  return new RegExp(`\\d\\s*(?:${LATIN_SUFFIX_PATTERN})$`, 'i').test(number);
}

/** The next item numeral after `value` (none → i, iv → v), lower-case; `undefined` past xxxix. */
export function nextItemNumeral(value: string | undefined): string | undefined {
  if (value === undefined) return 'i';
  const n = romanToInt(value);
  const next = n === undefined || n >= 39 ? undefined : intToRoman(n + 1);
  return next?.toLowerCase();
}

/**
 * Whether `value` is an eId number, `/^[0-9a-z]+(?:-[0-9a-z]+)*$/` read by char codes: runs of lower-case ASCII
 * letters and digits joined by single hyphens (`27`, `2bis`, `5-a`).
 *
 * @example
 * ```ts
 * isEidNum('5-a') // true
 * isEidNum('5.A') // false
 * ```
 */
export function isEidNum(value: string): boolean {
  const length = value.length;
  if (length === 0) return false;
  let hyphen = true; // the start, as after a hyphen: no hyphen may come first
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) hyphen = false;
    else if (c === 45 && !hyphen) hyphen = true;
    else return false;
  }
  return !hyphen;
}

/** Whether a number is already clean (`27`, `e`, `ii`, `2bis`): lower-case ASCII letters and digits only. */
export function isCleanNum(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}
