/**
 * Grouping records by a key, keeping first-seen order (links by their subject or object, before building answers).
 *
 * @module
 */

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** Groups the items that pass `keep` by `key`, in first-seen order. */
export function groupBy<T, K extends string = string>(items: Iterable<T>, key: (item: T) => K, keep: (item: T) => boolean = () => true): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) if (keep(item)) pushTo(groups, key(item), item);
  return groups;
}
