/**
 * Optional fields without `undefined` values: the one helper for what `...(x !== undefined && { x })` spelled out
 * field by field, so that a JSON-ready object has no key for what is absent.
 *
 * @module
 */

/** The fields of `T` whose value is never `undefined` stay required; the others become optional, without `undefined`. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `fields` without the keys whose value is `undefined` (`null`, `0`, `''` and `false` are kept).
 *
 * @example
 * ```ts
 * const node = { kind: 'part', label: p.label, ...defined({ title: p.title, note: p.note }) }
 * defined({ a: 1, b: undefined }) // { a: 1 }
 * ```
 */
export function defined<T extends object>(fields: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as Defined<T>;
}
