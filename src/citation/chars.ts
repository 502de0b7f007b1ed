/**
 * Character classes for the citation grammar, written as explicit Latin ranges rather than Unicode property escapes
 * (`\p{L}`): V8 compiles a case-insensitive Unicode regex with property classes in milliseconds, which the CLI pays on
 * every run. Citations and instrument names are written in Latin script; these ranges cover English, French,
 * Spanish, Dutch and German words next to them.
 *
 * @module
 */

/** Letters: ASCII and Latin-1/Latin Extended-A/B, without the multiplication and division signs. */
export const LETTER = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
/** Upper-case letters (ASCII and Latin-1). */
export const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE';
/** Lower-case letters (ASCII and Latin-1). */
export const LOWER = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF';
/** Letters and digits. */
export const WORD_CHAR = `${LETTER}0-9`;
/** Not followed by a letter or digit: the end of a word. */
export const WORD_END = `(?![${WORD_CHAR}])`;

/** Typographic dashes, which citations read as `-`. */
export const DASHES = /[\u2010-\u2015\u2212]/g;

/** Replaces typographic dashes and spaces with plain ones, keeping every offset. */
export function normalizeCitationText(text: string): string {
  return text.replace(DASHES, '-').replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}

/**
 * `text.replace(DASHES, '-')`, by char codes, for a text whose only characters beyond ASCII are dashes (the
 * scanner's input; mostly one dash, in a range).
 *
 * @example
 * ```ts
 * plainDashes('arts. 7\u20139') // 'arts. 7-9'
 * ```
 */
export function plainDashes(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 126) {
      out += text.slice(from, i) + '-';
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

// Character codes, as the scanner (scan.ts) reads them: ASCII only.

/** A space the scanner skips (`\s` within ASCII: space, tab, line breaks, form feed). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
/** An ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** A lower-case ASCII letter. */
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
/** An upper-case ASCII letter. */
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
/** An ASCII letter. */
export function isLetter(c: number): boolean {
  return isLower(c) || isUpper(c);
}
/** An ASCII letter or digit. */
export function isAlnum(c: number): boolean {
  return isLetter(c) || isDigit(c);
}
/** What trails a citation: spaces and `.;,:)`. */
export function isTrailing(c: number): boolean {
  return isSpace(c) || c === 46 || c === 59 || c === 44 || c === 58 || c === 41;
}
