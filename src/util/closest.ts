/**
 * "Did you mean …?": the valid values closest to a wrong one.
 *
 * @module
 */
import { compareStrings } from './compare.js';

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so `72` is one step from `27`). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/**
 * How many characters of a value and a candidate are compared. Valid values (ids, slugs, State names, numbers) are far
 * shorter; a longer input is compared by its prefix, so that a hostile 100,000-character name costs no more than this.
 */
export const MAX_COMPARED = 128;

/**
 * The candidates closest to `value`, best first: by edit distance (case-insensitive), then, for numbers, by numeric
 * distance. Only candidates within `maxDistance` (default: a third of the longer string, at least 1) are returned.
 * A candidate whose length differs from the value's by more than that is skipped unread (the distance is at least the
 * difference), and the distance is computed on the first {@link MAX_COMPARED} characters of each.
 *
 * @example
 * ```ts
 * closest('legislative-guide', ['legislative-guides', 'assessment-guide']) // ['legislative-guides']
 * ```
 */
export function closest(value: string, candidates: Iterable<string>, limit = 3, maxDistance?: number): string[] {
  const v = value.slice(0, MAX_COMPARED).toLowerCase();
  const scored: { candidate: string; distance: number; numeric: number }[] = [];
  for (const candidate of candidates) {
    const budget = maxDistance ?? Math.max(1, Math.ceil(Math.max(value.length, candidate.length) / 3));
    const c = candidate.slice(0, MAX_COMPARED).toLowerCase();
    const prefix = value.length >= 3 && value.length <= candidate.length && c.startsWith(v);
    if (!prefix && Math.abs(value.length - candidate.length) > budget) continue;
    const distance = prefix ? 0.5 : editDistance(v, c);
    if (distance > budget) continue;
    const numeric = /^\d+$/.test(v) && /^\d+$/.test(c) ? Math.abs(Number(v) - Number(c)) : 0;
    scored.push({ candidate, distance, numeric });
  }
  scored.sort((a, b) => a.distance - b.distance || a.numeric - b.numeric || compareStrings(a.candidate, b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
