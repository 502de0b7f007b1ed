/**
 * Folding names for lookups that ignore case, accents and punctuation.
 *
 * @module
 */

/**
 * The folded key of a name: accents dropped, lower case, every run of other characters one hyphen.
 *
 * @example
 * ```ts
 * foldKey('Smuggling of migrants by sea') // 'smuggling-of-migrants-by-sea'
 * foldKey('Côte d’Ivoire') // 'cote-d-ivoire'
 * ```
 */
export function foldKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A name folded for sorting: accents dropped, lower case (the same order on every platform, unlike locale collation).
 *
 * @example
 * ```ts
 * sortFold('Åland Islands') // 'aland islands'
 * ```
 */
export function sortFold(value: string): string {
  // Plain ASCII has nothing to decompose: most names, and the fast path when sorting tens of thousands.
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 128;
  return (ascii ? value : value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
}
