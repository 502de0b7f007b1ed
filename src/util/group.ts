/**
 * Grouping records by a key, keeping first-seen order (links by their subject or object, before building answers).
 *
 * @module
 */

/** Groups the items that pass `keep` by `key`, in first-seen order. */
export function groupBy<T, K extends string = string>(items: Iterable<T>, key: (item: T) => K, keep: (item: T) => boolean = () => true): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    if (!keep(item)) continue;
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
