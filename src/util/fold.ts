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
