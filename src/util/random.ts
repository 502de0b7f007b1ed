/**
 * A seeded pseudo-random generator for the generators of test and benchmark data (never for anything secret).
 *
 * @module
 */

/**
 * mulberry32: a small, fast, seeded generator of numbers in [0, 1). The same seed gives the same sequence.
 *
 * @example
 * ```ts
 * const next = seededRandom(42)
 * next() // 0.6011037519201636, every time
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
