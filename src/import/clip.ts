/**
 * A value as an error message echoes it: at most about 80 characters, so that a megabyte literal does not become a
 * megabyte message. (A local helper until `errors.ts` has a shared one.)
 *
 * @module
 */

/**
 * `value`, cut to `max` characters with `…` and the length when it is longer.
 *
 * @example
 * ```ts
 * clip('x'.repeat(100)) // 'xx…x… (100 characters)', with 80 x
 * ```
 */
export function clip(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
