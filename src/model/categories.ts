/**
 * Finding a directory category by any of its names: its id, an alias, or its label with case, accents and punctuation
 * ignored. One lookup for the loader (which adds categories as it reads them) and the index.
 *
 * @module
 */
import { closest } from '../util/closest.js';
import { foldKey } from '../util/fold.js';
import type { CategoryRecord } from './dataset.js';

/** The categories by every name they go by. */
export class CategoryNames {
  readonly #byName = new Map<string, CategoryRecord>();
  readonly #categories = new Map<string, CategoryRecord>();

  constructor(categories: Iterable<CategoryRecord> = []) {
    for (const c of categories) this.add(c);
  }

  /** Adds a category under its label, aliases and id (the id wins over another category's alias or label). */
  add(category: CategoryRecord): void {
    this.#categories.set(category.id, category);
    this.#byName.set(foldKey(category.label), category);
    for (const alias of category.aliases) this.#byName.set(alias, category);
    this.#byName.set(category.id, category);
  }

  /**
   * The category a name stands for.
   *
   * @example
   * ```ts
   * names.get('Smuggling of migrants by sea')?.id // 'smuggling-of-migrants-by-sea'
   * ```
   */
  get(name: string): CategoryRecord | undefined {
    return this.#byName.get(name.trim()) ?? this.#byName.get(foldKey(name));
  }

  /** The ids of the categories nearest an unknown name (by id or alias, or an id it contains or is part of), best first. */
  suggestions(name: string): string[] {
    const ids = [...this.#categories.keys()];
    const aliases = [...this.#categories.values()].flatMap((c) => c.aliases);
    const folded = foldKey(name);
    const near = closest(folded, [...ids, ...aliases], 3).map((n) => this.#byName.get(n)!.id as string);
    const containing = ids.filter((id) => folded.length >= 3 && (id.includes(folded) || folded.includes(id)));
    return [...new Set([...near, ...containing])].slice(0, 3);
  }
}
